import { Marker } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { useResource } from '../../src/use-resource.js';
import { fetchClientConfig, fetchRegionBoundaries, type RegionBoundaries } from '../geo/geo-api.js';
import { createKazakhstanMap } from '../geo/kazakhstan-map.js';
import { BOUNDARIES_CREDIT, MapAttribution } from '../geo/map-attribution.js';
import type { Point } from './console-api.js';

/** Where the incident is: its coordinates as text (the map's list alternative) and a small map. */
export function IncidentMap({ location }: { location: Point | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const config = useResource((signal) => fetchClientConfig(signal), [language]);
  const boundaries = useResource((signal) => fetchRegionBoundaries(signal), [language]);
  if (!location) return <p>{t('console.map.noLocation')}</p>;
  const [lon = 0, lat = 0] = location.coordinates;
  return (
    <figure className="incident-map">
      <figcaption>{t('console.map.coordinates', { lat: lat.toFixed(5), lon: lon.toFixed(5) })}</figcaption>
      {boundaries.status === 'failed' ? <LoadFailure error={boundaries.error} onRetry={boundaries.reload} /> : null}
      {boundaries.status === 'loading' || config.status === 'loading' ? <LoadingMessage label={t('map.loading')} /> : null}
      {boundaries.status === 'ready' && config.status !== 'loading' ? (
        <>
          <PointMap boundaries={boundaries.data} tileUrl={config.data?.mapTileUrl ?? null} lon={lon} lat={lat} />
          <MapAttribution text={config.data?.attribution ?? BOUNDARIES_CREDIT} />
        </>
      ) : null}
    </figure>
  );
}

function PointMap({
  boundaries,
  tileUrl,
  lon,
  lat,
}: {
  boundaries: RegionBoundaries;
  tileUrl: string | null;
  lon: number;
  lat: number;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!container.current) return;
    const map = createKazakhstanMap({
      container: container.current,
      boundaries,
      tileUrl,
      title: t('console.map.label'),
      padding: 8,
      t,
    });
    if (!map) {
      setFailed(true);
      return;
    }
    map.jumpTo({ center: [lon, lat], zoom: 12 });
    new Marker({ color: '#c4301a' }).setLngLat([lon, lat]).addTo(map);
    const element = container.current;
    map.on('idle', () => (element.dataset.mapState = 'idle'));
    return () => map.remove();
  }, [boundaries, tileUrl, lon, lat]);
  if (failed) return <p className="notice notice--warning">{t('console.map.unavailable')}</p>;
  return <div ref={container} className="incident-map__canvas" />;
}
