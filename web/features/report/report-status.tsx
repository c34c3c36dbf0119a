import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatDateTime } from '../../src/intl-format.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { useResource } from '../../src/use-resource.js';
import { categoryName } from './category-name.js';
import { RatingForm } from './rating-form.js';
import { fetchReportStatus, type ReportStatus } from './report-api.js';
import { groupTrackingCode } from './tracking-code.js';

const FINISHED: ReportStatus[] = ['resolved', 'closed'];
const STOPPED: ReportStatus[] = ['cancelled', 'merged'];

function tagClass(status: ReportStatus): string {
  if (FINISHED.includes(status)) return 'tag tag--green';
  if (STOPPED.includes(status)) return 'tag tag--grey';
  return 'tag tag--blue';
}

/** What the reporter may see of a report: status, category, times and the public timeline. */
export function ReportStatusPanel({ code }: { code: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const report = useResource((signal) => fetchReportStatus(code, signal), [code, language]);

  if (report.status === 'loading') return <LoadingMessage />;
  if (report.status === 'failed') return <LoadFailure error={report.error} onRetry={report.reload} />;
  const view = report.data;
  return (
    <section className="report-status" aria-labelledby="report-status-title">
      <h2 id="report-status-title" className="report-status__title">
        {t('report.track.reportTitle', { code: groupTrackingCode(view.trackingCode) })}
      </h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('report.track.status')}</dt>
          <dd>
            <span className={tagClass(view.status)} data-status={view.status}>
              {t(`report.status.${view.status}`)}
            </span>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('report.category')}</dt>
          <dd>{categoryName(view.category, language)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('report.track.created')}</dt>
          <dd>{formatDateTime(view.createdAt, language)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('report.track.updated')}</dt>
          <dd>{formatDateTime(view.updatedAt, language)}</dd>
        </div>
      </dl>
      <h3>{t('report.track.timeline')}</h3>
      <ol className="report-timeline">
        {view.timeline.map((entry, index) => (
          <li key={`${entry.at}-${index}`} className="report-timeline__entry">
            <time className="report-timeline__time" dateTime={entry.at}>
              {formatDateTime(entry.at, language)}
            </time>
            <span className="report-timeline__text">{entry.text}</span>
          </li>
        ))}
      </ol>
      <button type="button" className="button button--secondary" onClick={report.reload}>
        {t('report.track.refresh')}
      </button>
      {FINISHED.includes(view.status) ? <RatingForm code={view.trackingCode} /> : null}
    </section>
  );
}
