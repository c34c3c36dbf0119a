import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { useResource } from '../../src/use-resource.js';
import { fetchClientConfig, fetchRegionBoundaries, type RegionBoundaries } from '../geo/geo-api.js';
import { BOUNDARIES_CREDIT, MapAttribution } from '../geo/map-attribution.js';
import { createKazakhstanMap } from '../geo/kazakhstan-map.js';
import type { ChosenLocation } from './report-draft.js';

interface LocationMapProps {
  value: ChosenLocation | null;
  onPick: (location: ChosenLocation) => void;
  /** What to tap, when the report form's words do not fit. */
  hint?: string;
}

/** Region boundaries (and tiles, where the server names a tile server) to tap the place on. */
export function LocationMap({ value, onPick, hint }: LocationMapProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const config = useResource((signal) => fetchClientConfig(signal), [language]);
  const boundaries = useResource((signal) => fetchRegionBoundaries(signal), [language]);

  if (boundaries.status === 'failed') return <LoadFailure error={boundaries.error} onRetry={boundaries.reload} />;
  if (boundaries.status === 'loading' || config.status === 'loading') return <LoadingMessage label={t('map.loading')} />;
  return (
    <figure className="location-map">
      <p className="field__hint">{hint ?? t('report.location.mapHint')}</p>
      <PickMap boundaries={boundaries.data} tileUrl={config.data?.mapTileUrl ?? null} value={value} onPick={onPick} />
      <MapAttribution text={config.data?.attribution ?? BOUNDARIES_CREDIT} />
    </figure>
  );
}

interface PickMapProps extends LocationMapProps {
  boundaries: RegionBoundaries;
  tileUrl: string | null;
}

function PickMap({ boundaries, tileUrl, value, onPick }: PickMapProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const markerRef = useRef<Marker | null>(null);
  const onPickRef = useRef(onPick);
  const [failed, setFailed] = useState(false);
  onPickRef.current = onPick;

  // Built once per mount: the map keeps its own view while the person pans and zooms.
  useEffect(() => {
    if (!container.current) return;
    const map = createKazakhstanMap({
      container: container.current,
      boundaries,
      tileUrl,
      title: t('report.location.mapLabel'),
      padding: 8,
      t,
    });
    if (!map) {
      setFailed(true); // no WebGL
      return;
    }
    mapRef.current = map;
    map.on('click', (event) =>
      onPickRef.current({ coordinates: [event.lngLat.lng, event.lngLat.lat], source: 'map', label: null, accuracy: null }),
    );
    const element = container.current;
    map.on('dataloading', () => (element.dataset.mapState = 'loading'));
    map.on('idle', () => (element.dataset.mapState = 'idle'));
    return () => {
      mapRef.current = null;
      markerRef.current = null;
      map.remove();
    };
  }, []);

  // The marker follows the chosen place whichever way it was chosen; the map goes there unless tapped.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (!value) {
      markerRef.current?.remove();
      markerRef.current = null;
      return;
    }
    markerRef.current ??= new Marker({ color: '#c4301a' }).setLngLat(value.coordinates).addTo(map);
    markerRef.current.setLngLat(value.coordinates);
    if (value.source !== 'map') map.jumpTo({ center: value.coordinates, zoom: Math.max(map.getZoom(), 11) });
  }, [value]);

  if (failed) {
    return (
      <div className="notice notice--warning">
        <p>{t('report.location.mapUnavailable')}</p>
      </div>
    );
  }
  return <div ref={container} className="location-map__canvas" />;
}
