import type { Static } from '@sinclair/typebox';
import type { Language } from '../../../common/roles.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../http/errors.js';
import { ALL_CRIME, isStreetCategory, outcomeName } from './police-uk.js';
import type { CrimeView, OutcomesForCrime } from './open-schema.js';
import * as store from './store.js';

/** data.police.uk refuses a custom area holding more than this many crimes. */
export const MAX_CRIMES = 10_000;
export const ONE_MILE_METRES = 1609.344;
const MAX_POLYGON_POINTS = 100;

/** The month asked for, or the latest published; refuses a malformed or unpublished one. */
export async function resolveMonth(db: Db, date: string | undefined): Promise<string> {
  if (date === undefined) {
    const [latest] = await store.publishedMonths(db, 1);
    if (!latest) throw new AppError('portal.month_not_published');
    return latest;
  }
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(date)) throw new AppError('portal.invalid_month', { date });
  if (!(await store.isPublished(db, date))) throw new AppError('portal.month_not_published', { date });
  return date;
}

export function checkPoint(lat: number, lng: number): void {
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    throw new AppError('geo.invalid_coordinates', { lat, lng });
  }
}

/** `lat,lng:lat,lng:…` → a ring of [lon, lat], closed. */
export function parsePolygon(poly: string): [number, number][] {
  const pairs = poly.split(':').map((pair) => pair.split(',').map((n) => (n.trim() === '' ? NaN : Number(n))));
  const valid = pairs.every((p) => p.length === 2 && p.every(Number.isFinite) && Math.abs(p[0]!) <= 90 && Math.abs(p[1]!) <= 180);
  if (!valid || pairs.length < 3 || pairs.length > MAX_POLYGON_POINTS) throw new AppError('portal.invalid_polygon', { poly });
  const ring = pairs.map(([lat, lng]) => [lng!, lat!] as [number, number]);
  return [...ring, ring[0]!];
}

/** The category filter of a URL segment: null for all-crime; refuses one police.uk does not have. */
export function categoryFilter(category: string): string | null {
  if (category === ALL_CRIME) return null;
  if (!isStreetCategory(category)) throw new AppError('portal.unknown_category', { category });
  return category;
}

function presentLocation(row: store.CrimeRow, language: Language): CrimeView['location'] {
  if (row.location_id === null || row.lat === null || row.lon === null || !row.names) return null;
  return {
    latitude: row.lat.toFixed(6),
    street: { id: row.location_id, name: row.names[language] },
    longitude: row.lon.toFixed(6),
  };
}

export function presentCrime(row: store.CrimeRow, language: Language): CrimeView {
  const location = presentLocation(row, language);
  return {
    category: row.category,
    location_type: location ? 'Force' : null,
    location,
    context: '',
    outcome_status:
      row.outcome_code && row.outcome_month
        ? { category: outcomeName(row.outcome_code, language), date: row.outcome_month }
        : null,
    persistent_id: row.persistent_id,
    id: row.id,
    location_subtype: '',
    month: row.month,
  };
}

async function limited(rows: Promise<store.CrimeRow[]>, language: Language): Promise<CrimeView[]> {
  const found = await rows;
  if (found.length > MAX_CRIMES) throw new AppError('portal.too_many_crimes', { limit: MAX_CRIMES });
  return found.map((row) => presentCrime(row, language));
}

/** crimes-street: within one mile of a point, or inside a polygon. */
export async function streetCrimes(
  db: Db,
  query: { category: string; lat?: number; lng?: number; poly?: string; date?: string },
  language: Language,
): Promise<CrimeView[]> {
  const category = categoryFilter(query.category);
  let area: store.CrimeArea;
  if (query.poly !== undefined) {
    area = { kind: 'polygon', ring: parsePolygon(query.poly) };
  } else if (query.lat !== undefined && query.lng !== undefined) {
    checkPoint(query.lat, query.lng);
    area = { kind: 'near', lon: query.lng, lat: query.lat, metres: ONE_MILE_METRES };
  } else {
    throw new AppError('portal.area_required');
  }
  const month = await resolveMonth(db, query.date);
  return limited(store.crimesInArea(db, month, category, area, MAX_CRIMES + 1), language);
}

/** crimes-at-location: the crimes published at one map location, given by id or as the one nearest a point. */
export async function crimesAtLocation(
  db: Db,
  query: { location_id?: number; lat?: number; lng?: number; date?: string },
  language: Language,
): Promise<CrimeView[]> {
  if (query.location_id === undefined && (query.lat === undefined || query.lng === undefined)) {
    throw new AppError('portal.area_required');
  }
  if (query.location_id === undefined) checkPoint(query.lat!, query.lng!);
  const month = await resolveMonth(db, query.date);
  const locationId = query.location_id ?? (await store.nearestLocation(db, month, query.lng!, query.lat!));
  if (locationId === null) return [];
  return limited(store.crimesInArea(db, month, null, { kind: 'location', locationId }, MAX_CRIMES + 1), language);
}

/** crimes-no-location: a force's crimes of a month published without a point. */
export async function crimesWithoutLocation(
  db: Db,
  query: { category: string; force: string; date?: string },
  regionExists: (id: string) => Promise<boolean>,
  language: Language,
): Promise<CrimeView[]> {
  const category = categoryFilter(query.category);
  if (!(await regionExists(query.force))) throw new AppError('portal.force_not_found', { force: query.force });
  const month = await resolveMonth(db, query.date);
  return limited(store.crimesWithoutLocation(db, month, query.force, category, MAX_CRIMES + 1), language);
}

/** outcomes-for-crime: the crime and its outcome as published with its month. */
export async function outcomesForCrime(
  db: Db,
  persistentId: string,
  language: Language,
): Promise<Static<typeof OutcomesForCrime>> {
  const row = /^[0-9a-f]{64}$/.test(persistentId) ? await store.crimeByPersistentId(db, persistentId) : undefined;
  if (!row) throw new AppError('portal.crime_not_found', { persistentId });
  const { outcome_status: _status, ...crime } = presentCrime(row, language);
  return {
    crime,
    outcomes:
      row.outcome_code && row.outcome_month
        ? [
            {
              category: { code: row.outcome_code, name: outcomeName(row.outcome_code, language) },
              date: row.outcome_month,
              person_id: null,
            },
          ]
        : [],
  };
}

/** crime-last-updated: the first day of the latest published month. */
export async function lastUpdated(db: Db): Promise<{ date: string }> {
  return { date: `${await resolveMonth(db, undefined)}-01` };
}
