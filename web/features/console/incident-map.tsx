import { Marker } from 'maplibre-gl';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionBoundaries } from '../geo/geo-api.js';
import { MapAttribution } from '../geo/map-attribution.js';
import { useKazakhstanMap } from '../geo/use-kazakhstan-map.js';
import { useMapData } from '../geo/use-map-data.js';
import type { Point } from './console-api.js';

/** Where the incident is: its coordinates as text (the map's list alternative) and a small map. */
export function IncidentMap({ location }: { location: Point | null }) {
  const { t } = useTranslation();
  const data = useMapData();
  if (!location) return <p>{t('console.map.noLocation')}</p>;
  const [lon = 0, lat = 0] = location.coordinates;
  return (
    <figure className="incident-map">
      <figcaption>{t('console.map.coordinates', { lat: lat.toFixed(5), lon: lon.toFixed(5) })}</figcaption>
      {data.status === 'ready' ? (
        <>
          <PointMap boundaries={data.boundaries} tileUrl={data.tileUrl} lon={lon} lat={lat} />
          <MapAttribution text={data.attribution} />
        </>
      ) : (
        data.placeholder
      )}
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
  const {
    container,
    map: mapRef,
    failed,
  } = useKazakhstanMap({
    boundaries,
    tileUrl,
    title: t('console.map.label'),
    padding: 8,
  });
  // Centred on the incident, and on the next one when the operator opens another.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    map.jumpTo({ center: [lon, lat], zoom: 12 });
    const marker = new Marker({ color: '#c4301a' }).setLngLat([lon, lat]).addTo(map);
    return () => void marker.remove();
  }, [lon, lat]);
  if (failed) return <p className="notice notice--warning">{t('console.map.unavailable')}</p>;
  return <div ref={container} className="incident-map__canvas" />;
}
