import type { MultiPolygon } from 'geojson';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { DistrictsTable, Names, RegionsTable } from './tables.js';

/** Rows go to PostgreSQL as one jsonb parameter and come out of jsonb_to_recordset. */
const json = (rows: unknown) => JSON.stringify(rows);

export type GeoJsonGeometry = { type: string; coordinates: unknown };

export async function hasRegions(db: Db): Promise<boolean> {
  const found = await db.selectFrom('regions').select('id').limit(1).execute();
  return found.length > 0;
}

export interface RegionInsert {
  id: string;
  iso: string;
  kind: RegionsTable['kind'];
  names: Names;
  capital: Names & { kato: string };
  tz: string;
  geometry: GeoJsonGeometry;
}

/** Populations are set afterwards, once the areas they are estimated from are known. */
export async function insertRegions(db: Db, rows: RegionInsert[]): Promise<void> {
  await sql`
    insert into regions (id, iso, kind, names, capital, tz, population, population_estimated, geom)
    select id, iso, kind, names, capital, tz, 0, false, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(geometry), 4326))
    from jsonb_to_recordset(${json(rows)}::jsonb)
      as x(id text, iso text, kind text, names jsonb, capital jsonb, tz text, geometry jsonb)`.execute(db);
}

export interface DistrictInsert {
  id: string;
  regionId: string;
  kind: DistrictsTable['kind'];
  names: Names;
  geometry: GeoJsonGeometry;
}

export async function insertDistricts(db: Db, rows: DistrictInsert[]): Promise<void> {
  await sql`
    insert into districts (id, region_id, kind, names, population, population_estimated, geom)
    select id, "regionId", kind, names, 0, true, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(geometry), 4326))
    from jsonb_to_recordset(${json(rows)}::jsonb)
      as x(id text, "regionId" text, kind text, names jsonb, geometry jsonb)`.execute(db);
}

const areaKm2 = sql<number>`ST_Area(geom::geography) / 1e6`.as('areaKm2');

export async function regionAreas(db: Db): Promise<{ id: string; areaKm2: number }[]> {
  return db.selectFrom('regions').select(['id', areaKm2]).orderBy('id').execute();
}

export async function districtAreas(db: Db) {
  return db.selectFrom('districts').select(['id', 'region_id as regionId', 'kind', areaKm2]).orderBy('id').execute();
}

export async function setPopulations(
  db: Db,
  table: 'regions' | 'districts',
  rows: { id: string; population: number; estimated: boolean }[],
): Promise<void> {
  await sql`
    update ${sql.table(table)} t set population = x.population, population_estimated = x.estimated
    from jsonb_to_recordset(${json(rows)}::jsonb) as x(id text, population integer, estimated boolean)
    where t.id = x.id`.execute(db);
}

export interface CentreInsert {
  kato: string;
  regionId: string;
  kind: 'capital' | 'regional_centre' | 'city';
  names: Names;
  lon: number;
  lat: number;
}

/** A centre belongs to the district of its region that covers it, or the nearest (coasts are simplified). */
export async function insertCentres(db: Db, rows: CentreInsert[]): Promise<void> {
  await sql`
    insert into settlements (kato, region_id, district_id, kind, names, approximate, point)
    select x.kato, x."regionId",
      (select d.id from districts d where d.region_id = x."regionId" order by ST_Distance(d.geom, p.point), d.id limit 1),
      x.kind, x.names, false, p.point
    from jsonb_to_recordset(${json(rows)}::jsonb)
      as x(kato text, "regionId" text, kind text, names jsonb, lon float8, lat float8)
    cross join lateral (select ST_SetSRID(ST_MakePoint(x.lon, x.lat), 4326) as point) p`.execute(db);
}

/**
 * Gives every district without a centre from the centres file one at a point inside its polygon
 * (ST_PointOnSurface), marked approximate, and records each district's centre.
 */
export async function insertDistrictCentres(
  db: Db,
  rows: { districtId: string; kind: 'city' | 'district_centre'; names: Names }[],
): Promise<void> {
  await sql`
    insert into settlements (region_id, district_id, kind, names, approximate, point)
    select d.region_id, d.id, x.kind, x.names, true, ST_PointOnSurface(d.geom)
    from jsonb_to_recordset(${json(rows)}::jsonb) as x("districtId" text, kind text, names jsonb)
    join districts d on d.id = x."districtId"
    where not exists (select 1 from settlements s where s.district_id = d.id)`.execute(db);
  await sql`
    update districts d set centre = (
      select s.point from settlements s where s.district_id = d.id
      order by s.kind = 'district_centre', s.id limit 1)`.execute(db);
}

/**
 * Splits every district into beats: Voronoi cells around `n` points scattered over the district
 * with a fixed seed (so a given PostGIS version always draws the same beats), clipped to the
 * district. Numbered from north to south.
 */
