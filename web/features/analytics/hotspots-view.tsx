import { cellToLatLng } from 'h3-js';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { useResource } from '../../src/use-resource.js';
import { formatTime } from '../../src/intl-format.js';
import { fetchClientConfig, fetchRegionBoundaries, type RegionBoundaries } from '../geo/geo-api.js';
import { OverlayMap, type OverlayLayer } from '../geo/overlay-map.js';
import { BOUNDARIES_CREDIT, MapAttribution } from '../geo/map-attribution.js';
import type { HotspotCell } from './analytics-api.js';
import { formatRounded } from './number-format.js';
import { ALL_CRIME, CategoryPicker } from './period.js';
import { ScrollTable } from './scroll-table.js';
import { useLiveHotspots } from './use-live-hotspots.js';
import '../geo/map.css';

const LIST_LENGTH = 20;

/**
 * Significant hot spots (Gi*, false-discovery corrected) on a map, and the same cells as a ranked
 * list, kept current as incidents are reported.
 */
export function HotspotsView() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [categories, setCategories] = useState(ALL_CRIME);
  const hotspots = useLiveHotspots(categories, language);
  const boundaries = useResource((signal) => fetchRegionBoundaries(signal), [language]);
  const config = useResource((signal) => fetchClientConfig(signal), [language]);
  const data = hotspots.data;
  const hot = data?.cells.filter((c) => c.kind === 'hot').sort((a, b) => b.z - a.z) ?? [];

  return (
    <>
      <p>{t('analytics.hotspots.intro')}</p>
      <CategoryPicker id="hotspot-categories" value={categories} onChange={setCategories} />
      {hotspots.error ? <LoadFailure error={hotspots.error} onRetry={hotspots.reload} /> : null}
      {!data && !hotspots.error && <LoadingMessage />}
      {data && (
        <p className="analytics-hotspots__updated">
          {t('analytics.hotspots.updated', { time: formatTime(data.computedAt, language) })}
        </p>
      )}
      <figure className="map-figure">
        {boundaries.status === 'ready' && config.status !== 'loading' ? (
          <HotspotMap key={language} boundaries={boundaries.data} tileUrl={config.data?.mapTileUrl ?? null} cells={hot} />
        ) : (
          <div className="region-map region-map--loading">
            <LoadingMessage />
          </div>
        )}
        <MapAttribution text={config.data?.attribution ?? BOUNDARIES_CREDIT} />
      </figure>
      {data && (
        <ScrollTable label={t('analytics.hotspots.listLabel')}>
          <table className="table">
            <caption className="table__caption">
              {t('analytics.hotspots.listCaption', {
                shown: Math.min(LIST_LENGTH, hot.length),
                hot: hot.length,
                incidents: data.incidents,
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('analytics.hotspots.rank')}</th>
                <th scope="col">{t('analytics.hotspots.place')}</th>
                <th scope="col">{t('analytics.hotspots.count')}</th>
                <th scope="col">{t('analytics.hotspots.z')}</th>
                <th scope="col">{t('analytics.hotspots.q')}</th>
              </tr>
            </thead>
            <tbody>
              {hot.slice(0, LIST_LENGTH).map((cell, i) => {
                const [lat, lon] = cellToLatLng(cell.cell);
                return (
                  <tr key={cell.cell}>
                    <td>{i + 1}</td>
                    <td>
                      {formatRounded(lat, language, 3)}, {formatRounded(lon, language, 3)}
                    </td>
                    <td>{cell.count}</td>
                    <td>{formatRounded(cell.z, language, 2)}</td>
                    <td>{cell.q < 0.001 ? '< 0.001' : formatRounded(cell.q, language, 3)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  );
}

const HOTSPOT_LAYER: OverlayLayer = {
  id: 'hotspots',
  type: 'circle',
  paint: { 'circle-radius': 5, 'circle-color': '#b10026', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 },
};

function HotspotMap({
  boundaries,
  tileUrl,
  cells,
}: {
  boundaries: RegionBoundaries;
  tileUrl: string | null;
  cells: HotspotCell[];
}) {
  const { t } = useTranslation();
  const data = useMemo(
    () => ({
      type: 'FeatureCollection' as const,
      features: cells.map((c) => {
        const [lat, lon] = cellToLatLng(c.cell);
        return {
          type: 'Feature' as const,
          properties: { z: c.z },
          geometry: { type: 'Point' as const, coordinates: [lon, lat] },
        };
      }),
    }),
    [cells],
  );
  return (
    <OverlayMap
      boundaries={boundaries}
      tileUrl={tileUrl}
      title={t('analytics.hotspots.mapLabel')}
      layer={HOTSPOT_LAYER}
      data={data}
    />
  );
}
