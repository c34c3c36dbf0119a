import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionBoundaries } from '../geo/geo-api.js';
import { OverlayMap, type OverlayLayer } from '../geo/overlay-map.js';
import type { ForecastCell } from './analytics-api.js';

const FORECAST_LAYER: OverlayLayer = {
  id: 'forecast',
  type: 'fill',
  paint: {
    'fill-color': ['case', ['get', 'top'], '#b10026', '#fd8d3c'],
    'fill-opacity': 0.75,
    'fill-outline-color': '#ffffff',
  },
};

/** The forecast's flagged squares: dark for the top 1% of the area, lighter for the rest of the top 5%. */
export function ForecastMap({
  boundaries,
  tileUrl,
  cells,
}: {
  boundaries: RegionBoundaries;
  tileUrl: string | null;
  cells: ForecastCell[];
}) {
  const { t } = useTranslation();
  const data = useMemo(
    () => ({
      type: 'FeatureCollection' as const,
      features: cells.map((c) => ({
        type: 'Feature' as const,
        properties: { top: c.share <= 0.01 },
        geometry: { type: 'Polygon' as const, coordinates: [c.ring] },
      })),
    }),
    [cells],
  );
  const corners = useMemo(() => cells.flatMap((c) => c.ring), [cells]);
  return (
    <OverlayMap
      boundaries={boundaries}
      tileUrl={tileUrl}
      title={t('analytics.forecast.mapLabel')}
      layer={FORECAST_LAYER}
      data={data}
      fitTo={corners}
    />
  );
}
