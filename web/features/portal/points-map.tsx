import type { GeoJSONSource, LngLatBoundsLike, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionBoundaries } from '../geo/geo-api.js';
import { MapAttribution } from '../geo/map-attribution.js';
import { useKazakhstanMap } from '../geo/use-kazakhstan-map.js';
import { useMapData } from '../geo/use-map-data.js';
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
export function PointsMap(props: PointsMapProps) {
  const data = useMapData();
  if (data.status !== 'ready') return data.placeholder;
  return (
    <figure className="portal-map">
      <PointsCanvas boundaries={data.boundaries} tileUrl={data.tileUrl} {...props} />
      <MapAttribution text={data.attribution} />
    </figure>
  );
}

function PointsCanvas({
  boundaries,
  tileUrl,
  items,
  title,
  outline,
  onView,
}: PointsMapProps & { boundaries: RegionBoundaries; tileUrl: string | null }) {
  const { t } = useTranslation();
  const onViewRef = useRef(onView);
  onViewRef.current = onView;
  const {
    container,
    map: mapRef,
    loaded,
    failed,
  } = useKazakhstanMap({ boundaries, tileUrl, title, padding: 8 }, (map) => {
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
      onViewRef.current?.(viewOf(map));
    });
    map.on('moveend', () => onViewRef.current?.(viewOf(map)));
  });

  useEffect(() => {
    const source = mapRef.current?.getSource<GeoJSONSource>(POINTS);
    // setData answers a promise of the worker's update; the map redraws by itself when it is done.
    void source?.setData(collection(items));
  }, [items, loaded]);

  if (failed) return <p className="notice notice--warning">{t('portal.map.unavailable')}</p>;
  return <div ref={container} className="portal-map__canvas" />;
}
