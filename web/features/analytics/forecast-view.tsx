import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatDateTime } from '../../src/intl-format.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { SelectField } from '../../src/ui/select-field.js';
import { useResource } from '../../src/use-resource.js';
import { useMe } from '../auth/session.js';
import { fetchClientConfig, fetchRegionBoundaries, useRegions } from '../geo/geo-api.js';
import { BOUNDARIES_CREDIT, MapAttribution } from '../geo/map-attribution.js';
import { fetchForecast, type Forecast, type ForecastModelName } from './analytics-api.js';
import { ForecastEvaluation } from './forecast-evaluation.js';
import { ForecastMap } from './forecast-map.js';
import { formatRounded } from './number-format.js';
import { ALL_CRIME, CategoryPicker } from './period.js';
import { ScrollTable } from './scroll-table.js';
import '../geo/map.css';
import './forecast-view.css';

const MODELS: ForecastModelName[] = ['etas', 'last-period', 'kde', 'long-term-average'];
// The list starts with the top squares; the rest of the map's squares are one press away.
const LIST_FIRST = 20;
// Almaty city: the demo's busiest region, a sensible first view for a country-wide analyst.
const FIRST_REGION = '750000000';

/** The analyst's choices, within the limits the server checks (FORECAST_LIMITS); the first of each is the default. */
const CHOICES = {
  cellSize: [500, 250, 1000],
  horizonDays: [7, 1, 28],
  periods: [8, 4, 12],
  share: [0.05, 0.01],
} as const;
type Options = { [K in keyof typeof CHOICES]: (typeof CHOICES)[K][number] };
const DEFAULTS: Options = { cellSize: 500, horizonDays: 7, periods: 8, share: 0.05 };

