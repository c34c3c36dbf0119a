import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { useResource } from '../../src/use-resource.js';
import { fetchClientConfig, fetchRegionBoundaries } from '../geo/geo-api.js';
import { createKazakhstanMap } from '../geo/kazakhstan-map.js';
import { BOUNDARIES_CREDIT, MapAttribution } from '../geo/map-attribution.js';

/** A map to tap a place on; the address search and the phone's position are its non-visual twins. */
export function PickAreaMap({ onPick }: { onPick: (point: [number, number]) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const config = useResource((signal) => fetchClientConfig(signal), [language]);
  const boundaries = useResource((signal) => fetchRegionBoundaries(signal), [language]);
  const container = useRef<HTMLDivElement>(null);
  const onPickRef = useRef(onPick);
  const [failed, setFailed] = useState(false);
  onPickRef.current = onPick;
  const ready = boundaries.status === 'ready' && config.status !== 'loading';

  useEffect(() => {
    if (!ready || !container.current || !boundaries.data) return;
    const map = createKazakhstanMap({
      container: container.current,
      boundaries: boundaries.data,
      tileUrl: config.data?.mapTileUrl ?? null,
      title: t('portal.area.mapLabel'),
      padding: 8,
      t,
    });
    if (!map) {
      setFailed(true);
      return;
    }
    map.on('click', (event) => onPickRef.current([event.lngLat.lng, event.lngLat.lat]));
    return () => map.remove();
  }, [ready]);

  if (boundaries.status === 'failed') return <LoadFailure error={boundaries.error} onRetry={boundaries.reload} />;
  if (!ready) return <LoadingMessage label={t('map.loading')} />;
  return (
    <figure className="portal-map">
      <p className="field__hint">{t('portal.area.mapHint')}</p>
      {failed ? (
        <p className="notice notice--warning">{t('portal.map.unavailable')}</p>
      ) : (
        <div ref={container} className="portal-map__canvas" />
      )}
      <MapAttribution text={config.data?.attribution ?? BOUNDARIES_CREDIT} />
    </figure>
  );
}
