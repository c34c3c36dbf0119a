import { sql, type Kysely } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { Tables } from '../../db/tables.js';
import type { Names } from '../geo/index.js';
import type { AreaCountRow, AreaLevel } from './area-counts.js';

/** Rows go to PostgreSQL as one jsonb parameter and come out of jsonb_to_recordset. */
const json = (rows: unknown) => JSON.stringify(rows);
const day = (month: string) => `${month}-01`;

type Executor = Kysely<Tables>;

/** Claims a month for publication; false when it was already published (or is being, by another node). */
export async function claimMonth(trx: Executor, month: string, now: Date): Promise<boolean> {
  const inserted = await trx
    .insertInto('portal_months')
    .values({ month: day(month), published_at: now, crimes: 0 })
    .onConflict((oc) => oc.column('month').doNothing())
    .returning('month')
    .execute();
  return inserted.length > 0;
}

export async function setMonthTotal(trx: Executor, month: string, crimes: number): Promise<void> {
  await trx.updateTable('portal_months').set({ crimes }).where('month', '=', day(month)).execute();
}

/** Published months, newest first. */
export async function publishedMonths(db: Db, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('portal_months')
    .select(sql<string>`to_char(month, 'YYYY-MM')`.as('month'))
    .orderBy('portal_months.month', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.month);
}

export async function isPublished(db: Db, month: string): Promise<boolean> {
  return (await db.selectFrom('portal_months').select('month').where('month', '=', day(month)).executeTakeFirst()) !== undefined;
}

export interface LocationInsert {
  h3: string;
  resolution: number;
  lon: number;
  lat: number;
  regionId: string;
  districtId: string;
  names: Names;
}

/** Adds the map locations not yet known (a cell keeps its id and name across months); returns the id of each cell. */
export async function upsertLocations(trx: Executor, rows: LocationInsert[]): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  await sql`
    insert into portal_locations (h3, resolution, point, region_id, district_id, names)
    select x.h3, x.resolution, ST_SetSRID(ST_MakePoint(x.lon, x.lat), 4326)::geography, x."regionId", x."districtId", x.names
    from jsonb_to_recordset(${json(rows)}::jsonb)
      as x(h3 text, resolution int, lon float8, lat float8, "regionId" text, "districtId" text, names jsonb)
    on conflict (h3) do nothing`.execute(trx);
  const found = await sql<{ id: number; h3: string }>`
    select id, h3 from portal_locations
    where h3 in (select jsonb_array_elements_text(${json(rows.map((r) => r.h3))}::jsonb))`.execute(trx);
  return new Map(found.rows.map((r) => [r.h3, r.id]));
}

export interface CrimeInsert {
  persistentId: string;
  category: string;
  regionId: string;
  locationId: number | null;
  outcomeCode: string | null;
}

export async function insertCrimes(trx: Executor, month: string, rows: CrimeInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    await sql`
      insert into portal_crimes (persistent_id, month, category, region_id, location_id, outcome_code, outcome_month)
      select x."persistentId", ${day(month)}::date, x.category, x."regionId", x."locationId",
        x."outcomeCode", case when x."outcomeCode" is not null then ${day(month)}::date end
      from jsonb_to_recordset(${json(rows.slice(i, i + 2000))}::jsonb)
        as x("persistentId" text, category text, "regionId" text, "locationId" bigint, "outcomeCode" text)`.execute(trx);
  }
}

export async function insertAreaCounts(trx: Executor, month: string, rows: AreaCountRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    await sql`
      insert into portal_area_counts (month, category, level, area_id, region_id, count, mark)
      select ${day(month)}::date, x.category, x.level, x."areaId", x."regionId", x.count, x.mark
      from jsonb_to_recordset(${json(rows.slice(i, i + 2000))}::jsonb)
        as x(category text, level text, "areaId" text, "regionId" text, count int, mark text)`.execute(trx);
  }
}

export interface CrimeRow {
  id: number;
  persistent_id: string;
  month: string;
  category: string;
  location_id: number | null;
  lat: number | null;
  lon: number | null;
  names: Names | null;
  outcome_code: string | null;
  outcome_month: string | null;
}

function crimes(db: Db) {
  return db
    .selectFrom('portal_crimes as c')
    .leftJoin('portal_locations as l', 'l.id', 'c.location_id')
    .select([
      'c.id',
      'c.persistent_id',
      sql<string>`to_char(c.month, 'YYYY-MM')`.as('month'),
      'c.category',
      'c.location_id',
      sql<number | null>`ST_Y(l.point::geometry)`.as('lat'),
      sql<number | null>`ST_X(l.point::geometry)`.as('lon'),
      'l.names',
      'c.outcome_code',
      sql<string | null>`to_char(c.outcome_month, 'YYYY-MM')`.as('outcome_month'),
    ])
    .orderBy('c.id');
}

