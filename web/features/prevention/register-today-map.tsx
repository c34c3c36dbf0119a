import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionBoundaries } from '../geo/geo-api.js';
import { OverlayMap, type OverlayLayer } from '../geo/overlay-map.js';
import type { RegisterTodayItem } from './register-api.js';

const TODAY_LAYER: OverlayLayer = {
  id: 'register-today',
  type: 'circle',
  // Overdue points are drawn last, so a visit due today at the same door never hides one.
  layout: { 'circle-sort-key': ['case', ['get', 'overdue'], 1, 0] },
  paint: {
    'circle-radius': 8,
    'circle-color': ['case', ['get', 'overdue'], '#b10026', '#1d4f91'],
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 2,
  },
};

/** Where today's visits and reviews are: dark red when overdue, blue when due today. The list beside it says the same. */
export function RegisterTodayMap({
  boundaries,
  tileUrl,
  items,
}: {
  boundaries: RegionBoundaries;
  tileUrl: string | null;
  items: RegisterTodayItem[];
}) {
  const { t } = useTranslation();
  const placed = items.filter((i) => i.point !== null);
  const data = useMemo(
    () => ({
      type: 'FeatureCollection' as const,
      features: placed.map((i) => ({
        type: 'Feature' as const,
        properties: { overdue: i.isOverdue },
        geometry: { type: 'Point' as const, coordinates: [i.point!.lon, i.point!.lat] },
      })),
    }),
    [items],
  );
  const corners = useMemo(() => placed.map((i): [number, number] => [i.point!.lon, i.point!.lat]), [items]);
  return (
    <OverlayMap
      boundaries={boundaries}
      tileUrl={tileUrl}
      title={t('prevention-registers.today.mapLabel')}
      layer={TODAY_LAYER}
      data={data}
      fitTo={corners}
    />
  );
}
