import type { StyleSpecification } from 'maplibre-gl';
import type { RegionBoundaries } from './geo-api.js';

export const REGION_SOURCE = 'regions';
export const REGION_FILL_LAYER = 'region-fill';
export const REGION_SELECTED_LAYER = 'region-selected';

/** Colours of the map, chosen to match the page (see styles/base.css). */
const COLOURS = {
  outside: '#dbe4ec', // neighbours and the Caspian: a pale blue-grey, so Kazakhstan stands out
  region: '#ffffff',
  outline: '#0b2e4f',
  selected: '#fec50c',
};

/**
 * The map's style. Without a tile server the region boundaries are the base layer, so the map
 * works offline; with one, its raster tiles go beneath the boundaries. No text layers: labels
 * would need a glyph server, and names are shown beside the map instead.
 */
export function buildMapStyle(boundaries: RegionBoundaries, tileUrl: string | null): StyleSpecification {
  const hasTiles = Boolean(tileUrl);
  return {
    version: 8,
    sources: {
      ...(tileUrl ? { tiles: { type: 'raster' as const, tiles: [tileUrl], tileSize: 256, maxzoom: 19 } } : {}),
      [REGION_SOURCE]: { type: 'geojson', data: boundaries },
    },
    layers: [
      { id: 'outside', type: 'background', paint: { 'background-color': COLOURS.outside } },
      ...(hasTiles ? [{ id: 'tiles', type: 'raster' as const, source: 'tiles' }] : []),
      {
        id: REGION_FILL_LAYER,
        type: 'fill',
        source: REGION_SOURCE,
        paint: { 'fill-color': COLOURS.region, 'fill-opacity': hasTiles ? 0.2 : 1 },
      },
      {
        id: REGION_SELECTED_LAYER,
        type: 'fill',
        source: REGION_SOURCE,
        filter: ['==', ['to-string', ['get', 'id']], ''],
        paint: { 'fill-color': COLOURS.selected, 'fill-opacity': hasTiles ? 0.45 : 0.85 },
      },
      {
        id: 'region-outline',
        type: 'line',
        source: REGION_SOURCE,
        paint: { 'line-color': COLOURS.outline, 'line-width': 1.2 },
      },
    ],
  };
}
