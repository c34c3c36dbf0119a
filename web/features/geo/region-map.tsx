import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionBoundaries } from './geo-api.js';
import { REGION_FILL_LAYER, REGION_SELECTED_LAYER } from './map-style.js';
import { MapUnavailable } from './map-unavailable.js';
import { regionBounds } from './region-bounds.js';
import { useKazakhstanMap } from './use-kazakhstan-map.js';

/** The chosen region; `zoomTo` when it was chosen from the list and the map should go there. */
export interface RegionSelection {
  id: string;
  zoomTo: boolean;
}

interface RegionMapProps {
  boundaries: RegionBoundaries;
  tileUrl: string | null;
  selection: RegionSelection | null;
  onSelect: (regionId: string) => void;
}

function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * An interactive map of the regions. It is an enhancement: the region list beside it carries the
 * same information for keyboard and screen-reader users, and if WebGL is missing the map says so.
 */
export function RegionMap({ boundaries, tileUrl, selection, onSelect }: RegionMapProps) {
  const { t } = useTranslation();
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  // The map is built once per mount; the parent remounts it when the language changes.
  const {
    container,
    map: mapRef,
    failed,
  } = useKazakhstanMap({ boundaries, tileUrl, title: t('map.canvasLabel'), padding: 12 }, (map) => {
    map.on('click', REGION_FILL_LAYER, (event) => {
      const id: unknown = event.features?.[0]?.properties.id;
      if (typeof id === 'string' || typeof id === 'number') onSelectRef.current(String(id));
    });
    // A move or resize redraws too: the map is busy until it is idle again (a selection zooms there).
    const markBusy = () => (map.getContainer().dataset.mapState = 'loading');
    map.on('movestart', markBusy);
    map.on('resize', markBusy);
    map.on('mouseenter', REGION_FILL_LAYER, () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', REGION_FILL_LAYER, () => (map.getCanvas().style.cursor = ''));
  });

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const selectedId = selection?.id ?? '';
    const highlight = () => map.setFilter(REGION_SELECTED_LAYER, ['==', ['to-string', ['get', 'id']], selectedId]);
    if (map.isStyleLoaded()) highlight();
    else map.once('load', highlight);
    const box = selection?.zoomTo ? regionBounds(boundaries, selection.id) : null;
    if (box) map.fitBounds(box, { padding: 24, maxZoom: 8, duration: prefersReducedMotion() ? 0 : 600 });
  }, [selection, boundaries]);

  if (failed) return <MapUnavailable />;
  return <div ref={container} className="region-map" />;
}
