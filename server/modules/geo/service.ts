import { latLngToCell } from 'h3-js';
import type { Language } from '../../../common/roles.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../http/errors.js';
import { locatorFor } from './locator.js';
import * as store from './store.js';
import type { Names } from './tables.js';

export interface LonLat {
  lon: number;
  lat: number;
}

/** Where a point is in Aman's geography, and its H3 cell at resolution 9 (about 0.1 km²). */
export interface ResolvedPoint {
  regionId: string;
  districtId: string;
  beatId: string;
  h3: string;
}

export interface LocatedPoint {
  region: { id: string; names: Names };
  district: { id: string; names: Names };
  beat: { id: string; number: number };
  h3: string;
}

export const H3_RESOLUTION = 9;
/** Degrees (~300 m): how far outside the simplified outline a point still counts as inside. */
const OUTLINE_TOLERANCE = 0.003;

export function checkCoordinates({ lon, lat }: LonLat): void {
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    throw new AppError('geo.invalid_coordinates', { lon, lat });
  }
}

/** The region, district and beat of a point with their names; null outside Kazakhstan. */
export async function locatePoint(db: Db, point: LonLat): Promise<LocatedPoint | null> {
  checkCoordinates(point);
  const located = (await locatorFor(db, OUTLINE_TOLERANCE))?.locate(point.lon, point.lat) ?? 'ask-database';
  const row = located === 'ask-database' ? await store.locate(db, point.lon, point.lat, OUTLINE_TOLERANCE) : located;
  if (!row) return null;
  return {
    region: { id: row.region_id, names: row.region_names },
    district: { id: row.district_id, names: row.district_names },
    beat: { id: row.beat_id, number: row.beat_number },
    h3: latLngToCell(point.lat, point.lon, H3_RESOLUTION),
  };
}

/** Point → jurisdiction. Throws geo.invalid_coordinates outside WGS 84's ranges; null outside Kazakhstan. */
export async function resolvePoint(db: Db, point: LonLat): Promise<ResolvedPoint | null> {
  const located = await locatePoint(db, point);
  return located && { regionId: located.region.id, districtId: located.district.id, beatId: located.beat.id, h3: located.h3 };
}

export interface Region {
  id: string;
  iso: string;
  kind: 'oblast' | 'city_of_republican_significance';
  names: Names;
  capital: Names;
  tz: string;
  population: number;
  populationEstimated: boolean;
}

export async function listRegions(db: Db): Promise<Region[]> {
  return (await store.listRegions(db)).map((r) => ({
    id: r.id,
    iso: r.iso,
    kind: r.kind,
    names: r.names,
    capital: { kk: r.capital.kk, ru: r.capital.ru, en: r.capital.en },
    tz: r.tz,
    population: r.population,
    populationEstimated: r.population_estimated,
  }));
}

export interface District {
  id: string;
  regionId: string;
  kind: 'city' | 'district' | 'city_district';
  names: Names;
  population: number;
  populationEstimated: boolean;
}

/** The districts of one region, or of the whole country. */
export async function listDistricts(db: Db, regionId?: string): Promise<District[]> {
  return (await store.listDistricts(db, regionId)).map((d) => ({
    id: d.id,
    regionId: d.region_id,
    kind: d.kind,
    names: d.names,
    population: d.population,
    populationEstimated: d.population_estimated,
  }));
}

export interface Beat {
  id: string;
  districtId: string;
  regionId: string;
  number: number;
  name: string;
}

/** The beats (neighbourhoods) of a district, by number; null when the district does not exist. */
export async function listBeats(db: Db, districtId: string, language: Language): Promise<Beat[] | null> {
  if (!(await store.districtExists(db, districtId))) return null;
  return (await store.listBeats(db, districtId)).map((b) => ({
    id: b.id,
    districtId: b.district_id,
    regionId: b.region_id,
    number: b.number,
    name: BEAT_NAMES[language](b.number),
  }));
}

export type BoundaryLevel = 'region' | 'district' | 'beat';

export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id: string;
    properties: { id: string; name: string };
    geometry: store.GeoJsonGeometry;
  }[];
}

/** Extra simplification for display: the national view of regions needs no 300 m detail. */
const DISPLAY_TOLERANCE: Record<BoundaryLevel, number> = { region: 0.005, district: 0, beat: 0 };

const BEAT_NAMES: Record<Language, (n: number) => string> = {
  kk: (n) => `№${n} учаске`,
  ru: (n) => `Участок №${n}`,
  en: (n) => `Beat ${n}`,
};

// Reference geography changes only with a new release, so each answer is built once per process.
const boundaryCache = new WeakMap<Db, Map<string, Promise<BoundaryCollection>>>();

/** Boundaries as an RFC 7946 FeatureCollection with names in `language`; cached in memory. */
export function boundaries(db: Db, level: BoundaryLevel, language: Language, regionId?: string): Promise<BoundaryCollection> {
  let cache = boundaryCache.get(db);
  if (!cache) boundaryCache.set(db, (cache = new Map()));
  const key = `${level}:${regionId ?? ''}:${language}`;
  let answer = cache.get(key);
  if (!answer) {
    answer = buildBoundaries(db, level, language, regionId);
    cache.set(key, answer);
    answer.catch(() => cache.delete(key));
  }
  return answer;
}

async function buildBoundaries(db: Db, level: BoundaryLevel, language: Language, regionId?: string): Promise<BoundaryCollection> {
  const rows = await store.boundaryRows(db, level, regionId, DISPLAY_TOLERANCE[level]);
  return {
    type: 'FeatureCollection',
    features: rows.map((row) => ({
      type: 'Feature',
      id: row.id,
      properties: { id: row.id, name: row.names ? row.names[language] : BEAT_NAMES[language](row.number ?? 0) },
      geometry: JSON.parse(row.geojson),
    })),
  };
}

export interface SampledPoint {
  districtId: string;
  regionId: string;
  beatId: string;
  lon: number;
  lat: number;
}

/** Random points inside the given districts (for demo data), each with its beat; deterministic per seed. */
export async function samplePoints(
  db: Db,
  requests: { districtId: string; count: number }[],
  seed: number,
): Promise<SampledPoint[]> {
  return (await store.samplePoints(db, requests, seed)).map((p) => ({
    districtId: p.district_id,
    regionId: p.region_id,
    beatId: p.beat_id,
    lon: p.lon,
    lat: p.lat,
  }));
}
