import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { SelectField } from '../../src/ui/select-field.js';
import { useResource } from '../../src/use-resource.js';
import { monthName } from './figures.js';
import { PlacesTable } from './places-table.js';
import { fetchMap, fetchMapFilters, type Box } from './portal-api.js';

// MapLibre is a megabyte of script: the heading, filters and list come first, the map when it has loaded.
const PointsMap = lazy(async () => ({ default: (await import('./points-map.js')).PointsMap }));

// Element Timing: bench/portal-lcp.ts reads when the page's own figures are painted.
const FIGURES_PAINT = { elementtiming: 'portal-figures' } as Record<string, string>;

/** The whole country, as the map opens, so the list has figures before (or without) the map. */
const COUNTRY: { box: Box; zoom: number } = { box: { west: 46, south: 40, east: 88, north: 56 }, zoom: 4 };

/** The crime map: regions, then districts, then anonymous points as one zooms in, filtered by category and month. */
export function CrimeMapPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const filters = useResource((signal) => fetchMapFilters(signal), [language]);
  const [category, setCategory] = useState('all-crime');
  const [month, setMonth] = useState<string | null>(null);
  const [view, setView] = useState(COUNTRY);
  const figures = useResource(
    (signal) => fetchMap({ category, month, zoom: view.zoom, box: view.box }, signal),
    [category, month, view, language],
  );
  // The map waits for the list's first figures: on a slow phone its script would hold them back.
  const [mapWanted, setMapWanted] = useState(false);
  useEffect(() => {
    if (figures.status !== 'loading') setMapWanted(true);
  }, [figures.status]);

  return (
    <>
      <PageHeading title={t('portal.crimeMap.title')}>{t('portal.crimeMap.title')}</PageHeading>
      <p className="lead">{t('portal.crimeMap.lead')}</p>
      {filters.status === 'failed' ? <LoadFailure error={filters.error} onRetry={filters.reload} /> : null}
      {filters.status === 'ready' ? (
        <div className="portal-filters">
          <SelectField
            id="map-category"
            label={t('portal.crimeMap.category')}
            value={category}
            onChange={(e) => setCategory(e.target.value)}
          >
            {filters.data.categories.map((c) => (
              <option key={c.url} value={c.url}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="map-month"
            label={t('portal.crimeMap.month')}
            value={month ?? ''}
            onChange={(e) => setMonth(e.target.value || null)}
          >
            <option value="">{t('portal.crimeMap.latestMonth')}</option>
            {filters.data.months.map((m) => (
              <option key={m} value={m}>
                {monthName(m, t)}
              </option>
            ))}
          </SelectField>
        </div>
      ) : null}
      <p className="field__hint">{t('portal.crimeMap.sensitiveNote')}</p>

      {mapWanted ? (
        <Suspense fallback={<LoadingMessage label={t('map.loading')} />}>
          <PointsMap items={figures.data?.items ?? []} title={t('portal.crimeMap.mapLabel')} onView={setView} />
        </Suspense>
      ) : (
        <LoadingMessage label={t('map.loading')} />
      )}

      <section aria-labelledby="map-list-title">
        <h2 id="map-list-title" className="portal-section-title">
          {t('portal.crimeMap.listTitle')}
        </h2>
        <div role="status" className="status-region">
          {figures.status === 'loading' ? <LoadingMessage /> : null}
          {figures.status === 'ready' ? (
            <p {...FIGURES_PAINT}>
              {t(`portal.crimeMap.showing.${figures.data.level}`, {
                count: figures.data.items.length,
                month: monthName(figures.data.month, t),
              })}
            </p>
          ) : null}
        </div>
        {figures.status === 'failed' ? <LoadFailure error={figures.error} onRetry={figures.reload} /> : null}
        {figures.status === 'ready' ? (
          <PlacesTable items={figures.data.items} level={figures.data.level} caption={t('portal.crimeMap.listCaption')} />
        ) : null}
      </section>
      <p className="field__hint">{t('portal.figures.explain')}</p>
    </>
  );
}