export async function insertBeats(db: Db, plan: { peoplePerBeat: number; min: number; max: number }): Promise<void> {
  await sql`
    insert into beats (id, district_id, region_id, number, geom)
    select district_id || '-' || lpad(n::text, 2, '0'), district_id, region_id, n, geom
    from (
      select district_id, region_id, geom, row_number() over (partition by district_id order by ST_Y(label) desc, ST_X(label)) n
      from (
        select d.id district_id, d.region_id, cell.geom, ST_PointOnSurface(cell.geom) label
        from districts d
        cross join lateral (
          select ST_Multi(ST_CollectionExtract(ST_Intersection(v.geom, d.geom), 3)) geom
          from ST_Dump(ST_VoronoiPolygons(
            ST_GeneratePoints(d.geom,
              greatest(${plan.min}, least(${plan.max}, round(d.population / ${plan.peoplePerBeat}::float8)))::int,
              (d.id::bigint % 2000000000 + 1)::int),
            0, d.geom)) v
        ) cell
        where not ST_IsEmpty(cell.geom)
      ) cells
    ) numbered`.execute(db);
}

export async function insertStreets(db: Db, rows: { city: string; names: Names; lon: number; lat: number }[]): Promise<void> {
  await sql`
    insert into streets (region_id, district_id, settlement_id, names, demo, geom)
    select s.region_id,
      (select d.id from districts d where d.region_id = s.region_id order by ST_Distance(d.geom, p.point), d.id limit 1),
      s.id, x.names, true, p.point
    from jsonb_to_recordset(${json(rows)}::jsonb) as x(city text, names jsonb, lon float8, lat float8)
    join settlements s on s.kato = x.city
    cross join lateral (select ST_SetSRID(ST_MakePoint(x.lon, x.lat), 4326) as point) p`.execute(db);
}

/**
 * What the seed should have produced. PGlite's PostGIS can lose a GEOS failure and answer a
 * statement with no rows and no error, so the seed checks its result rather than trusting it.
 */
export async function seedCounts(db: Db) {
  const result = await sql<{ regions: number; districts: number; without_centre: number; fewest_beats: number; streets: number }>`
    select (select count(*) from regions)::int regions,
      (select count(*) from districts)::int districts,
      (select count(*) from districts where centre is null)::int without_centre,
      (select coalesce(min(n), 0) from (
        select count(b.id)::int n from districts d left join beats b on b.district_id = d.id group by d.id) x) fewest_beats,
      (select count(*) from streets)::int streets`.execute(db);
  return result.rows[0] ?? null;
}

export interface LocatedRow {
  region_id: string;
  region_names: Names;
  district_id: string;
  district_names: Names;
  beat_id: string;
  beat_number: number;
}

/**
 * The district that covers the point (the lowest id when it lies on a border), else the nearest
 * within `tolerance` degrees: the simplified outline may cut a corner off a real address. Its
 * beat likewise: the covering one, else the nearest.
 */
export async function locate(db: Db, lon: number, lat: number, tolerance: number): Promise<LocatedRow | null> {
  const result = await sql<LocatedRow>`
    with p as (select ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326) g),
    d as (
      select d.id, d.region_id, d.names from districts d, p
      where ST_DWithin(d.geom, p.g, ${tolerance})
      order by not ST_Covers(d.geom, p.g), ST_Distance(d.geom, p.g), d.id
      limit 1)
    select r.id region_id, r.names region_names, d.id district_id, d.names district_names,
      b.id beat_id, b.number beat_number
    from d join regions r on r.id = d.region_id cross join p
    cross join lateral (
      select b.id, b.number from beats b where b.district_id = d.id
      order by not ST_Covers(b.geom, p.g), ST_Distance(b.geom, p.g), b.id
      limit 1) b`.execute(db);
  return result.rows[0] ?? null;
}

/** Every district and beat outline as GeoJSON, with what a located point needs to say. */
export async function locatorAreas(db: Db) {
  const [districts, beats] = await Promise.all([
    sql<{ id: string; region_id: string; names: Names; region_names: Names; geometry: MultiPolygon }>`
      select d.id, d.region_id, d.names, r.names region_names, ST_AsGeoJSON(d.geom)::json geometry
      from districts d join regions r on r.id = d.region_id`.execute(db),
    sql<{ id: string; district_id: string; number: number; geometry: MultiPolygon }>`
      select id, district_id, number, ST_AsGeoJSON(geom)::json geometry from beats`.execute(db),
  ]);
  return { districts: districts.rows, beats: beats.rows };
}

export async function listRegions(db: Db) {
  return db
    .selectFrom('regions')
    .select(['id', 'iso', 'kind', 'names', 'capital', 'tz', 'population', 'population_estimated'])
    .orderBy('id')
    .execute();
}

