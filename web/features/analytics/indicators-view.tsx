import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { useResource } from '../../src/use-resource.js';
import { fetchIndicators, type Indicator } from './analytics-api.js';
import { formatRounded } from './number-format.js';
import { YearPicker } from './period.js';
import { ScrollTable } from './scroll-table.js';

/** The concept's five indicators for a year: value and 95% interval beside the baseline and the 2028 target. */
export function IndicatorsView() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [year, setYear] = useState(new Date().getUTCFullYear() - 1);
  const indicators = useResource((signal) => fetchIndicators(year, signal), [year, language]);
  const show = (indicator: Indicator, value: number) =>
    `${formatRounded(value, language)}${indicator.unit === 'percent' ? '%' : ''}`;
  return (
    <>
      <p>{t('analytics.indicators.intro')}</p>
      <YearPicker id="indicator-year" value={year} onChange={setYear} />
      {indicators.status === 'loading' && <LoadingMessage />}
      {indicators.status === 'failed' && <LoadFailure error={indicators.error} onRetry={indicators.reload} />}
      {indicators.status === 'ready' && (
        <>
          {indicators.data.indicators.some((i) => i.demo) && <p className="notice notice--warning">{t('analytics.demoData')}</p>}
          <ScrollTable label={t('analytics.views.indicators')}>
            <table className="table">
              <caption className="table__caption">{t('analytics.indicators.caption', { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('analytics.indicators.name')}</th>
                  <th scope="col">{t('analytics.indicators.value')}</th>
                  <th scope="col">{t('analytics.indicators.ci')}</th>
                  <th scope="col">{t('analytics.indicators.baseline')}</th>
                  <th scope="col">{t('analytics.indicators.target')}</th>
                  <th scope="col">{t('analytics.indicators.method')}</th>
                </tr>
              </thead>
              <tbody>
                {indicators.data.indicators.map((indicator) => (
                  <tr key={indicator.id}>
                    <th scope="row">{indicator.name[language]}</th>
                    <td>{indicator.value === null ? t('analytics.noData') : show(indicator, indicator.value)}</td>
                    <td>
                      {indicator.ci95 ? `${show(indicator, indicator.ci95.low)} – ${show(indicator, indicator.ci95.high)}` : '—'}
                    </td>
                    <td>
                      {indicator.baseline
                        ? `${show(indicator, indicator.baseline.value)} (${indicator.baseline.year})`
                        : t('analytics.indicators.noBaseline')}
                    </td>
                    <td>{`${show(indicator, indicator.target.value)} (${indicator.target.year})`}</td>
                    <td className="analytics-method">
                      {indicator.method[language]} {indicator.source[language]}
                      {indicator.denominator !== null && indicator.unit === 'percent'
                        ? ` ${t('analytics.indicators.sample', { respondents: indicator.denominator })}`
                        : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </>
      )}
    </>
  );
}
