import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatDateTime } from '../../src/intl-format.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { StatusMessage } from '../../src/ui/status-message.js';
import type { Situation } from './analytics-api.js';
import { formatRounded } from './number-format.js';
import { ScrollTable } from './scroll-table.js';
import { useSituation } from './use-situation.js';

const PRIORITIES = ['1', '2', '3', '4'] as const;
const UNIT_STATUSES = ['available', 'dispatched', 'en_route', 'on_scene', 'busy', 'off_duty'] as const;

/** What moved between two pictures, in words, for the live region; null when nothing did. */
function change(
  previous: Situation | null,
  current: Situation,
  t: (key: string, options?: Record<string, unknown>) => string,
  time: string,
): string | null {
  if (!previous) return null;
  const open = current.totals.open - previous.totals.open;
  const available = (current.totals.units.available ?? 0) - (previous.totals.units.available ?? 0);
  const today = current.totals.today - previous.totals.today;
  if (open === 0 && available === 0 && today === 0) return t('analytics.situation.updatedSame', { time });
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  return t('analytics.situation.updated', {
    time,
    open: current.totals.open,
    openChange: signed(open),
    available: current.totals.units.available ?? 0,
    availableChange: signed(available),
    today: current.totals.today,
  });
}

/**
 * The situation board: open incidents by priority and area, units by status, and today's
 * reports beside yesterday's and the usual, kept current by the live event stream.
 */
export function SituationView() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { current, previous, error, feed, reload } = useSituation(language);
  if (!current) {
    return error ? <LoadFailure error={error} onRetry={reload} /> : <LoadingMessage />;
  }
  const time = formatDateTime(current.at, language);
  const totals = current.totals;
  const areaName = (area: Situation['areas'][number]) => area.name?.[language] ?? t('analytics.situation.unplaced');
  return (
    <>
      <p>{t('analytics.situation.intro')}</p>
      <p className={`analytics-situation__feed analytics-situation__feed--${feed}`} data-feed={feed}>
        {t(`analytics.situation.feed.${feed}`)}
      </p>
      <StatusMessage message={change(previous, current, t, time)} />
      {error ? <LoadFailure error={error} onRetry={reload} /> : null}
      <p className="analytics-situation__at">{t('analytics.situation.at', { time })}</p>
      <dl className="analytics-situation__totals">
        <div>
          <dt>{t('analytics.situation.open')}</dt>
          <dd data-figure="open">{totals.open}</dd>
          <dd className="analytics-situation__detail">
            {PRIORITIES.map((p) =>
              t('analytics.situation.priorityCount', { priority: p, n: totals.openByPriority[p] ?? 0 }),
            ).join(' · ')}
          </dd>
        </div>
        <div>
          <dt>{t('analytics.situation.available')}</dt>
          <dd data-figure="available">{totals.units.available ?? 0}</dd>
          <dd className="analytics-situation__detail">
            {t('analytics.situation.unitsTotal', { n: Object.values(totals.units).reduce((a, b) => a + b, 0) })}
          </dd>
        </div>
        <div>
          <dt>{t('analytics.situation.today')}</dt>
          <dd data-figure="today">{totals.today}</dd>
          <dd className="analytics-situation__detail">
            {t('analytics.situation.compare', {
              yesterday: totals.yesterday,
              usual: formatRounded(totals.usual, language),
            })}
          </dd>
        </div>
      </dl>
      <ScrollTable label={t('analytics.situation.areasCaption')}>
        <table className="table analytics-situation__areas">
          <caption className="table__caption">{t('analytics.situation.areasCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(`analytics.situation.level.${current.level}`)}</th>
              <th scope="col">{t('analytics.situation.open')}</th>
              {PRIORITIES.map((p) => (
                <th scope="col" key={p}>
                  {t('analytics.situation.priority', { priority: p })}
                </th>
              ))}
              <th scope="col">{t('analytics.situation.available')}</th>
              <th scope="col">{t('analytics.situation.committed')}</th>
              <th scope="col">{t('analytics.situation.today')}</th>
              <th scope="col">{t('analytics.situation.yesterday')}</th>
              <th scope="col">{t('analytics.situation.usual')}</th>
            </tr>
          </thead>
          <tbody>
            {current.areas.map((area) => (
              <tr key={area.id ?? 'unplaced'}>
                <th scope="row">{areaName(area)}</th>
                <td>{area.open}</td>
                {PRIORITIES.map((p) => (
                  <td key={p}>{area.openByPriority[p] ?? 0}</td>
                ))}
                <td>{area.units.available ?? 0}</td>
                <td>{(area.units.dispatched ?? 0) + (area.units.en_route ?? 0) + (area.units.on_scene ?? 0)}</td>
                <td>{area.today}</td>
                <td>{area.yesterday}</td>
                <td>{formatRounded(area.usual, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <ScrollTable label={t('analytics.situation.unitsCaption')}>
        <table className="table">
          <caption className="table__caption">{t('analytics.situation.unitsCaption')}</caption>
          <thead>
            <tr>
              {UNIT_STATUSES.map((s) => (
                <th scope="col" key={s}>
                  {t(`dispatch.status.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {UNIT_STATUSES.map((s) => (
                <td key={s}>{totals.units[s] ?? 0}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </ScrollTable>
      <p className="analytics-method">{t('analytics.situation.method', { since: formatDateTime(current.since, language) })}</p>
    </>
  );
}
