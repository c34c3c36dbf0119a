import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatDateTime } from '../../src/intl-format.js';
import { Link } from '../../src/router.js';
import { categoryName } from './category-name.js';
import { discardQueued, flushQueue } from './queue-service.js';
import type { QueueEntry } from './report-queue.js';
import { groupTrackingCode } from './tracking-code.js';
import { useReportQueue } from './use-report-queue.js';

/** The reports kept on this device: waiting, refused (with the reason), or sent (with the code). */
export function QueuedReports() {
  const { t } = useTranslation();
  const queue = useReportQueue();
  const hasPending = queue.entries.some((entry) => entry.state === 'pending');

  if (queue.entries.length === 0) return null;
  return (
    <section className="queued-reports" aria-labelledby="queued-reports-title">
      <h2 id="queued-reports-title">{t('report.queue.title')}</h2>
      <p>{t('report.queue.intro')}</p>
      <div role="status" className="status-region">
        {queue.isSending ? <p className="loading">{t('report.queue.sending')}</p> : null}
      </div>
      <ul className="queued-reports__list">
        {queue.entries.map((entry) => (
          <QueuedReport key={entry.id} entry={entry} />
        ))}
      </ul>
      {hasPending ? (
        <button type="button" className="button" disabled={queue.isSending} onClick={() => void flushQueue({ force: true })}>
          {t('report.queue.sendNow')}
        </button>
      ) : null}
    </section>
  );
}

function QueuedReport({ entry }: { entry: QueueEntry }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <li className={`queued-report queued-report--${entry.state}`} data-state={entry.state}>
      <p className="queued-report__head">
        <span className={`tag ${entry.state === 'sent' ? 'tag--green' : entry.state === 'failed' ? 'tag--red' : 'tag--grey'}`}>
          {t(`report.queue.state.${entry.state}`)}
        </span>{' '}
        <span className="queued-report__category">{categoryName(entry.category, language)}</span>
      </p>
      <p className="queued-report__time">
        {t('report.queue.written', { time: formatDateTime(new Date(entry.createdAt).toISOString(), language) })}
      </p>
      {entry.description ? <p className="queued-report__description">{entry.description}</p> : null}
      {entry.state === 'failed' && entry.failure ? (
        <p className="queued-report__failure">
          <span className="visually-hidden">{t('common.errorPrefix')} </span>
          {entry.failure}
        </p>
      ) : null}
      {entry.state === 'sent' && entry.trackingCode ? (
        <p>
          {t('report.queue.code')}{' '}
          <Link to={`/track/${entry.trackingCode}`} className="queued-report__code">
            {groupTrackingCode(entry.trackingCode)}
          </Link>
        </p>
      ) : null}
      <button type="button" className="button button--secondary button--small" onClick={() => void discardQueued(entry.id)}>
        {entry.state === 'sent' ? t('report.queue.dismiss') : t('report.queue.discard')}
      </button>
    </li>
  );
}
