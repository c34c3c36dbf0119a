import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { Link } from '../../src/router.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { categoryName } from '../report/category-name.js';
import { isAlarming } from './alarm.js';
import type { QueueIncident } from './console-api.js';
import { useConsole } from './console-state.js';
import { FeedStatus } from './feed-status.js';
import { formatDuration, slaState } from './sla.js';
import { useDistrictNames } from './use-district-names.js';
import { useNow } from './use-now.js';

/** The live queue: open incidents of the jurisdiction, most urgent and longest waiting first. */
export function QueuePage() {
  const { t } = useTranslation();
  const { queue, queueError, reloadQueue } = useConsole();
  const districts = useDistrictNames((queue ?? []).map((incident) => incident.regionId));
  const now = useNow();

  return (
    <>
      <div className="console__top">
        <PageHeading title={t('console.queue.title')}>{t('console.queue.title')}</PageHeading>
        <Link to="/incidents/new" className="button" aria-keyshortcuts="N">
          {t('console.queue.newCall')}
        </Link>
      </div>
      <p className="field__hint">{t('console.queue.keys')}</p>
      <FeedStatus />
      {queueError ? <LoadFailure error={queueError} onRetry={reloadQueue} /> : null}
      {queue === null && !queueError ? <LoadingMessage /> : null}
      {queue !== null ? (
        <>
          <p role="status" className="queue__count">
            {t('console.queue.count', { count: queue.length })}
          </p>
          {queue.length === 0 ? <p>{t('console.queue.empty')}</p> : null}
          <ol className="queue" aria-label={t('console.queue.title')}>
            {queue.map((incident) => (
              <QueueRow key={incident.id} incident={incident} district={districts.get(incident.districtId ?? '')} now={now} />
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}

function QueueRow({ incident, district, now }: { incident: QueueIncident; district: string | undefined; now: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const sla = slaState(incident, now);
  const age = Math.max(0, Math.floor((now - Date.parse(incident.reportedAt)) / 1000));
  const classes = ['queue__row', `queue__row--p${incident.priority}`];
  if (sla.isOverdue) classes.push('queue__row--overdue');
  if (isAlarming(incident)) classes.push('queue__row--alarm');
  return (
    <li className={classes.join(' ')} data-incident-id={incident.id}>
      <span className={`priority priority--p${incident.priority}`}>P{incident.priority}</span>
      <Link to={`/incidents/${incident.id}`} className="queue__category">
        {categoryName(incident.category, language)}
      </Link>
      <span className="queue__meta">
        <span>{t(`console.source.${incident.source}`, { defaultValue: incident.source })}</span>
        <span>{district ?? t('console.queue.noDistrict')}</span>
        <span>{t(`console.status.${incident.status}`, { defaultValue: incident.status })}</span>
      </span>
      <span className="queue__times">
        <span>{t('console.queue.age', { time: formatDuration(age) })}</span>
        {sla.phase === 'met' ? null : (
          <span className={sla.isOverdue ? 'sla sla--overdue' : 'sla'}>
            {t(sla.isOverdue ? `console.sla.${sla.phase}Overdue` : `console.sla.${sla.phase}`, {
              time: formatDuration(Math.abs(sla.remainingSeconds ?? 0)),
            })}
          </span>
        )}
      </span>
    </li>
  );
}
