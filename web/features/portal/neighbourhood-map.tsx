import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { useResource } from '../../src/use-resource.js';
import { PlacesTable } from './places-table.js';
import { fetchBoundary, fetchMap, type NeighbourhoodSummary } from './portal-api.js';

// MapLibre is a megabyte of script: it loads after the page's figures are on screen, not before them.
const PointsMap = lazy(async () => ({ default: (await import('./points-map.js')).PointsMap }));

/** The published anonymous points in and around the beat for the latest month, with their list. */
export function NeighbourhoodMap({ summary }: { summary: NeighbourhoodSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const data = useResource(
    async (signal) => {
      const ring = await fetchBoundary(summary.beat.regionId, summary.beat.id, signal);
      if (ring.length === 0) return { ring, items: [] };
      const xs = ring.map((p) => p[0]);
      const ys = ring.map((p) => p[1]);
      const box = { west: Math.min(...xs), south: Math.min(...ys), east: Math.max(...xs), north: Math.max(...ys) };
      const view = await fetchMap({ category: 'all-crime', month: summary.months.latest, zoom: 14, box }, signal);
      return { ring, items: view.items };
    },
    [summary.beat.id, summary.months.latest, language],
  );
  if (data.status === 'loading') return <LoadingMessage label={t('map.loading')} />;
  if (data.status === 'failed') return <LoadFailure error={data.error} onRetry={data.reload} />;
  return (
    <>
      <p>{t('portal.map.anonymised')}</p>
      <Suspense fallback={<LoadingMessage label={t('map.loading')} />}>
        <PointsMap
          items={data.data.items}
          outline={data.data.ring}
          title={t('portal.neighbourhood.mapLabel', { name: summary.beat.name })}
        />
      </Suspense>
      <PlacesTable items={data.data.items} level="location" caption={t('portal.map.listCaption')} />
    </>
  );
}
