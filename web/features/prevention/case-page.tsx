import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../src/api.js';
import { Link } from '../../src/router.js';
import { useResource } from '../../src/use-resource.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { CaseClosing } from './case-closing.js';
import { ClosedCaseNotice } from './closed-case-notice.js';
import { CaseSections } from './case-sections.js';
import { CaseExport } from './case-export.js';
import { PersonSearch } from './person-search.js';
import { GradeTag } from './grade-tag.js';
import { MaskedCase } from './masked-case.js';
import { preventionApi, type CaseFile } from './prevention-api.js';

/** One case: the file for its team; for anyone else in its area, the masked summary (and the break-glass for officers). */
export function CasePage({ caseId, canAssess }: { caseId: string; canAssess: boolean }) {
  const { t } = useTranslation();
  const loaded = useResource((signal) => preventionApi.caseFile(caseId, signal), [caseId]);
  const [opened, setOpened] = useState<CaseFile | null>(null);
  const file = opened ?? loaded.data;

  if (!file) {
    if (loaded.status === 'loading') return <LoadingMessage />;
    const masked =
      loaded.error instanceof ApiError &&
      (loaded.error.code === 'prevention.break_glass_required' || loaded.error.code === 'prevention.case_team_only');
    if (masked) return <MaskedCase caseId={caseId} onOpened={setOpened} />;
    return <LoadFailure error={loaded.error} onRetry={loaded.reload} />;
  }

  const title = t('prevention.case.title', { number: file.caseNumber });
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="case-head">
        <GradeTag grade={file.riskGrade} />
        {file.needsReassessment ? <span className="prevention-flag">{t('prevention.list.reassess')}</span> : null}
        {file.status === 'closed' ? <span className="prevention-flag">{t('prevention.closing.closedFlag')}</span> : null}
      </p>
      {file.access === 'break-glass' ? (
        <div className="notice notice--warning" role="note">
          <p>{t('prevention.case.breakGlassNotice')}</p>
        </div>
      ) : null}
      <ClosedCaseNotice file={file} reopen={canAssess && file.access !== 'break-glass' ? 'below' : 'ask'} />
      {canAssess && file.status === 'open' ? (
        <p>
          <Link to={`/prevention/cases/${file.id}/assess`} className="button">
            {t('prevention.case.assess')}
          </Link>
        </p>
      ) : null}
      <CaseSections
        file={file}
        showBreakGlassLog={file.access !== 'break-glass' && (canAssess || file.access === 'oversight')}
        canRecordBreach={canAssess}
        onBreachRecorded={async () => setOpened(await preventionApi.caseFile(file.id, new AbortController().signal))}
      />
      <CaseClosing file={file} canClose={canAssess} onChanged={setOpened} />
      <CaseExport file={file} />
      {/* A repeat victim or aggressor: the officer checks the person's other cases from here. */}
      {canAssess ? <PersonSearch /> : null}
      <p>
        <Link to="/prevention">{t('prevention.case.back')}</Link>
      </p>
    </>
  );
}
