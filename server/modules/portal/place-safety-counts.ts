import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon } from 'geojson';
import { categoryByCode } from '../../../common/categories.js';
import type { Db } from '../../db/connection.js';
import { recordedIncidentsForMonth } from '../incidents/index.js';
import * as store from './place-safety-store.js';

/** The rating looks back over this many published months. */
export const RATING_MONTHS = 12;

interface Outlined {
  id: string;
  outline: string;
}

interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

function boxOf(shape: MultiPolygon): Box {
  const box = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
  for (const polygon of shape.coordinates)
    for (const [lon, lat] of polygon[0]!) {
      box.west = Math.min(box.west, lon!);
      box.east = Math.max(box.east, lon!);
      box.south = Math.min(box.south, lat!);
      box.north = Math.max(box.north, lat!);
    }
  return box;
}

/**
 * Counts, for each place, the month's recorded street-level offences inside its outline, by
 * police.uk category: the same incidents the portal publishes for that month, located by their
 * true point, which stays on the server. Sensitive categories are never counted.
 */
export function countInside(
  places: readonly Outlined[],
  incidents: readonly { category: string; lon: number | null; lat: number | null }[],
): Map<string, Map<string, number>> {
  const shapes = places.map((p) => {
    const shape = JSON.parse(p.outline) as MultiPolygon;
    return { id: p.id, shape, box: boxOf(shape) };
  });
  const result = new Map(places.map((p) => [p.id, new Map<string, number>()]));
  for (const incident of incidents) {
    const category = categoryByCode(incident.category);
    if (!category || category.sensitive || !category.policeUk || incident.lon === null || incident.lat === null) continue;
    const { lon, lat } = incident;
    for (const { id, shape, box } of shapes) {
      if (lon < box.west || lon > box.east || lat < box.south || lat > box.north) continue;
      if (!booleanPointInPolygon([lon, lat], shape)) continue;
      const counts = result.get(id)!;
      counts.set(category.policeUk, (counts.get(category.policeUk) ?? 0) + 1);
    }
  }
  return result;
}

/**
 * Makes sure each place has its counts for the last RATING_MONTHS published months, working out
 * those not yet counted (a new place, an edited outline, a newly published month); returns the
 * months. A month's incidents are read once for every place missing it.
 */
export async function ensurePlaceCounts(db: Db, places: readonly Outlined[]): Promise<string[]> {
  const months = await store.latestPublishedMonths(db, RATING_MONTHS);
  const done = await store.countedMonths(
    db,
    places.map((p) => p.id),
    months,
  );
  for (const month of months) {
    const missing = places.filter((p) => !done.has(`${p.id}|${month}`));
    if (missing.length === 0) continue;
    const counts = countInside(missing, await recordedIncidentsForMonth(db, month));
    await store.saveMonthCounts(
      db,
      month,
      missing.map((p) => ({ placeId: p.id, byCategory: counts.get(p.id)! })),
    );
  }
  return months;
}