export async function listDistricts(db: Db, regionId?: string) {
  let query = db
    .selectFrom('districts')
    .select(['id', 'region_id', 'kind', 'names', 'population', 'population_estimated'])
    .orderBy('id');
  if (regionId !== undefined) query = query.where('region_id', '=', regionId);
  return query.execute();
}

export interface BoundaryRow {
  id: string;
  names: Names | null;
  number: number | null;
  geojson: string;
}

/** Shapes as GeoJSON text with 4 decimals (~11 m), simplified further by `tolerance` degrees. */
export async function boundaryRows(
  db: Db,
  level: 'region' | 'district' | 'beat',
  regionId: string | undefined,
  tolerance: number,
): Promise<BoundaryRow[]> {
  const shape = sql<string>`ST_AsGeoJSON(ST_SimplifyPreserveTopology(geom, ${tolerance}), 4)`.as('geojson');
  switch (level) {
    case 'region': {
      let query = db.selectFrom('regions').select(['id', 'names', sql<null>`null`.as('number'), shape]);
      if (regionId !== undefined) query = query.where('id', '=', regionId);
      return query.orderBy('id').execute();
    }
    case 'district': {
      let query = db.selectFrom('districts').select(['id', 'names', sql<null>`null`.as('number'), shape]);
      if (regionId !== undefined) query = query.where('region_id', '=', regionId);
      return query.orderBy('id').execute();
    }
    case 'beat': {
      let query = db.selectFrom('beats').select(['id', sql<null>`null`.as('names'), 'number', shape]);
      if (regionId !== undefined) query = query.where('region_id', '=', regionId);
      return query.orderBy('id').execute();
    }
  }
}

export async function listBeats(db: Db, districtId: string) {
  return db
    .selectFrom('beats')
    .select(['id', 'district_id', 'region_id', 'number'])
    .where('district_id', '=', districtId)
    .orderBy('number')
    .execute();
}

export async function districtExists(db: Db, districtId: string): Promise<boolean> {
  return (await db.selectFrom('districts').select('id').where('id', '=', districtId).executeTakeFirst()) !== undefined;
}

export interface PlaceRow {
  kind: 'region' | 'district' | 'settlement' | 'street';
  region_id: string;
  district_id: string | null;
  names: Names;
  /** Where the place is: its city for a street, its region for a district or a settlement in an oblast. */
  context: Names | null;
  lon: number;
  lat: number;
}

/** Every named place the built-in geocoder searches, with one point each. */
export async function listPlaces(db: Db): Promise<PlaceRow[]> {
  const result = await sql<PlaceRow>`
    select 'region' kind, r.id region_id, null district_id, r.names, null::jsonb context, ST_X(s.point) lon, ST_Y(s.point) lat
    from regions r join settlements s on s.kato = r.capital->>'kato'
    union all
    select 'district', d.region_id, d.id, d.names, r.names, ST_X(d.centre), ST_Y(d.centre)
    from districts d join regions r on r.id = d.region_id
    union all
    select 'settlement', s.region_id, s.district_id, s.names, case when r.kind = 'oblast' then r.names end,
      ST_X(s.point), ST_Y(s.point)
    from settlements s join regions r on r.id = s.region_id
    where s.kind <> 'district_centre'
    union all
    select 'street', st.region_id, st.district_id, st.names, s.names, ST_X(ST_PointOnSurface(st.geom)), ST_Y(ST_PointOnSurface(st.geom))
    from streets st left join settlements s on s.id = st.settlement_id`.execute(db);
  return result.rows;
}

export interface SampledRow {
  district_id: string;
  region_id: string;
  beat_id: string;
  lon: number;
  lat: number;
}

/** Random points inside districts, with their beat; the same seed draws the same points. */
export async function samplePoints(
  db: Db,
  requests: { districtId: string; count: number }[],
  seed: number,
): Promise<SampledRow[]> {
  const result = await sql<SampledRow>`
    select d.id district_id, d.region_id, ST_X(pt.geom) lon, ST_Y(pt.geom) lat,
      coalesce(
        (select b.id from beats b where b.district_id = d.id and b.geom && pt.geom and ST_Covers(b.geom, pt.geom) order by b.id limit 1),
        (select b.id from beats b where b.district_id = d.id order by ST_Distance(b.geom, pt.geom), b.id limit 1)) beat_id
    from jsonb_to_recordset(${json(requests)}::jsonb) as x("districtId" text, count integer)
    join districts d on d.id = x."districtId"
    cross join lateral ST_Dump(ST_GeneratePoints(d.geom, x.count, ((${seed}::bigint + d.id::bigint) % 2000000000 + 1)::int)) pt
    where x.count > 0`.execute(db);
  return result.rows;
}
