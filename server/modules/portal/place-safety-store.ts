import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { Tables } from '../../db/tables.js';
import type { Names } from '../geo/index.js';
import type { PlaceKind, PortalPlaceReviewsTable } from './place-safety-tables.js';

type Executor = Kysely<Tables>;
const day = (month: string) => `${month}-01`;

export interface PlaceRow {
  id: string;
  kind: PlaceKind;
  names: Names;
  region_id: string;
  district_id: string;
  beat_id: string | null;
  /** The outline as GeoJSON (a MultiPolygon). */
  outline: string;
  lon: number;
  lat: number;
  radius_m: number | null;
  area_ha: number;
  visitor_hours_per_month: number | null;
  visitor_source: string | null;
  visitor_as_of: string | null;
  updated_at: Date;
  retired_at: Date | null;
  retire_reason: string | null;
}

export interface PlaceFilter {
  kind?: PlaceKind | undefined;
  regionId?: string | undefined;
  districtId?: string | undefined;
  /** Matched against the name in every language. */
  text?: string | undefined;
  /** Limits to a staff member's area. */
  beatId?: string | undefined;
  /** Staff see retired places too; the public never does. */
  includeRetired?: boolean;
}

function selectPlaces(db: Executor) {
  return db
    .selectFrom('portal_places')
    .select([
      'id',
      'kind',
      'names',
      'region_id',
      'district_id',
      'beat_id',
      sql<string>`ST_AsGeoJSON(geom, 6)`.as('outline'),
      sql<number>`ST_X(centre)`.as('lon'),
      sql<number>`ST_Y(centre)`.as('lat'),
      'radius_m',
      'area_ha',
      'visitor_hours_per_month',
      'visitor_source',
      sql<string | null>`to_char(visitor_as_of, 'YYYY-MM-DD')`.as('visitor_as_of'),
      'updated_at',
      'retired_at',
      'retire_reason',
    ]);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function places(db: Executor, filter: PlaceFilter): Promise<PlaceRow[]> {
  let q = selectPlaces(db);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.regionId) q = q.where('region_id', '=', filter.regionId);
  if (filter.districtId) q = q.where('district_id', '=', filter.districtId);
  if (filter.beatId) q = q.where('beat_id', '=', filter.beatId);
  if (!filter.includeRetired) q = q.where('retired_at', 'is', null);
  if (filter.text) {
    const pattern = `%${escapeLike(filter.text)}%`;
    q = q.where(sql<boolean>`(names->>'kk' ilike ${pattern} or names->>'ru' ilike ${pattern} or names->>'en' ilike ${pattern})`);
  }
  return q.orderBy('id').limit(1000).execute();
}

/** A place, retired or not: callers decide what a retired one means to them. */
export async function placeById(db: Executor, id: string): Promise<PlaceRow | undefined> {
  return selectPlaces(db).where('id', '=', id).executeTakeFirst();
}