/** Next-period risk cells on a map and as a list, with the models' back-test, the method and its caveats. */
export function ForecastView() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe();
  const countryWide = me.jurisdiction.level === 'country';
  const [regionId, setRegionId] = useState(FIRST_REGION);
  const [categories, setCategories] = useState(ALL_CRIME);
  const [model, setModel] = useState<ForecastModelName>('etas');
  const [options, setOptions] = useState<Options>(DEFAULTS);
  const forecast = useResource(
    (signal) => fetchForecast({ categories, model, ...options, ...(countryWide ? { regionId } : {}) }, signal),
    [categories, model, regionId, countryWide, language, options.cellSize, options.horizonDays, options.periods, options.share],
  );

  return (
    <>
      <p>{t('analytics.forecast.intro')}</p>
      <div className="analytics-forecast__controls">
        {countryWide && <RegionPicker value={regionId} onChange={setRegionId} />}
        <CategoryPicker id="forecast-categories" value={categories} onChange={setCategories} />
        <SelectField
          id="forecast-model"
          label={t('analytics.forecast.model')}
          value={model}
          onChange={(e) => setModel(e.target.value as ForecastModelName)}
        >
          {MODELS.map((m) => (
            <option key={m} value={m}>
              {t(`analytics.forecast.models.${m}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <ForecastOptions value={options} onChange={setOptions} />
      {forecast.status === 'loading' && <LoadingMessage label={t('analytics.forecast.computing')} />}
      {forecast.status === 'failed' && <LoadFailure error={forecast.error} onRetry={forecast.reload} />}
      {forecast.status === 'ready' && (
        <>
          <p className="analytics-forecast__summary">
            {t('analytics.forecast.summary', {
              start: formatDateTime(forecast.data.start, language),
              end: formatDateTime(forecast.data.end, language),
              incidents: forecast.data.incidents,
              cells: forecast.data.studyCells,
              size: forecast.data.cellSize,
            })}
          </p>
          <div className="analytics-forecast">
            <ForecastCells forecast={forecast.data} />
            <ForecastEvaluation evaluation={forecast.data.evaluation} share={forecast.data.share} />
          </div>
        </>
      )}
      <ForecastMethod size={forecast.status === 'ready' ? forecast.data.cellSize : options.cellSize} />
    </>
  );
}

/** Square size, horizon, periods tested and the area flagged: each a list of the values the server accepts. */
function ForecastOptions({ value, onChange }: { value: Options; onChange: (value: Options) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const choose =
    <K extends keyof Options>(key: K) =>
    (e: ChangeEvent<HTMLSelectElement>) =>
      onChange({ ...value, [key]: Number(e.target.value) as Options[K] });
  const percent = (share: number) => `${formatRounded(share * 100, language, 0)}%`;
  return (
    <fieldset className="analytics-forecast__options">
      <legend>{t('analytics.forecast.optionsTitle')}</legend>
      <SelectField
        id="forecast-cell-size"
        label={t('analytics.forecast.cellSize')}
        value={value.cellSize}
        onChange={choose('cellSize')}
      >
        {[...CHOICES.cellSize]
          .sort((a, b) => a - b)
          .map((size) => (
            <option key={size} value={size}>
              {t('analytics.forecast.metres', { size })}
            </option>
          ))}
      </SelectField>
      <SelectField
        id="forecast-horizon"
        label={t('analytics.forecast.horizon')}
        value={value.horizonDays}
        onChange={choose('horizonDays')}
      >
        {[...CHOICES.horizonDays]
          .sort((a, b) => a - b)
          .map((days) => (
            <option key={days} value={days}>
              {t(`analytics.forecast.horizons.${days}`)}
            </option>
          ))}
      </SelectField>
      <SelectField
        id="forecast-periods"
        label={t('analytics.forecast.periods')}
        value={value.periods}
        onChange={choose('periods')}
        aria-describedby="forecast-periods-note"
      >
        {[...CHOICES.periods]
          .sort((a, b) => a - b)
          .map((periods) => (
            <option key={periods} value={periods}>
              {periods}
            </option>
          ))}
      </SelectField>
      <SelectField id="forecast-share" label={t('analytics.forecast.share')} value={value.share} onChange={choose('share')}>
        {[...CHOICES.share]
          .sort((a, b) => a - b)
          .map((share) => (
            <option key={share} value={share}>
              {t('analytics.forecast.shareOption', { share: percent(share) })}
            </option>
          ))}
      </SelectField>
      <p id="forecast-periods-note" className="analytics-forecast__note">
        {t('analytics.forecast.periodsHint')}
      </p>
    </fieldset>
  );
}

function RegionPicker({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const regions = useRegions();
  return (
    <SelectField
      id="forecast-region"
      label={t('analytics.forecast.region')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      {(regions.data ?? []).map((region) => (
        <option key={region.id} value={region.id}>
          {region.name}
        </option>
      ))}
      {regions.status !== 'ready' && <option value={value}>{t('analytics.forecast.region')}</option>}
    </SelectField>
  );
}

function ForecastCells({ forecast }: { forecast: Forecast }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const boundaries = useResource((signal) => fetchRegionBoundaries(signal), [language]);
  const config = useResource((signal) => fetchClientConfig(signal), [language]);
  const [showAll, setShowAll] = useState(false);
  const scoreLabel = forecast.model === 'kde' ? t('analytics.forecast.density') : t('analytics.forecast.expected');
  const listed = showAll ? forecast.cells : forecast.cells.slice(0, LIST_FIRST);
  if (forecast.cells.length === 0) return <p className="notice">{t('analytics.forecast.none')}</p>;
  return (
    <section aria-labelledby="forecast-cells-title" className="analytics-forecast__cells">
      <h3 id="forecast-cells-title">
        {t('analytics.forecast.cellsTitle', { model: t(`analytics.forecast.models.${forecast.model}`) })}
      </h3>
      <figure className="map-figure">
        {boundaries.status === 'ready' && config.status !== 'loading' ? (
          <ForecastMap
            key={language}
            boundaries={boundaries.data}
            tileUrl={config.data?.mapTileUrl ?? null}
            cells={forecast.cells}
          />
        ) : (
          <div className="region-map region-map--loading">
            <LoadingMessage />
          </div>
        )}
        <figcaption className="analytics-forecast__legend">
          <span className="analytics-forecast__key">
            <span className="analytics-forecast__swatch analytics-forecast__swatch--top" aria-hidden="true" />
            {t('analytics.forecast.legendTop')}
          </span>
          {forecast.share > 0.01 && (
            <span className="analytics-forecast__key">
              <span className="analytics-forecast__swatch" aria-hidden="true" />
              {t('analytics.forecast.legendRest', { share: `${formatRounded(forecast.share * 100, language, 0)}%` })}
            </span>
          )}
        </figcaption>
        <MapAttribution text={config.data?.attribution ?? BOUNDARIES_CREDIT} />
      </figure>
      <ScrollTable label={t('analytics.forecast.listLabel')}>
        <table className="table">
          <caption className="table__caption">
            {t('analytics.forecast.listCaption', { shown: listed.length, count: forecast.cells.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('analytics.hotspots.rank')}</th>
              <th scope="col">{t('analytics.hotspots.place')}</th>
              <th scope="col">{scoreLabel}</th>
              <th scope="col">{t('analytics.forecast.flaggedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {listed.map((cell) => (
              <tr key={cell.rank}>
                <td>{cell.rank}</td>
                <td>
                  {formatRounded(cell.centre[1], language, 4)}, {formatRounded(cell.centre[0], language, 4)}
                </td>
                <td>{formatRounded(cell.score, language, 2)}</td>
                <td>{`${formatRounded(cell.share * 100, language, 0)}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {listed.length < forecast.cells.length && (
        <button type="button" className="button button--secondary" onClick={() => setShowAll(true)}>
          {t('analytics.forecast.showAll', { count: forecast.cells.length })}
        </button>
      )}
    </section>
  );
}

function ForecastMethod({ size }: { size: number }) {
  const { t } = useTranslation();
  return (
    <>
      <section aria-labelledby="forecast-method-title" className="analytics-method">
        <h3 id="forecast-method-title">{t('analytics.forecast.methodTitle')}</h3>
        <p>{t('analytics.forecast.method1', { size })}</p>
        <p>{t('analytics.forecast.method2')}</p>
        <p>{t('analytics.forecast.method3')}</p>
      </section>
      <section aria-labelledby="forecast-caveats-title" className="notice notice--warning">
        <h3 id="forecast-caveats-title">{t('analytics.forecast.caveatsTitle')}</h3>
        <ul>
          <li>{t('analytics.forecast.caveatFeedback')}</li>
          <li>{t('analytics.forecast.caveatBias')}</li>
          <li>{t('analytics.forecast.caveatPlaces')}</li>
          <li>{t('analytics.forecast.caveatSmall')}</li>
        </ul>
      </section>
    </>
  );
}
