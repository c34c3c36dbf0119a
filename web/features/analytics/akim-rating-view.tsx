import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { useResource } from '../../src/use-resource.js';
import { fetchAkimRating } from './analytics-api.js';
import { formatRounded } from './number-format.js';
import { YearPicker } from './period.js';
import { ScrollTable } from './scroll-table.js';

/** The akim rating with its method and every input, so the ranking can be checked by hand. */
export function AkimRatingView() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [year, setYear] = useState(new Date().getUTCFullYear() - 1);
  const rating = useResource((signal) => fetchAkimRating(year, signal), [year, language]);
  return (
    <>
      <YearPicker id="rating-year" value={year} onChange={setYear} />
      {rating.status === 'loading' && <LoadingMessage />}
      {rating.status === 'failed' && <LoadFailure error={rating.error} onRetry={rating.reload} />}
      {rating.status === 'ready' && (
        <>
          <p className="analytics-report__period">{rating.data.comparison.statement[language]}</p>
          <p className="analytics-method">{rating.data.method[language]}</p>
          {rating.data.regions.some((r) => r.demo) && <p className="notice notice--warning">{t('analytics.demoData')}</p>}
          <ScrollTable label={t('analytics.views.rating')}>
            <table className="table">
              <caption className="table__caption">{t('analytics.rating.caption', { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('analytics.rating.rank')}</th>
                  <th scope="col">{t('analytics.rating.region')}</th>
                  <th scope="col">{t('analytics.rating.score')}</th>
                  {rating.data.inputs.map((input) => (
                    <th scope="col" key={input.key}>
                      {input.name[language]}
                      {input.available ? '' : ` (${t('analytics.noData')})`}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rating.data.regions.map((region) => (
                  <tr key={region.regionId}>
                    <td>{region.rank ?? '—'}</td>
                    <th scope="row">{region.name[language]}</th>
                    <td>{region.score === null ? '—' : formatRounded(region.score, language)}</td>
                    {region.inputs.map((input) => (
                      <td key={input.key}>
                        {input.value === null
                          ? '—'
                          : `${formatRounded(input.value, language, 2)} → ${formatRounded(input.normalised ?? 0, language, 2)}`}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
          <h3>{t('analytics.rating.weightsTitle')}</h3>
          <ul>
            {rating.data.inputs.map((input) => (
              <li key={input.key}>
                {input.name[language]}:{' '}
                {formatRounded(rating.data.regions[0]?.inputs.find((i) => i.key === input.key)?.weight ?? 0, language, 2)} —{' '}
                <span className="analytics-method">{input.source}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
