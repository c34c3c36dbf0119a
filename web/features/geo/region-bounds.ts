import type { Position } from 'geojson';
import type { RegionBoundaries } from './geo-api.js';

/** [west, south, east, north] in degrees. */
export type BoundingBox = [number, number, number, number];

/** Kazakhstan's extent (from the 2024 boundaries), the map's starting view. */
export const KAZAKHSTAN_BOUNDS: BoundingBox = [46.49, 40.59, 87.31, 55.43];

/** The bounding box of one region's polygons, or null when the region is not in the collection. */
export function regionBounds(boundaries: RegionBoundaries, regionId: string): BoundingBox | null {
  const feature = boundaries.features.find((candidate) => String(candidate.properties.id) === regionId);
  if (!feature) return null;
  const polygons: Position[][][] =
    feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  const box: BoundingBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons) {
    for (const [lon = 0, lat = 0] of polygon[0] ?? []) {
      box[0] = Math.min(box[0], lon);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lon);
      box[3] = Math.max(box[3], lat);
    }
  }
  return Number.isFinite(box[0]) ? box : null;
}
