import type { Feature, Polygon } from 'geojson';
import { LngLatBounds, Marker, type GeoJSONSource } from 'maplibre-gl';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionBoundaries } from '../geo/geo-api.js';
import { MapAttribution } from '../geo/map-attribution.js';
import { useKazakhstanMap } from '../geo/use-kazakhstan-map.js';
import { useMapData } from '../geo/use-map-data.js';

const SOURCE = 'place-editor-outline';
const EARTH_METRES_PER_DEGREE = 111_320;

/** What the editor's fields describe so far: a centre and radius, or polygon rings; null where not yet valid. */
export type EditorShape =
  | { type: 'Circle'; centre: [number, number] | null; radiusM: number | null }
  | { type: 'Polygon'; rings: [number, number][][] | null };

/**
 * The outline to draw. The server buffers a circle on the sphere; 48 points on a local flat
 * approximation are within a metre of it at a place's size, enough to see where it lies.
 */
function outlineOf(shape: EditorShape): Feature<Polygon> | null {
  if (shape.type === 'Polygon') {
    return shape.rings ? { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: shape.rings } } : null;
  }
  if (!shape.centre || !shape.radiusM) return null;
  const [lon, lat] = shape.centre;
  const dLat = shape.radiusM / EARTH_METRES_PER_DEGREE;
  const dLon = dLat / Math.cos((lat * Math.PI) / 180);
  const ring = Array.from({ length: 49 }, (_, i) => {
    const a = ((i % 48) / 48) * 2 * Math.PI;
    return [lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)];
  });
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
}

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

/**
 * The place editor's map: it shows the outline the fields describe and, for a centre and
 * radius, places the centre where the editor taps. The typed fields stay the way to do it
 * without a pointer or without sight; the map only fills them in.
 */
export function PlaceEditorMap({ shape, onPickCentre }: { shape: EditorShape; onPickCentre: (point: [number, number]) => void }) {
  const { t } = useTranslation();
  const data = useMapData();
  if (data.status !== 'ready') return data.placeholder;
  return (
    <figure className="place-editor-map">
      <p className="field__hint" id="place-editor-map-hint">
        {t(shape.type === 'Circle' ? 'place-safety.admin.mapHintCircle' : 'place-safety.admin.mapHintPolygon')}
      </p>
      <EditorCanvas boundaries={data.boundaries} tileUrl={data.tileUrl} shape={shape} onPickCentre={onPickCentre} />
      <MapAttribution text={data.attribution} />
    </figure>
  );
}

function EditorCanvas({
  boundaries,
  tileUrl,
  shape,
  onPickCentre,
}: {
  boundaries: RegionBoundaries;
  tileUrl: string | null;
  shape: EditorShape;
  onPickCentre: (point: [number, number]) => void;
}) {
  const { t } = useTranslation();
  const markerRef = useRef<Marker | null>(null);
  const shapeRef = useRef(shape);
  const onPickRef = useRef(onPickCentre);
  // A tap moves the centre where the editor is looking: the view stays; a typed change brings the outline into view.
  const tapped = useRef(false);
  shapeRef.current = shape;
  onPickRef.current = onPickCentre;
  const outline = useMemo(() => outlineOf(shape), [shape]);
  const centre = shape.type === 'Circle' ? shape.centre : null;

  const {
    container,
    map: mapRef,
    loaded,
    failed,
  } = useKazakhstanMap({ boundaries, tileUrl, title: t('place-safety.admin.mapLabel'), padding: 8 }, (map) => {
    markerRef.current = null; // any marker was on a map that is gone
    map.on('load', () => {
      map.addSource(SOURCE, { type: 'geojson', data: EMPTY });
      map.addLayer({
        id: `${SOURCE}-fill`,
        type: 'fill',
        source: SOURCE,
        paint: { 'fill-color': '#0b5cad', 'fill-opacity': 0.2 },
      });
      map.addLayer({ id: `${SOURCE}-line`, type: 'line', source: SOURCE, paint: { 'line-color': '#0b2e4f', 'line-width': 3 } });
    });
    map.on('click', (event) => {
      if (shapeRef.current.type !== 'Circle') return;
      tapped.current = true;
      const round = (v: number) => Math.round(v * 1e6) / 1e6;
      onPickRef.current([round(event.lngLat.lng), round(event.lngLat.lat)]);
    });
  });

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    void map.getSource<GeoJSONSource>(SOURCE)?.setData(outline ?? EMPTY);
    if (centre) {
      markerRef.current ??= new Marker({ color: '#c4301a' }).setLngLat(centre).addTo(map);
      markerRef.current.setLngLat(centre);
    } else {
      markerRef.current?.remove();
      markerRef.current = null;
    }
    if (outline && !tapped.current) {
      const bounds = new LngLatBounds();
      for (const ring of outline.geometry.coordinates) for (const point of ring) bounds.extend(point as [number, number]);
      map.fitBounds(bounds, { padding: 32, maxZoom: 16, duration: 0 });
    }
    tapped.current = false;
  }, [outline, centre?.[0], centre?.[1], loaded]);

  if (failed) return <p className="notice notice--warning">{t('portal.map.unavailable')}</p>;
  return <div ref={container} className="place-editor-map__canvas" aria-describedby="place-editor-map-hint" />;
}
