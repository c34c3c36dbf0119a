import { Marker } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionBoundaries } from '../geo/geo-api.js';
import { MapAttribution } from '../geo/map-attribution.js';
import { useKazakhstanMap } from '../geo/use-kazakhstan-map.js';
import { useMapData } from '../geo/use-map-data.js';
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
  const data = useMapData();
  if (data.status !== 'ready') return data.placeholder;
  return (
    <figure className="location-map">
      <p className="field__hint">{hint ?? t('report.location.mapHint')}</p>
      <PickMap boundaries={data.boundaries} tileUrl={data.tileUrl} value={value} onPick={onPick} />
      <MapAttribution text={data.attribution} />
    </figure>
  );
}

interface PickMapProps extends LocationMapProps {
  boundaries: RegionBoundaries;
  tileUrl: string | null;
}

function PickMap({ boundaries, tileUrl, value, onPick }: PickMapProps) {
  const { t } = useTranslation();
  const markerRef = useRef<Marker | null>(null);
  const onPickRef = useRef(onPick);
  onPickRef.current = onPick;

  // Built once per mount: the map keeps its own view while the person pans and zooms.
  const {
    container,
    map: mapRef,
    failed,
  } = useKazakhstanMap({ boundaries, tileUrl, title: t('report.location.mapLabel'), padding: 8 }, (map) => {
    markerRef.current = null; // any marker was on a map that is gone
    map.on('click', (event) =>
      onPickRef.current({ coordinates: [event.lngLat.lng, event.lngLat.lat], source: 'map', label: null, accuracy: null }),
    );
  });

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