export type CrimeArea =
  | { kind: 'near'; lon: number; lat: number; metres: number }
  | { kind: 'polygon'; ring: [number, number][] }
  | { kind: 'location'; locationId: number };

/** Crimes of a month with a published point inside the area; at most `limit`. */
export async function crimesInArea(
  db: Db,
  month: string,
  category: string | null,
  area: CrimeArea,
  limit: number,
): Promise<CrimeRow[]> {
  let q = crimes(db).where('c.month', '=', day(month)).where('c.location_id', 'is not', null).limit(limit);
  if (category) q = q.where('c.category', '=', category);
  switch (area.kind) {
    case 'near': {
      const centre = sql`ST_SetSRID(ST_MakePoint(${area.lon}, ${area.lat}), 4326)::geography`;
      q = q.where(sql<boolean>`ST_DWithin(l.point, ${centre}, ${area.metres})`);
      break;
    }
    case 'polygon': {
      const line = area.ring.map(([lon, lat]) => `${lon} ${lat}`).join(',');
      // A self-crossing ring is a polygon to the person who drew it; MakeValid keeps its area instead of failing.
      const polygon = sql`ST_MakeValid(ST_GeomFromText(${`POLYGON((${line}))`}, 4326))`;
      q = q.where(sql<boolean>`ST_Covers(${polygon}, l.point::geometry)`);
      break;
    }
    case 'location':
      q = q.where('c.location_id', '=', area.locationId);
      break;
  }
  return q.execute();
}

/** The published location of a month nearest to a point (crimes-at-location by lat/lng). */
export async function nearestLocation(db: Db, month: string, lon: number, lat: number): Promise<number | null> {
  const centre = sql`ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)::geography`;
  const row = await sql<{ id: number }>`
    select l.id from portal_locations l
    where exists (select 1 from portal_crimes c where c.location_id = l.id and c.month = ${day(month)}::date)
    order by l.point <-> ${centre}, l.id
    limit 1`.execute(db);
  return row.rows[0]?.id ?? null;
}

export async function crimesWithoutLocation(db: Db, month: string, regionId: string, category: string | null, limit: number) {
  let q = crimes(db)
    .where('c.month', '=', day(month))
    .where('c.region_id', '=', regionId)
    .where('c.location_id', 'is', null)
    .limit(limit);
  if (category) q = q.where('c.category', '=', category);
  return q.execute();
}

export async function crimeByPersistentId(db: Db, persistentId: string): Promise<CrimeRow | undefined> {
  return crimes(db).where('c.persistent_id', '=', persistentId).executeTakeFirst();
}

export interface StoredAreaCount {
  month: string;
  category: string;
  area_id: string;
  count: number | null;
  mark: 'count' | 'fewer-than-5' | 'withheld';
}

/** Stored counts of some areas of one level over some months; a missing row is a shown zero. */
export async function areaCounts(db: Db, level: AreaLevel, areaIds: string[], months: string[]): Promise<StoredAreaCount[]> {
  if (areaIds.length === 0 || months.length === 0) return [];
  return db
    .selectFrom('portal_area_counts')
    .select([sql<string>`to_char(month, 'YYYY-MM')`.as('month'), 'category', 'area_id', 'count', 'mark'])
    .where('level', '=', level)
    .where('area_id', 'in', areaIds)
    .where('month', 'in', months.map(day))
    .execute();
}

export interface LocationCount {
  id: number;
  lon: number;
  lat: number;
  names: Names;
  crimes: number;
}

/** Crimes of a month (of one category, or all) at each published location inside a box; at most `limit` locations. */
export async function locationCounts(
  db: Db,
  month: string,
  category: string | null,
  box: { west: number; south: number; east: number; north: number },
  limit: number,
): Promise<LocationCount[]> {
  const envelope = sql`ST_MakeEnvelope(${box.west}, ${box.south}, ${box.east}, ${box.north}, 4326)`;
  let q = db
    .selectFrom('portal_crimes as c')
    .innerJoin('portal_locations as l', 'l.id', 'c.location_id')
    .where('c.month', '=', day(month))
    .where(sql<boolean>`ST_Intersects(l.point::geometry, ${envelope})`)
    .groupBy(['l.id', 'l.point', 'l.names'])
    .select([
      'l.id',
      sql<number>`ST_X(l.point::geometry)`.as('lon'),
      sql<number>`ST_Y(l.point::geometry)`.as('lat'),
      'l.names',
      sql<number>`count(*)::int`.as('crimes'),
    ])
    .orderBy('l.id')
    .limit(limit);
  if (category) q = q.where('c.category', '=', category);
  return q.execute();
}
