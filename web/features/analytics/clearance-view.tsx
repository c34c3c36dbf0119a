import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatDateTime } from '../../src/intl-format.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { SelectField } from '../../src/ui/select-field.js';
import { useResource } from '../../src/use-resource.js';
import { fetchClearance } from './analytics-api.js';
import { formatRounded } from './number-format.js';
import { ScrollTable } from './scroll-table.js';

const SPANS = ['lastMonth', 'lastQuarter', 'thisYear'] as const;
type Span = (typeof SPANS)[number];
// Almaty has been at UTC+5 since March 2024; periods start at its midnight.
const ALMATY_OFFSET_MS = 5 * 3_600_000;

/** A period of whole local months (this year: up to now). */
function periodOf(span: Span, now = new Date()): { from: string; to: string } {
  const local = new Date(now.getTime() + ALMATY_OFFSET_MS);
  const [year, month] = [local.getUTCFullYear(), local.getUTCMonth()];
  const at = (y: number, m: number) => new Date(Date.UTC(y, m, 1) - ALMATY_OFFSET_MS).toISOString();
  if (span === 'thisYear') return { from: at(year, 0), to: now.toISOString() };
  return { from: at(year, month - (span === 'lastMonth' ? 1 : 3)), to: at(year, month) };
}

/** The clearance rate per area with every count it comes from, so a reader can redo the sum. */
export function ClearanceView() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [span, setSpan] = useState<Span>('lastMonth');
  const clearance = useResource((signal) => fetchClearance(periodOf(span), signal), [span, language]);
  const percent = (value: number | null) => (value === null ? '–' : `${formatRounded(value * 100, language)}%`);
  return (
    <>
      <p>{t('analytics.clearance.intro')}</p>
      <SelectField
        id="clearance-period"
        label={t('analytics.clearance.period')}
        value={span}
        onChange={(e) => setSpan(e.target.value as Span)}
      >
        {SPANS.map((s) => (
          <option key={s} value={s}>
            {t(`analytics.clearance.spans.${s}`)}
          </option>
        ))}
      </SelectField>
      {clearance.status === 'loading' && <LoadingMessage />}
      {clearance.status === 'failed' && <LoadFailure error={clearance.error} onRetry={clearance.reload} />}
      {clearance.status === 'ready' && (
        <>
          <p className="analytics-forecast__verdict">
            {t('analytics.clearance.summary', {
              rate: percent(clearance.data.totals.rate),
              cleared: clearance.data.totals.clearedByEnd,
              reported: clearance.data.totals.reported,
              from: formatDateTime(clearance.data.from, language),
              to: formatDateTime(clearance.data.to, language),
            })}
            {clearance.data.totals.clearedUndated > 0 &&
              ` ${t('analytics.clearance.summaryUndated', {
                undated: clearance.data.totals.clearedUndated,
                rate: percent(clearance.data.totals.rateUndatedIncluded),
              })}`}
          </p>
          <ScrollTable label={t('analytics.clearance.caption')}>
            <table className="table analytics-situation__areas">
              <caption className="table__caption">{t('analytics.clearance.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(`analytics.situation.level.${clearance.data.level}`)}</th>
                  <th scope="col">{t('analytics.clearance.reported')}</th>
                  <th scope="col">{t('analytics.clearance.clearedByEnd')}</th>
                  <th scope="col">{t('analytics.clearance.clearedLater')}</th>
                  <th scope="col">{t('analytics.clearance.clearedUndated')}</th>
                  <th scope="col">{t('analytics.clearance.open')}</th>
                  <th scope="col">{t('analytics.clearance.rate')}</th>
                  <th scope="col">{t('analytics.clearance.rateUndatedIncluded')}</th>
                </tr>
              </thead>
              <tbody>
                {[...clearance.data.areas, { ...clearance.data.totals, id: 'total', name: null }].map((area) => (
                  <tr key={area.id ?? 'unplaced'}>
                    <th scope="row">
                      {area.id === 'total'
                        ? t('analytics.clearance.total')
                        : (area.name?.[language] ?? t('analytics.situation.unplaced'))}
                    </th>
                    <td>{area.reported}</td>
                    <td>{area.clearedByEnd}</td>
                    <td>{area.clearedLater}</td>
                    <td>{area.clearedUndated}</td>
                    <td>{area.open}</td>
                    <td>{percent(area.rate)}</td>
                    <td>{percent(area.rateUndatedIncluded)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
          <p className="analytics-method">
            {t('analytics.clearance.method', { asOf: formatDateTime(clearance.data.asOf, language) })}
          </p>
        </>
      )}
    </>
  );
}
