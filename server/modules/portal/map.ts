import type { Language } from '../../../common/roles.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../http/errors.js';
import { boundaries, type BoundaryCollection } from '../geo/index.js';
import { categoryFilter, resolveMonth } from './open-data.js';
import { STREET_CATEGORIES } from './police-uk.js';
import * as store from './store.js';
import { sumPublished, type Published } from './suppression.js';

export type MapLevel = 'region' | 'district' | 'location';

/**
 * A figure on the crime map. `count` is what may be shown; `label` says how: a plain count, a
 * single hidden cell ("fewer than 5" or withheld), or "at least" when some of the cells added up
 * were hidden. Every value is made from published cells: nothing here recovers a hidden count.
 */
export interface MapValue {
  count: number;
  hidden: number;
  label: 'count' | 'fewer-than-5' | 'withheld' | 'at-least';
}

export interface MapItem {
  id: string;
  name: string;
  lon: number;
  lat: number;
  value: MapValue;
}

export interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Regions for the country, districts for a region, anonymous points for streets. */
export function levelForZoom(zoom: number): MapLevel {
  if (zoom < 6) return 'region';
  if (zoom < 10) return 'district';
  return 'location';
}

/** A map draws at most this many points; a wider view shows districts instead. */
export const MAX_LOCATIONS = 5000;

export function checkBox(box: Box): void {
  const inRange =
    Math.abs(box.south) <= 90 && Math.abs(box.north) <= 90 && Math.abs(box.west) <= 180 && Math.abs(box.east) <= 180;
  if (!inRange || box.west >= box.east || box.south >= box.north) throw new AppError('portal.invalid_bbox', { ...box });
}

function single(p: Published): MapValue {
  if (p.kind === 'count') return { count: p.count, hidden: 0, label: 'count' };
  return { count: 0, hidden: 1, label: p.kind };
}

function summed(cells: Published[]): MapValue {
  const sum = sumPublished(cells);
  if (sum.hidden === 0) return { ...sum, label: 'count' };
  const nonZero = cells.filter((c) => c.kind !== 'count' || c.count > 0);
  // One hidden cell and nothing else shown: its own label says more than "at least 0".
  if (nonZero.length === 1 && sum.count === 0) return single(nonZero[0]!);
  return { ...sum, label: 'at-least' };
}

/** The centre of the bounding box of an area's largest ring: where its figure is drawn. */
function centreOf(geometry: BoundaryCollection['features'][number]['geometry']): [number, number] {
  const { type, coordinates } = geometry as { type: string; coordinates: unknown };
  const polygons = (type === 'MultiPolygon' ? coordinates : [coordinates]) as [number, number][][][];
  const ring = polygons.map((p) => p[0] ?? []).reduce((a, b) => (b.length > a.length ? b : a), []);
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

async function areaItems(
  db: Db,
  level: 'region' | 'district',
  month: string,
  category: string | null,
  box: Box,
  language: Language,
) {
  const areas = (await boundaries(db, level, language)).features
    .map((f) => ({ id: String(f.id), name: f.properties.name, centre: centreOf(f.geometry) }))
    .filter(({ centre: [lon, lat] }) => lon >= box.west && lon <= box.east && lat >= box.south && lat <= box.north);
  const rows = await store.areaCounts(
    db,
    level,
    areas.map((a) => a.id),
    [month],
  );
  const cells = new Map(rows.map((r) => [`${r.area_id}|${r.category}`, r]));
  const cell = (areaId: string, c: string): Published => {
    const row = cells.get(`${areaId}|${c}`);
    if (!row) return { kind: 'count', count: 0 };
    return row.mark === 'count' ? { kind: 'count', count: row.count ?? 0 } : { kind: row.mark };
  };
  const items: MapItem[] = [];
  for (const area of areas) {
    const value = category ? single(cell(area.id, category)) : summed(STREET_CATEGORIES.map((c) => cell(area.id, c)));
    if (value.count === 0 && value.hidden === 0) continue;
    items.push({ id: area.id, name: area.name, lon: area.centre[0], lat: area.centre[1], value });
  }
  return items.sort((a, b) => b.value.count - a.value.count || a.name.localeCompare(b.name, language));
}

/** Points are the published anonymous locations; a count from 1 to 4 is labelled, not shown. */
async function locationItems(db: Db, month: string, category: string | null, box: Box, language: Language) {
  const rows = await store.locationCounts(db, month, category, box, MAX_LOCATIONS);
  return rows
    .map((r): MapItem => ({
      id: String(r.id),
      name: r.names[language],
      lon: r.lon,
      lat: r.lat,
      value: r.crimes <= 4 ? { count: 0, hidden: 1, label: 'fewer-than-5' } : { count: r.crimes, hidden: 0, label: 'count' },
    }))
    .sort((a, b) => b.value.count - a.value.count || a.name.localeCompare(b.name, language));
}

/**
 * What the crime map shows for a view: the month (latest by default), the level its zoom calls
 * for, and one figure per area or published point inside the box. Only street-level categories
 * can be asked for, so domestic violence, sexual offences and offences against children are
 * never drawn, not even as area figures here (the neighbourhood page lists them by district).
 */
export async function crimeMap(
  db: Db,
  query: { month?: string; category: string; zoom: number; box: Box },
  language: Language,
): Promise<{ month: string; level: MapLevel; items: MapItem[] }> {
  checkBox(query.box);
  const category = categoryFilter(query.category);
  const month = await resolveMonth(db, query.month);
  const level = levelForZoom(query.zoom);
  const items =
    level === 'location'
      ? await locationItems(db, month, category, query.box, language)
      : await areaItems(db, level, month, category, query.box, language);
  return { month, level, items };
}
