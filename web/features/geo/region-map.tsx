import { Map as MapLibreMap, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionBoundaries } from './geo-api.js';
import { buildMapStyle, REGION_FILL_LAYER, REGION_SELECTED_LAYER } from './map-style.js';
import { KAZAKHSTAN_BOUNDS, regionBounds } from './region-bounds.js';

// Bundled, MapLibre cannot find its worker next to itself: tell it where Vite put the file.
setWorkerUrl(workerUrl);

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
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container: container.current,
        style: buildMapStyle(boundaries, tileUrl),
        bounds: KAZAKHSTAN_BOUNDS,
        fitBoundsOptions: { padding: 12 },
        attributionControl: false, // the credits are shown in full beneath the map
        cooperativeGestures: true, // the page keeps scrolling; the map zooms with Ctrl or two fingers
        dragRotate: false,
        pitchWithRotate: false,
        locale: {
          'Map.Title': t('map.canvasLabel'),
          'NavigationControl.ZoomIn': t('map.zoomIn'),
          'NavigationControl.ZoomOut': t('map.zoomOut'),
          'NavigationControl.ResetBearing': t('map.resetBearing'),
          'CooperativeGesturesHandler.WindowsHelpText': t('map.gestureHelpWindows'),
          'CooperativeGesturesHandler.MacHelpText': t('map.gestureHelpMac'),
          'CooperativeGesturesHandler.MobileHelpText': t('map.gestureHelpMobile'),
        },
      });
    } catch {
      setFailed(true); // no WebGL in this browser
      return;
    }
    mapRef.current = map;
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.getCanvas().setAttribute('aria-label', t('map.canvasLabel'));
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
