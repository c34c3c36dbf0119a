import { useTranslation } from 'react-i18next';
import { Link } from '../../src/router.js';
import { useResource } from '../../src/use-resource.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { BreakGlassForm } from './break-glass-form.js';
import { GradeTag } from './grade-tag.js';
import { preventionApi, type CaseFile } from './prevention-api.js';

/**
 * A case the caller may know of but not read: what the server's masked summary says (number,
 * grade, roles and initials) and, for an officer, the break-glass form.
 */
export function MaskedCase({ caseId, onOpened }: { caseId: string; onOpened: (file: CaseFile) => void }) {
  const { t } = useTranslation();
  const masked = useResource((signal) => preventionApi.maskedCase(caseId, signal), [caseId]);
  if (masked.status === 'loading') return <LoadingMessage />;
  if (masked.status === 'failed') return <LoadFailure error={masked.error} onRetry={masked.reload} />;
  const summary = masked.data;
  const title = t('prevention.case.title', { number: summary.caseNumber });
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="case-head">
        <GradeTag grade={summary.riskGrade} />
      </p>
      <section aria-labelledby="masked-people" className="masked-case">
        <h2 id="masked-people">{t('prevention.masked.title')}</h2>
        <p>{t('prevention.masked.intro')}</p>
        <ul className="masked-people">
          {summary.people.map((p, i) => (
            <li key={i}>
              {t(`prevention.case.role.${p.role}`)}: <span className="masked-people__initials">{p.initials}</span>
            </li>
          ))}
        </ul>
      </section>
      {summary.canBreakGlass ? (
        <section aria-labelledby="masked-break-glass">
          <h2 id="masked-break-glass">{t('prevention.breakGlass.title')}</h2>
          <BreakGlassForm caseId={caseId} onOpened={onOpened} />
        </section>
      ) : (
        <p className="notice">{t('prevention.masked.teamOnly')}</p>
      )}
      <p>
        <Link to="/prevention">{t('prevention.case.back')}</Link>
      </p>
    </>
  );
}
