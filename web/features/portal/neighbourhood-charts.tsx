import { TableScroll } from './table-scroll.js';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { cellText, monthName, sumText } from './figures.js';
import type { NeighbourhoodSummary } from './portal-api.js';

/** Bar lengths from shown counts only; a hidden figure gets a stub and its label, never a guessed length. */
function share(count: number | null, max: number): string {
  if (count === null || max === 0) return '0%';
  return `${Math.max((count / max) * 100, count > 0 ? 1 : 0)}%`;
}

/** A month whose every figure is hidden still gets a visible (hatched) stub, so it does not read as zero. */
const HIDDEN_STUB = '4%';

type CategoryRow = NeighbourhoodSummary['sensitive'][number];

/** Counts by category for the latest month and the 24 months, as published (hidden counts stay hidden). */
export function CategoryCountsTable({
  rows,
  latest,
  label,
  captioned = false,
  testId,
}: {
  rows: CategoryRow[];
  latest: string;
  label: string;
  /** Whether the table names itself; a table under its own heading needs no caption. */
  captioned?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <TableScroll label={label}>
      <table className="table" data-testid={testId}>
        {captioned && <caption className="table__caption">{label}</caption>}
        <thead>
          <tr>
            <th scope="col">{t('portal.table.category')}</th>
            <th scope="col" className="table__numeric">
              {latest}
            </th>
            <th scope="col" className="table__numeric">
              {t('portal.table.last24')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.category}>
              <th scope="row">{row.name}</th>
              <td className="table__numeric">{cellText(row.lastMonth, t, language)}</td>
              <td className="table__numeric">{sumText(row.last24Months, t, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Offences by category: last month's bars, with the figures as a table beside them for every reader. */
export function CategoryChart({ summary }: { summary: NeighbourhoodSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const max = Math.max(0, ...summary.categories.map((c) => c.last24Months.count));
  const latest = monthName(summary.months.latest, t);
  return (
    <>
      <figure className="portal-chart" aria-labelledby="category-chart-caption">
        <figcaption id="category-chart-caption" className="field__hint">
          {t('portal.chart.categoryCaption', { month: latest })}
        </figcaption>
        <ul className="portal-bars" aria-hidden="true">
          {summary.categories.map((c) => (
            <li key={c.category} className="portal-bars__row">
              <span className="portal-bars__label">{c.name}</span>
              <span className="portal-bars__track">
                <span className="portal-bars__bar portal-bars__bar--period" style={{ width: share(c.last24Months.count, max) }} />
                <span className="portal-bars__bar" style={{ width: share(c.lastMonth.count, max) }} />
              </span>
              <span className="portal-bars__value">
                {cellText(c.lastMonth, t, language)} / {sumText(c.last24Months, t, language)}
              </span>
            </li>
          ))}
        </ul>
        <p className="portal-legend" aria-hidden="true">
          <span className="portal-legend__swatch" /> {latest}{' '}
          <span className="portal-legend__swatch portal-legend__swatch--period" /> {t('portal.table.last24')}
        </p>
      </figure>
      <CategoryCountsTable
        rows={summary.categories}
        latest={latest}
        label={t('portal.chart.categoryTable')}
        captioned
        testId="category-table"
      />
    </>
  );
}

/** The beat's offences month by month, with a table of the same figures. */
export function MonthlyChart({ summary }: { summary: NeighbourhoodSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const max = Math.max(0, ...summary.monthly.map((m) => m.count));
  return (
    <>
      <div className="portal-columns" aria-hidden="true">
        {summary.monthly.map((m) => (
          <span key={m.month} className="portal-columns__column" title={`${monthName(m.month, t)}: ${sumText(m, t, language)}`}>
            <span
              className={m.hidden ? 'portal-columns__bar portal-columns__bar--partial' : 'portal-columns__bar'}
              style={{ height: m.count === 0 && m.hidden > 0 ? HIDDEN_STUB : share(m.count, max) }}
            />
          </span>
        ))}
      </div>
      <details className="portal-details">
        <summary>{t('portal.chart.showTable')}</summary>
        <TableScroll label={t('portal.chart.monthlyTable')}>
          <table className="table">
            <caption className="table__caption">{t('portal.chart.monthlyTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('portal.table.month')}</th>
                <th scope="col" className="table__numeric">
                  {t('portal.table.offences')}
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.monthly.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{monthName(m.month, t)}</th>
                  <td className="table__numeric">{sumText(m, t, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </>
  );
}
