import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import type { MultiPolygon } from 'geojson';
import type { Db } from '../../db/connection.js';
import { locatorAreas, type LocatedRow } from './store.js';

interface Area<T> {
  id: string;
  geometry: MultiPolygon;
  info: T;
}

type Box = [number, number, number, number];

/** An area with its bounding box, so the exact test runs only where the box holds the point. */
interface BoxedArea<T> extends Area<T> {
  box: Box;
}

const boxed = <T>(area: Area<T>): BoxedArea<T> => ({ ...area, box: bounds(area.geometry) });

/** Areas behind a bounding-box index: the few whose boxes hold a point are tested exactly. */
class AreaIndex<T> {
  private readonly index: Flatbush;
  private readonly areas: BoxedArea<T>[];

  constructor(areas: Area<T>[], pad: number) {
    this.areas = areas.map(boxed);
    this.index = new Flatbush(Math.max(areas.length, 1));
    for (const { box } of this.areas) this.index.add(box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad);
    if (areas.length === 0) this.index.add(0, 0, 0, 0);
    this.index.finish();
  }

  /** Areas whose padded box holds the point. */
  near(lon: number, lat: number): BoxedArea<T>[] {
    return this.index.search(lon, lat, lon, lat).flatMap((i) => this.areas[i] ?? []);
  }
}

function bounds(geometry: MultiPolygon): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of geometry.coordinates) {
    for (const [x = 0, y = 0] of polygon[0] ?? []) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  return [minX, minY, maxX, maxY];
}

/** Planar distance in degrees from a point to an outline's edges, the measure ST_DWithin uses on 4326. */
function distanceToEdges(geometry: MultiPolygon, lon: number, lat: number): number {
  let best = Infinity;
  for (const ring of geometry.coordinates.flat()) {
    for (let i = 1; i < ring.length; i++) {
      const [ax = 0, ay = 0] = ring[i - 1]!;
      const [bx = 0, by = 0] = ring[i]!;
      const dx = bx - ax;
      const dy = by - ay;
      const along =
        dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((lon - ax) * dx + (lat - ay) * dy) / (dx * dx + dy * dy)));
      best = Math.min(best, Math.hypot(lon - (ax + along * dx), lat - (ay + along * dy)));
    }
  }
  return best;
}

/**
 * The covering area with the lowest id, as the database's `order by not ST_Covers(..), .., id`
 * picks. The box test first: a district has dozens of beats, and the exact test of each was a
 * tenth of the server's work per citizen report.
 */
function covering<T>(candidates: readonly BoxedArea<T>[], lon: number, lat: number): BoxedArea<T> | undefined {
  let best: BoxedArea<T> | undefined;
  for (const area of candidates) {
    if (!inBox(area.box, lon, lat)) continue;
    if ((!best || area.id < best.id) && booleanPointInPolygon([lon, lat], area.geometry)) best = area;
  }
  return best;
}

function inBox([minX, minY, maxX, maxY]: Box, lon: number, lat: number): boolean {
  return lon >= minX && lon <= maxX && lat >= minY && lat <= maxY;
}

type DistrictInfo = Pick<LocatedRow, 'region_id' | 'region_names' | 'district_names'>;

/**
 * Point → region, district and beat in memory. Every report is located, and the boundaries are
 * reference data that change only with a release; a spatial query per report cost a round trip
 * and most of the database's time on the intake path. The rare point that no outline covers but
 * that lies within the tolerance of one (the outlines are simplified) is left to the database's
 * nearest-outline rule, so both answer alike.
 */
export class PointLocator {
  private readonly districts: AreaIndex<DistrictInfo>;
  private readonly beats = new Map<string, BoxedArea<number>[]>();

  constructor(
    areas: Awaited<ReturnType<typeof locatorAreas>>,
    private readonly tolerance: number,
  ) {
    this.districts = new AreaIndex(
      areas.districts.map((d) => ({
        id: d.id,
        geometry: d.geometry,
        info: { region_id: d.region_id, region_names: d.region_names, district_names: d.names },
      })),
      tolerance,
    );
    for (const b of areas.beats) {
      const list = this.beats.get(b.district_id) ?? [];
      list.push(boxed({ id: b.id, geometry: b.geometry, info: b.number }));
      this.beats.set(b.district_id, list);
    }
  }

  /** The place, null when no outline is within the tolerance (outside Kazakhstan), or 'ask-database'. */
  locate(lon: number, lat: number): LocatedRow | null | 'ask-database' {
    const near = this.districts.near(lon, lat);
    if (near.length === 0) return null;
    const district = covering(near, lon, lat);
    if (!district) {
      const inReach = near.some((area) => distanceToEdges(area.geometry, lon, lat) <= this.tolerance);
      return inReach ? 'ask-database' : null;
    }
    const beat = covering(this.beats.get(district.id) ?? [], lon, lat);
    if (!beat) return 'ask-database';
    return { ...district.info, district_id: district.id, beat_id: beat.id, beat_number: beat.info };
  }
}

const locators = new WeakMap<Db, Promise<PointLocator | null>>();

/** The database's locator, loaded once; null while the geography is not seeded yet. */
export async function locatorFor(db: Db, tolerance: number): Promise<PointLocator | null> {
  let locator = locators.get(db);
  if (!locator) {
    locator = locatorAreas(db).then((areas) => (areas.districts.length > 0 ? new PointLocator(areas, tolerance) : null));
    locators.set(db, locator);
  }
  const loaded = await locator;
  // An empty geography is not remembered: the seed may be about to fill it.
  if (!loaded) locators.delete(db);
  return loaded;
}
