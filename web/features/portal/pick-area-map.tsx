import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionBoundaries } from '../geo/geo-api.js';
import { MapAttribution } from '../geo/map-attribution.js';
import { useKazakhstanMap } from '../geo/use-kazakhstan-map.js';
import { useMapData } from '../geo/use-map-data.js';

/** A map to tap a place on; the address search and the phone's position are its non-visual twins. */
export function PickAreaMap({ onPick }: { onPick: (point: [number, number]) => void }) {
  const { t } = useTranslation();
  const data = useMapData();
  if (data.status !== 'ready') return data.placeholder;
  return (
    <figure className="portal-map">
      <p className="field__hint">{t('portal.area.mapHint')}</p>
      <PickCanvas boundaries={data.boundaries} tileUrl={data.tileUrl} onPick={onPick} />
      <MapAttribution text={data.attribution} />
    </figure>
  );
}

function PickCanvas({
  boundaries,
  tileUrl,
  onPick,
}: {
  boundaries: RegionBoundaries;
  tileUrl: string | null;
  onPick: (point: [number, number]) => void;
}) {
  const { t } = useTranslation();
  const onPickRef = useRef(onPick);
  onPickRef.current = onPick;
  const { container, failed } = useKazakhstanMap({ boundaries, tileUrl, title: t('portal.area.mapLabel'), padding: 8 }, (map) => {
    map.on('click', (event) => onPickRef.current([event.lngLat.lng, event.lngLat.lat]));
  });
  if (failed) return <p className="notice notice--warning">{t('portal.map.unavailable')}</p>;
  return <div ref={container} className="portal-map__canvas" />;
}
