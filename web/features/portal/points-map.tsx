import type { GeoJSONSource, LngLatBoundsLike, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { useResource } from '../../src/use-resource.js';
import { fetchClientConfig, fetchRegionBoundaries } from '../geo/geo-api.js';
import { createKazakhstanMap } from '../geo/kazakhstan-map.js';
import { BOUNDARIES_CREDIT, MapAttribution } from '../geo/map-attribution.js';
import type { Box, MapItem } from './portal-api.js';

const POINTS = 'portal-points';
const OUTLINE = 'portal-outline';

interface PointsMapProps {
  items: readonly MapItem[];
  title: string;
  /** An area to outline and open the map on (a neighbourhood). */
  outline?: [number, number][] | undefined;
  /** Told the view after each pan or zoom (the crime map reloads its figures). */
  onView?: ((view: { box: Box; zoom: number }) => void) | undefined;
}

function collection(items: readonly MapItem[]) {
  return {
    type: 'FeatureCollection' as const,
    features: items.map((item) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [item.lon, item.lat] },
      // Size from the figure as published: a hidden one is drawn small, never sized by a guess.
      properties: { size: item.value.label === 'count' || item.value.label === 'at-least' ? item.value.count : 1 },
    })),
  };
}

function outlineFeature(ring: [number, number][]) {
  return { type: 'Feature' as const, properties: {}, geometry: { type: 'Polygon' as const, coordinates: [[...ring, ring[0]!]] } };
}

function viewOf(map: MapLibreMap): { box: Box; zoom: number } {
  const b = map.getBounds();
  const clamp = (v: number, limit: number) => Math.max(-limit, Math.min(limit, v));
  return {
    box: {
      west: clamp(b.getWest(), 180),
      south: clamp(b.getSouth(), 90),
      east: clamp(b.getEast(), 180),
      north: clamp(b.getNorth(), 90),
    },
    zoom: map.getZoom(),
  };
}

/** Published figures as circles over the region boundaries; the page always shows the same figures as a table. */
export function PointsMap({ items, title, outline, onView }: PointsMapProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const config = useResource((signal) => fetchClientConfig(signal), [language]);
  const boundaries = useResource((signal) => fetchRegionBoundaries(signal), [language]);
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const onViewRef = useRef(onView);
  const [failed, setFailed] = useState(false);
  const [loaded, setLoaded] = useState(false);
  onViewRef.current = onView;
  const ready = boundaries.status === 'ready' && config.status !== 'loading';

  useEffect(() => {
    if (!ready || !container.current || !boundaries.data) return;
    const map = createKazakhstanMap({
      container: container.current,
      boundaries: boundaries.data,
      tileUrl: config.data?.mapTileUrl ?? null,
      title,
      padding: 8,
      t,
    });
    if (!map) {
      setFailed(true);
      return;
    }
    mapRef.current = map;
    const element = container.current;
    map.on('load', () => {
      map.addSource(POINTS, { type: 'geojson', data: collection([]) });
      map.addLayer({
        id: POINTS,
        type: 'circle',
        source: POINTS,
        paint: {
          'circle-color': '#b3261e',
          'circle-opacity': 0.75,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1,
          'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'size']], 1, 4, 10, 14, 60, 30],
        },
      });
      if (outline?.length) {
        map.addSource(OUTLINE, { type: 'geojson', data: outlineFeature(outline) });
        map.addLayer({ id: OUTLINE, type: 'line', source: OUTLINE, paint: { 'line-color': '#0b2e4f', 'line-width': 3 } }, POINTS);
        const xs = outline.map((p) => p[0]);
        const ys = outline.map((p) => p[1]);
        const bounds: LngLatBoundsLike = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
        map.fitBounds(bounds, { padding: 16, duration: 0 });
      }
      setLoaded(true);
      onViewRef.current?.(viewOf(map));
    });
    map.on('moveend', () => onViewRef.current?.(viewOf(map)));
    map.on('dataloading', () => (element.dataset.mapState = 'loading'));
    map.on('idle', () => (element.dataset.mapState = 'idle'));
    return () => {
      mapRef.current = null;
      map.remove();
    };
  }, [ready]);

  useEffect(() => {
    const source = mapRef.current?.getSource<GeoJSONSource>(POINTS);
    // setData answers a promise of the worker's update; the map redraws by itself when it is done.
    void source?.setData(collection(items));
  }, [items, loaded]);

  if (boundaries.status === 'failed') return <LoadFailure error={boundaries.error} onRetry={boundaries.reload} />;
  if (!ready) return <LoadingMessage label={t('map.loading')} />;
  return (
    <figure className="portal-map">
      {failed ? (
        <p className="notice notice--warning">{t('portal.map.unavailable')}</p>
      ) : (
        <div ref={container} className="portal-map__canvas" />
      )}
      <MapAttribution text={config.data?.attribution ?? BOUNDARIES_CREDIT} />
    </figure>
  );
}
