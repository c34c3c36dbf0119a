import { TableScroll } from './table-scroll.js';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { rateText } from './figures.js';
import type { NeighbourhoodSummary } from './portal-api.js';

/** Offences per 10,000 residents over the 24 months: here, in the district and in the country. */
export function RatesTable({ summary }: { summary: NeighbourhoodSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <p>{t('portal.rates.lead')}</p>
      <TableScroll label={t('portal.rates.caption')}>
        <table className="table" data-testid="rates-table">
          <caption className="table__caption">{t('portal.rates.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('portal.table.category')}</th>
              <th scope="col" className="table__numeric">
                {t('portal.rates.beat')}
              </th>
              <th scope="col" className="table__numeric">
                {t('portal.rates.district')}
              </th>
              <th scope="col" className="table__numeric">
                {t('portal.rates.country')}
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.categories.map((c) => (
              <tr key={c.category}>
                <th scope="row">{c.name}</th>
                <td className="table__numeric">{rateText(c.per10000.last24Months.beat, language)}</td>
                <td className="table__numeric">{rateText(c.per10000.last24Months.district, language)}</td>
                <td className="table__numeric">{rateText(c.per10000.last24Months.country, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="field__hint">{t('portal.rates.estimated')}</p>
    </>
  );
}
