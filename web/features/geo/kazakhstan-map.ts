import { Map as MapLibreMap, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { RegionBoundaries } from './geo-api.js';
import { buildMapStyle } from './map-style.js';
import { KAZAKHSTAN_BOUNDS } from './region-bounds.js';

// Bundled, MapLibre cannot find its worker next to itself: tell it where Vite put the file.
setWorkerUrl(workerUrl);

export interface KazakhstanMapOptions {
  container: HTMLElement;
  boundaries: RegionBoundaries;
  tileUrl: string | null;
  /** What the map shows, for screen readers. */
  title: string;
  padding: number;
  t: (key: string) => string;
}

/**
 * A map as every map in Aman starts: region boundaries (and tiles where the server names a tile
 * server), the whole country in view, zoom buttons, the page still scrolling (the map zooms with
 * Ctrl or two fingers), its controls in the reader's language. Null when the browser has no WebGL.
 */
export function createKazakhstanMap({
  container,
  boundaries,
  tileUrl,
  title,
  padding,
  t,
}: KazakhstanMapOptions): MapLibreMap | null {
  let map: MapLibreMap;
  try {
    map = new MapLibreMap({
      container,
      style: buildMapStyle(boundaries, tileUrl),
      bounds: KAZAKHSTAN_BOUNDS,
      fitBoundsOptions: { padding },
      attributionControl: false, // the credits are shown in full beneath the map
      cooperativeGestures: true,
      dragRotate: false,
      pitchWithRotate: false,
      locale: {
        'Map.Title': title,
        'NavigationControl.ZoomIn': t('map.zoomIn'),
        'NavigationControl.ZoomOut': t('map.zoomOut'),
        'NavigationControl.ResetBearing': t('map.resetBearing'),
        'CooperativeGesturesHandler.WindowsHelpText': t('map.gestureHelpWindows'),
        'CooperativeGesturesHandler.MacHelpText': t('map.gestureHelpMac'),
        'CooperativeGesturesHandler.MobileHelpText': t('map.gestureHelpMobile'),
      },
    });
  } catch {
    return null;
  }
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.getCanvas().setAttribute('aria-label', title);
  return map;
}
