import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../src/intl-format.js';
import { useLanguage } from '../../src/i18n.js';
import type { Interval, ResponseFigures } from './dispatch-api.js';
import { formatDuration } from './durations.js';

export interface FiguresRow extends ResponseFigures {
  key: string;
  label: string;
}

const INTERVALS = ['toDispatch', 'toOnScene', 'toResolved'] as const;

function IntervalCells({ interval, label }: { interval: Interval; label: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const units = { h: t('dispatch.duration.h'), min: t('dispatch.duration.min'), s: t('dispatch.duration.s') };
  const none = t('dispatch.times.none');
  return (
    <>
      <td role="cell" className="table__numeric" data-label={`${label}: ${t('dispatch.times.median')}`}>
        {formatDuration(interval.medianSeconds, units, none)}
      </td>
      <td role="cell" className="table__numeric" data-label={`${label}: ${t('dispatch.times.p90')}`}>
        {formatDuration(interval.p90Seconds, units, none)}
      </td>
      <td role="cell" className="table__numeric" data-label={`${label}: ${t('dispatch.times.count')}`}>
        {formatNumber(interval.count, language)}
      </td>
    </>
  );
}

/**
 * Response times as a table: for each group, the incidents reported, and median, 90th percentile
 * and count for each interval. Two header rows tie each figure to its interval for screen readers.
 */
export function ResponseTimesTable({
  caption,
  groupLabel,
  rows,
}: {
  caption: string;
  groupLabel: string;
  rows: readonly FiguresRow[];
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    // Wide on a laptop: it scrolls sideways there, so it takes focus to scroll by keyboard.
    <div className="response-times__scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="table table--stack response-times__table" role="table">
        <caption className="table__caption">{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" rowSpan={2} role="columnheader">
              {groupLabel}
            </th>
            <th scope="col" rowSpan={2} role="columnheader" className="table__numeric">
              {t('dispatch.times.incidents')}
            </th>
            {INTERVALS.map((key) => (
              <th key={key} scope="colgroup" colSpan={3} role="columnheader">
                {t(`dispatch.times.${key}`)}
              </th>
            ))}
          </tr>
          <tr role="row">
            {INTERVALS.flatMap((key) => [
              <th key={`${key}-m`} scope="col" role="columnheader" className="table__numeric">
                {t('dispatch.times.median')}
              </th>,
              <th key={`${key}-p`} scope="col" role="columnheader" className="table__numeric">
                {t('dispatch.times.p90')}
              </th>,
              <th key={`${key}-n`} scope="col" role="columnheader" className="table__numeric">
                {t('dispatch.times.count')}
              </th>,
            ])}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row) => (
            <tr key={row.key} role="row">
              <th scope="row" role="rowheader" data-label={groupLabel}>
                {row.label}
              </th>
              <td role="cell" className="table__numeric" data-label={t('dispatch.times.incidents')}>
                {formatNumber(row.incidents, language)}
              </td>
              {INTERVALS.map((key) => (
                <IntervalCells key={key} interval={row[key]} label={t(`dispatch.times.${key}`)} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