/** Every rated place of the kinds given, for comparison within a kind (whatever the filter shows). */
export async function placesOfKinds(db: Executor, kinds: readonly PlaceKind[]): Promise<PlaceRow[]> {
  if (kinds.length === 0) return [];
  return selectPlaces(db)
    .where('kind', 'in', [...kinds])
    .where('retired_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** The outline from a polygon's GeoJSON, or from a centre and radius (a buffer on the sphere). */
export type OutlineSql = ReturnType<typeof sql<unknown>>;

export function polygonOutline(geojson: string): OutlineSql {
  return sql`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${geojson}), 4326))`;
}

export function circleOutline(lon: number, lat: number, radiusM: number): OutlineSql {
  return sql`ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)::geography, ${radiusM}, 24)::geometry)`;
}

/** Whether an outline is a valid, non-empty polygon, its area in hectares and a point surely inside it. */
export async function measureOutline(
  db: Executor,
  outline: OutlineSql,
): Promise<{ valid: boolean; areaHa: number; lon: number; lat: number }> {
  const { rows } = await sql<{ valid: boolean; area_ha: number; lon: number; lat: number }>`
    with o as (select ${outline} as g)
    select ST_IsValid(g) and not ST_IsEmpty(g) as valid,
           ST_Area(g::geography) / 10000 as area_ha,
           ST_X(ST_PointOnSurface(g)) as lon,
           ST_Y(ST_PointOnSurface(g)) as lat
    from o`.execute(db);
  const row = rows[0]!;
  return { valid: row.valid, areaHa: Number(row.area_ha), lon: Number(row.lon), lat: Number(row.lat) };
}

export interface PlaceWrite {
  kind: PlaceKind;
  names: Names;
  regionId: string;
  districtId: string;
  beatId: string | null;
  outline: OutlineSql;
  centre: { lon: number; lat: number };
  radiusM: number | null;
  areaHa: number;
  visitors: { hoursPerMonth: number; source: string; asOf: string } | null;
}

function columns(w: PlaceWrite) {
  return {
    kind: w.kind,
    names: JSON.stringify(w.names),
    region_id: w.regionId,
    district_id: w.districtId,
    beat_id: w.beatId,
    geom: w.outline,
    centre: sql`ST_SetSRID(ST_MakePoint(${w.centre.lon}, ${w.centre.lat}), 4326)`,
    radius_m: w.radiusM,
    area_ha: w.areaHa,
    visitor_hours_per_month: w.visitors?.hoursPerMonth ?? null,
    visitor_source: w.visitors?.source ?? null,
    visitor_as_of: w.visitors?.asOf ?? null,
  };
}

export async function insertPlace(
  db: Executor,
  w: PlaceWrite,
  meta: { at: Date; by: string | null; seedKey?: string },
): Promise<string | null> {
  const row = await db
    .insertInto('portal_places')
    // Geometry columns are typed write-never so that no raw value reaches them; these are SQL expressions.
    .values({
      ...columns(w),
      seed_key: meta.seedKey ?? null,
      created_at: meta.at,
      created_by: meta.by,
      updated_at: meta.at,
      updated_by: meta.by,
    } as never)
    .onConflict((oc) => oc.column('seed_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function updatePlace(db: Executor, id: string, w: PlaceWrite, meta: { at: Date; by: string }): Promise<void> {
  await db
    .updateTable('portal_places')
    .set({ ...columns(w), updated_at: meta.at, updated_by: meta.by } as never)
    .where('id', '=', id)
    .execute();
}

export async function lockPlace(db: Executor, id: string): Promise<{ id: string; retired_at: Date | null } | undefined> {
  return db.selectFrom('portal_places').select(['id', 'retired_at']).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Retires a place (with when, who and why), or restores it with null. */
export async function setRetired(
  db: Executor,
  id: string,
  retired: { at: Date; by: string; reason: string } | null,
): Promise<void> {
  await db
    .updateTable('portal_places')
    .set({ retired_at: retired?.at ?? null, retired_by: retired?.by ?? null, retire_reason: retired?.reason ?? null })
    .where('id', '=', id)
    .execute();
}

/** Whether the outline changed: its counts must then be worked out again. */
export async function sameOutline(db: Executor, id: string, outline: OutlineSql): Promise<boolean> {
  const { rows } = await sql<{ same: boolean }>`
    select ST_Equals(geom, ${outline}) as same from portal_places where id = ${id}`.execute(db);
  return rows[0]?.same ?? false;
}

export async function clearCounts(db: Executor, placeId: string): Promise<void> {
  await db.deleteFrom('portal_place_months').where('place_id', '=', placeId).execute();
}

// ---- counts -------------------------------------------------------------------------------

export async function latestPublishedMonths(db: Executor, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('portal_months')
    .select(sql<string>`to_char(month, 'YYYY-MM')`.as('month'))
    .orderBy('month', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.month);
}

/** Which of the places already have their counts for which of the months, as `placeId|YYYY-MM`. */
export async function countedMonths(db: Executor, placeIds: readonly string[], months: readonly string[]): Promise<Set<string>> {
  if (placeIds.length === 0 || months.length === 0) return new Set();
  const rows = await db
    .selectFrom('portal_place_months')
    .select(['place_id', sql<string>`to_char(month, 'YYYY-MM')`.as('month')])
    .where('place_id', 'in', [...placeIds])
    .where('month', 'in', months.map(day))
    .execute();
  return new Set(rows.map((r) => `${r.place_id}|${r.month}`));
}

/** Saves one month's counts for places; a place already counted for it (by another request) is left as it was. */
export async function saveMonthCounts(
  db: Db,
  month: string,
  counts: readonly { placeId: string; byCategory: ReadonlyMap<string, number> }[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const { placeId, byCategory } of counts) {
      const claimed = await trx
        .insertInto('portal_place_months')
        .values({ place_id: placeId, month: day(month) })
        .onConflict((oc) => oc.columns(['place_id', 'month']).doNothing())
        .returning('place_id')
        .execute();
      if (claimed.length === 0 || byCategory.size === 0) continue;
      await trx
        .insertInto('portal_place_counts')
        .values([...byCategory].map(([category, count]) => ({ place_id: placeId, month: day(month), category, count })))
        .execute();
    }
  });
}

/** Counts by place and category summed over the months given. */
export async function countsOver(
  db: Executor,
  placeIds: readonly string[],
  months: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  const result = new Map<string, Map<string, number>>();
  if (placeIds.length === 0 || months.length === 0) return result;
  const rows = await db
    .selectFrom('portal_place_counts')
    .select(['place_id', 'category', sql<number>`sum(count)::int`.as('n')])
    .where('place_id', 'in', [...placeIds])
    .where('month', 'in', months.map(day))
    .groupBy(['place_id', 'category'])
    .execute();
  for (const r of rows) {
    const byCategory = result.get(r.place_id) ?? new Map<string, number>();
    byCategory.set(r.category, r.n);
    result.set(r.place_id, byCategory);
  }
  return result;
}

// ---- the snapshot's true points ------------------------------------------------------------

/**
 * Freezes the true points of a month's published crimes (found by persistent id) and marks the
 * month as having them. Safe to run twice: a crime's point is written once.
 */
export async function recordTruePoints(
  db: Executor,
  month: string,
  points: readonly { persistentId: string; point: [number, number] }[],
): Promise<void> {
  for (let i = 0; i < points.length; i += 2000) {
    const rows = points.slice(i, i + 2000).map((p) => ({ id: p.persistentId, lon: p.point[0], lat: p.point[1] }));
    await sql`
      insert into portal_crime_points (crime_id, month, point)
      select c.id, c.month, ST_SetSRID(ST_MakePoint(x.lon, x.lat), 4326)
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id text, lon float8, lat float8)
      join portal_crimes c on c.persistent_id = x.id and c.month = ${day(month)}::date
      on conflict (crime_id) do nothing`.execute(db);
  }
  await db
    .insertInto('portal_month_points')
    .values({ month: day(month) })
    .onConflict((oc) => oc.column('month').doNothing())
    .execute();
}

/** The months given whose true points are not frozen yet (published before migration 0070). */
export async function monthsWithoutPoints(db: Executor, months: readonly string[]): Promise<string[]> {
  if (months.length === 0) return [];
  const rows = await db
    .selectFrom('portal_month_points')
    .select(sql<string>`to_char(month, 'YYYY-MM')`.as('month'))
    .where('month', 'in', months.map(day))
    .execute();
  const frozen = new Set(rows.map((r) => r.month));
  return months.filter((m) => !frozen.has(m));
}

/** The published crimes of a month whose persistent ids are given, to match incidents against. */
export async function publishedPersistentIds(db: Executor, month: string): Promise<Set<string>> {
  const rows = await db.selectFrom('portal_crimes').select('persistent_id').where('month', '=', day(month)).execute();
  return new Set(rows.map((r) => r.persistent_id));
}

/**
 * A month's published crimes inside each place's outline, by category as published. The snapshot
 * holds street-level categories only, so a sensitive category can never be counted.
 */
export async function countPublishedInside(
  db: Executor,
  month: string,
  placeIds: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  const result = new Map(placeIds.map((id) => [id, new Map<string, number>()]));
  if (placeIds.length === 0) return result;
  const { rows } = await sql<{ place_id: string; category: string; n: number }>`
    select p.id as place_id, c.category, count(*)::int as n
    from portal_places p
    join portal_crime_points cp on cp.month = ${day(month)}::date and ST_Intersects(p.geom, cp.point)
    join portal_crimes c on c.id = cp.crime_id
    where p.id in (${sql.join(placeIds.map((id) => sql`${id}::uuid`))})
    group by p.id, c.category`.execute(db);
  for (const r of rows) result.get(r.place_id)?.set(r.category, r.n);
  return result;
}

// ---- reviews ------------------------------------------------------------------------------

export type ReviewRow = Selectable<PortalPlaceReviewsTable>;

/** Approved reviews' count and star sum by rated (not retired) place: the prior is made of them all. */
export async function reviewStats(db: Executor): Promise<Map<string, { count: number; sum: number }>> {
  const rows = await db
    .selectFrom('portal_place_reviews as r')
    .innerJoin('portal_places as p', 'p.id', 'r.place_id')
    .select(['r.place_id', sql<number>`count(*)::int`.as('count'), sql<number>`sum(r.stars)::int`.as('sum')])
    .where('r.state', '=', 'approved')
    .where('p.retired_at', 'is', null)
    .groupBy('r.place_id')
    .execute();
  return new Map(rows.map((r) => [r.place_id, { count: r.count, sum: r.sum }]));
}

export async function approvedReviews(db: Executor, placeId: string, limit: number): Promise<ReviewRow[]> {
  return db
    .selectFrom('portal_place_reviews')
    .selectAll()
    .where('place_id', '=', placeId)
    .where('state', '=', 'approved')
    .orderBy('received_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function insertReview(
  db: Executor,
  row: Omit<Insertable<PortalPlaceReviewsTable>, 'id' | 'moderated_at' | 'moderated_by' | 'reject_reason'>,
): Promise<string> {
  const inserted = await db.insertInto('portal_place_reviews').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function isRecentDuplicate(db: Executor, textHash: string, since: Date): Promise<boolean> {
  const row = await db
    .selectFrom('portal_place_reviews')
    .select('id')
    .where('text_hash', '=', textHash)
    .where('received_at', '>=', since)
    .executeTakeFirst();
  return row !== undefined;
}

export type StaffReviewRow = ReviewRow & { place_names: Names; region_id: string; district_id: string; beat_id: string | null };

export async function reviewsForModeration(
  db: Executor,
  area: { regionId?: string; districtId?: string; beatId?: string },
  state: 'pending' | 'approved' | 'rejected',
  limit: number,
): Promise<StaffReviewRow[]> {
  let q = db
    .selectFrom('portal_place_reviews as r')
    .innerJoin('portal_places as p', 'p.id', 'r.place_id')
    .selectAll('r')
    .select(['p.names as place_names', 'p.region_id', 'p.district_id', 'p.beat_id'])
    .where('r.state', '=', state);
  if (area.regionId) q = q.where('p.region_id', '=', area.regionId);
  if (area.districtId) q = q.where('p.district_id', '=', area.districtId);
  if (area.beatId) q = q.where('p.beat_id', '=', area.beatId);
  return q
    .orderBy('r.received_at', state === 'pending' ? 'asc' : 'desc')
    .limit(limit)
    .execute();
}

export async function reviewForUpdate(db: Executor, id: string): Promise<StaffReviewRow | undefined> {
  return db
    .selectFrom('portal_place_reviews as r')
    .innerJoin('portal_places as p', 'p.id', 'r.place_id')
    .selectAll('r')
    .select(['p.names as place_names', 'p.region_id', 'p.district_id', 'p.beat_id'])
    .where('r.id', '=', id)
    .forUpdate('r')
    .executeTakeFirst();
}

export async function setReviewState(
  db: Executor,
  id: string,
  change: { state: 'approved' | 'rejected'; at: Date; by: string; reason: string | null },
): Promise<void> {
  await db
    .updateTable('portal_place_reviews')
    .set({ state: change.state, moderated_at: change.at, moderated_by: change.by, reject_reason: change.reason })
    .where('id', '=', id)
    .execute();
}
