import { useTranslation } from 'react-i18next';
import type { Language } from '../../../common/roles.js';
import { formatDateTime } from '../../src/intl-format.js';
import { Link } from '../../src/router.js';
import { useResource } from '../../src/use-resource.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { GradeTag } from './grade-tag.js';
import { byRisk, preventionApi } from './prevention-api.js';

/** The officer's cases (or all of the area's), high risk first; numbers and grades, never names. */
export function CaseList({ scope, canOpen }: { scope: 'mine' | 'all'; canOpen: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const cases = useResource(
    (signal) => (scope === 'mine' ? preventionApi.myCases(signal) : preventionApi.allCases(signal)),
    [scope],
  );
  const title = scope === 'mine' ? t('prevention.list.title') : t('prevention.list.allTitle');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('prevention.list.intro')}</p>
      {canOpen ? (
        <p>
          <Link to="/prevention/new" className="button">
            {t('prevention.create.open')}
          </Link>
        </p>
      ) : null}
      {cases.status === 'loading' ? (
        <LoadingMessage />
      ) : cases.status === 'failed' ? (
        <LoadFailure error={cases.error} onRetry={cases.reload} />
      ) : cases.data.items.length === 0 ? (
        <p>{t('prevention.list.empty')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('prevention.list.case')}</th>
              <th scope="col">{t('prevention.list.risk')}</th>
              <th scope="col" className="table__optional">
                {t('prevention.list.updated')}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...cases.data.items].sort(byRisk).map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link to={`/prevention/cases/${c.id}`}>{c.caseNumber}</Link>
                </th>
                <td>
                  <GradeTag grade={c.riskGrade} />
                  {c.needsReassessment ? <span className="prevention-flag">{t('prevention.list.reassess')}</span> : null}
                </td>
                <td className="table__optional">{formatDateTime(c.updatedAt, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
