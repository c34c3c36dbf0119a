import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionBoundaries } from './geo-api.js';
import { createKazakhstanMap } from './kazakhstan-map.js';
import { REGION_FILL_LAYER, REGION_SELECTED_LAYER } from './map-style.js';
import { regionBounds } from './region-bounds.js';

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
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const onSelectRef = useRef(onSelect);
  const [failed, setFailed] = useState(false);
  onSelectRef.current = onSelect;

  // The map is built once per mount; the parent remounts it when the language changes.
  useEffect(() => {
    if (!container.current) return;
    const map = createKazakhstanMap({
      container: container.current,
      boundaries,
      tileUrl,
      title: t('map.canvasLabel'),
      padding: 12,
      t,
    });
    if (!map) {
      setFailed(true); // no WebGL in this browser
      return;
    }
    mapRef.current = map;
    map.on('click', REGION_FILL_LAYER, (event) => {
      const id: unknown = event.features?.[0]?.properties.id;
      if (typeof id === 'string' || typeof id === 'number') onSelectRef.current(String(id));
    });
    // Says when everything is drawn, for tests and tools that look at the map (boundaries load tile by tile).
    const element = container.current;
    const markBusy = () => (element.dataset.mapState = 'loading');
    markBusy();
    map.on('dataloading', markBusy);
    map.on('movestart', markBusy);
    map.on('resize', markBusy);
    map.on('idle', () => (element.dataset.mapState = 'idle'));
    map.on('mouseenter', REGION_FILL_LAYER, () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', REGION_FILL_LAYER, () => (map.getCanvas().style.cursor = ''));
    return () => {
      mapRef.current = null;
      map.remove();
    };
    // Built once per mount on purpose (see above), so the dependencies are left out.
  }, []);

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

  if (failed) {
    return (
      <div className="notice notice--warning region-map region-map--failed">
        <p>{t('map.unavailable')}</p>
      </div>
    );
  }
  return <div ref={container} className="region-map" />;
}
