import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { StatusMessage } from '../../src/ui/status-message.js';
import { useResource } from '../../src/use-resource.js';
import { ChiefReportEditor } from './chief-report-editor.js';
import { formatPeriod } from './chief-report-format.js';
import { ChiefReportModeration } from './chief-report-moderation.js';
import { listStaffReports } from './chief-reports-api.js';
import { TableScroll } from './table-scroll.js';
import './chief-reports.css';

type View = { kind: 'list' } | { kind: 'new' } | { kind: 'edit'; id: string };

/** Heads' reports in the staff member's area: write, publish, and moderate the questions under each. */
export function ChiefReportsAdminPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [view, setView] = useState<View>({ kind: 'list' });
  const [status, setStatus] = useState<string | null>(null);
  const reports = useResource((signal) => listStaffReports(signal), [language, view]);
  const title = t('portal.chiefReports.admin.title');

  if (view.kind !== 'list') {
    const id = view.kind === 'edit' ? view.id : null;
    return (
      <>
        <ChiefReportEditor
          key={id ?? 'new'}
          id={id}
          onSaved={(saved) => setView({ kind: 'edit', id: saved })}
          onBack={() => setView({ kind: 'list' })}
        />
        {id ? <ChiefReportModeration reportId={id} /> : null}
      </>
    );
  }
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <StatusMessage message={status} />
      <p>
        <button
          type="button"
          className="button"
          onClick={() => {
            setStatus(null);
            setView({ kind: 'new' });
          }}
        >
          {t('portal.chiefReports.admin.new')}
        </button>
      </p>
      {reports.status === 'loading' ? <LoadingMessage /> : null}
      {reports.status === 'failed' ? <LoadFailure error={reports.error} onRetry={reports.reload} /> : null}
      {reports.status === 'ready' ? (
        <TableScroll label={t('portal.chiefReports.admin.listCaption')}>
          <table className="table">
            <caption className="table__caption">{t('portal.chiefReports.admin.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('portal.chiefReports.admin.report')}</th>
                <th scope="col">{t('portal.chiefReports.admin.area')}</th>
                <th scope="col">{t('portal.chiefReports.admin.state')}</th>
                <th scope="col">{t('portal.chiefReports.admin.pending')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.data.items.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <button type="button" className="link-button" onClick={() => setView({ kind: 'edit', id: r.id })}>
                      {r.title || t('portal.chiefReports.admin.untitled')}
                    </button>
                    <br />
                    <span className="field__hint">{formatPeriod(r.periodStart, r.periodEnd)}</span>
                  </th>
                  <td>{[r.regionName, r.districtName].filter(Boolean).join(', ')}</td>
                  <td>{t(`portal.chiefReports.admin.states.${r.state}`)}</td>
                  <td>{r.pendingQuestions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}
