/**
 * One-off build step: turns geokz's boundaries (../shared/data/geo) into the small files in
 * ../data that Aman ships. Run it with
 *   npx tsx server/modules/geo/scripts/prepare-boundaries.ts [source dir]
 * and commit the output; the server never runs it. It needs PostGIS 3.6 with GEOS 3.14 (the
 * embedded PGlite has both) for ST_CoverageClean.
 *
 * The districts stay an exact mosaic: shared edges stay shared, with no gaps and no overlaps,
 * and each region is the union of its districts, so every district lies inside its region.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../../../db/connection.js';
import { districtNames } from './district-names.js';

const SOURCE = process.argv[2] ?? fileURLToPath(new URL('../../../../../shared/data/geo/', import.meta.url));
const OUT = fileURLToPath(new URL('../data/', import.meta.url));
/** Degrees, about 300 m: fine enough that a street-level point lands in the right district. */
const TOLERANCE = 0.003;
/** An edge of a small district moves at most 1/this of the district's size. */
const SMALL_DISTRICT_FACTOR = 50;
/** Slivers between source districts narrower than this (degrees, ~200 m) are merged away. */
const GAP_WIDTH = 0.002;
/** About 11 m. */
const DECIMALS = 4;

interface Feature {
  properties: Record<string, string | number>;
  geometry: { type: string; coordinates: number[] };
}
type Names = { kk: string; ru: string; en: string };

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(SOURCE, file), 'utf8'));
const write = (file: string, value: unknown) => {
  fs.writeFileSync(path.join(OUT, file), JSON.stringify(value) + '\n');
  console.log(`${file}: ${fs.statSync(path.join(OUT, file)).size} bytes`);
};
const prop = (f: Feature, key: string) => String(f.properties[key]);
const regionOf = (kato: string) => kato.slice(0, 2) + '0000000';

async function loadDistricts(db: Db, features: Feature[]): Promise<void> {
  await sql`create table src (id text primary key, geom geometry(MultiPolygon, 4326))`.execute(db);
  for (const feature of features) {
    await sql`insert into src values (${prop(feature, 'KATO')}, ST_Multi(ST_CollectionExtract(
      ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(feature.geometry)}), 4326)), 3)))`.execute(db);
  }
  await sql`create table clean as select id, ST_CoverageClean(geom, ${GAP_WIDTH}) over () as geom from src`.execute(db);
}

/**
 * Simplifies the mosaic edge by edge: the linework is cut where three districts meet, each edge
 * is simplified with its ends fixed, and edges that then cross another are simplified less until
 * none do. Polygonising the edges gives the same faces as before, each given back to the
 * district it overlaps most. (ST_CoverageSimplify would do this in one call, but in PGlite's
 * PostGIS 3.6.2 it returns the vertices unchanged.)
 */
async function simplifyCoverage(db: Db): Promise<void> {
  await sql`create table edges as
    select row_number() over () id, e, null::float8 tol, null::geometry s
    from (select (ST_Dump(ST_LineMerge(ST_UnaryUnion(ST_Collect(ST_Boundary(geom)))))).geom e from clean) x`.execute(db);
  // A city district of 20 km² would lose its shape at the national tolerance.
  await sql`update edges set tol = least(${TOLERANCE}, (
      select min(sqrt(ST_Area(geom))) / ${SMALL_DISTRICT_FACTOR} from clean where clean.geom && e and ST_Intersects(clean.geom, e)))`.execute(
    db,
  );
  await sql`update edges set s = ST_SimplifyPreserveTopology(e, tol)`.execute(db);
  for (let round = 0; ; round++) {
    if (round === 20) throw new Error('edges still cross at full detail');
    const crossing = await sql<{ id: number }>`
      update edges set tol = tol / 2, s = case when tol < 1e-5 then e else ST_SimplifyPreserveTopology(e, tol / 2) end
      where id in (select a.id from edges a join edges b on a.id <> b.id and a.s && b.s and ST_Relate(a.s, b.s, 'T********'))
      returning id`.execute(db);
    if (crossing.rows.length === 0) break;
  }
  await sql`create table faces as select (ST_Dump(ST_Polygonize(s))).geom face from edges`.execute(db);
  await sql`create table simple as
    select id, ST_Multi(ST_Union(face)) geom from (
      select face, (select id from clean where ST_Intersects(clean.geom, face)
                    order by ST_Area(ST_Intersection(clean.geom, face)) desc limit 1) id
      from faces) x
    group by id`.execute(db);
}

/**
 * Checks the districts as they will be written: rounding moves shared vertices identically, but
 * it could still fold a thin spike.
 */
async function checkCoverage(db: Db, geometries: unknown[], expected: number): Promise<void> {
  const result = await sql<{ n: number; invalid: number; edges: number }>`
    with written as (select ST_GeomFromGeoJSON(value::text) geom from jsonb_array_elements(${JSON.stringify(geometries)}::jsonb))
    select count(*)::int n, count(*) filter (where ST_IsEmpty(geom) or not ST_IsValid(geom))::int invalid,
      (select count(*) from (select ST_CoverageInvalidEdges(geom) over () e from written) x where e is not null)::int edges
    from written`.execute(db);
  const check = result.rows[0];
  if (check?.n !== expected || check.invalid || check.edges) {
    throw new Error(`the districts are not a valid coverage: ${JSON.stringify(check)}`);
  }
}

async function geometries(db: Db, query: ReturnType<typeof sql<{ id: string; geojson: string }>>) {
  return new Map((await query.execute(db)).rows.map((row) => [row.id, JSON.parse(row.geojson)]));
}

function centreFeatures(
  features: Feature[],
  regions: { capital_kato: string; capital_kk: string; capital_ru: string; capital_en: string }[],
) {
  const capitals = new Map(
    regions.map((region) => [region.capital_kato, { kk: region.capital_kk, ru: region.capital_ru, en: region.capital_en }]),
  );
  const others: Record<string, Names> = { '431900000': { kk: 'Байқоңыр', ru: 'Байконур', en: 'Baikonur' } };
  // TYPE_CNT1: 1 the capital, 2 a city of republican significance, 3 a regional centre, 4 another city.
  const kinds: Record<string, string> = { 1: 'capital', 2: 'city', 3: 'regional_centre', 4: 'city' };
  return features.map((feature) => {
    const id = prop(feature, 'KATO');
    const names = capitals.get(id) ?? others[id];
    if (!names) throw new Error(`no names for centre ${id}`);
    const coordinates = feature.geometry.coordinates.map((c) => Number(c.toFixed(DECIMALS)));
    return {
      type: 'Feature',
      properties: { id, regionId: regionOf(id), kind: kinds[prop(feature, 'TYPE_CNT1')], names },
      geometry: { type: 'Point', coordinates },
    };
  });
}

const regions = read('regions.json');
// Two capitals carry their Russian spelling in the Kazakh field.
const kazakhCapitals: Record<string, string> = { '471010000': 'Ақтау', '621010000': 'Жезқазған' };
for (const region of regions.regions) region.capital_kk = kazakhCapitals[region.capital_kato] ?? region.capital_kk;
const adm2: Feature[] = read('kaz_adm2_2024.geojson').features;

const database = await openDatabase({ url: null });
const { db } = database;
await sql`create extension if not exists postgis`.execute(db);
await loadDistricts(db, adm2);
await simplifyCoverage(db);
const districtGeoms = await geometries(db, sql`select id, ST_AsGeoJSON(geom, ${DECIMALS}) geojson from simple`);
const regionGeoms = await geometries(
  db,
  sql`
  select substr(id, 1, 2) || '0000000' id, ST_AsGeoJSON(ST_Multi(ST_CoverageUnion(geom)), ${DECIMALS}) geojson
  from simple group by 1`,
);
await checkCoverage(db, [...districtGeoms.values()], adm2.length);
if (regionGeoms.size !== regions.regions.length) throw new Error(`expected ${regions.regions.length} regions`);
await database.close();

write('regions.json', regions);
write('regions.geojson', {
  type: 'FeatureCollection',
  features: regions.regions.map((region: { kato: string }) => ({
    type: 'Feature',
    properties: { id: region.kato },
    geometry: regionGeoms.get(region.kato),
  })),
});
write('districts.geojson', {
  type: 'FeatureCollection',
  features: adm2.map((feature) => {
    const id = prop(feature, 'KATO');
    const names = districtNames(id, { kk: prop(feature, 'ADM2_KK'), ru: prop(feature, 'ADM2_RU'), en: prop(feature, 'ADM2_EN') });
    return { type: 'Feature', properties: { id, regionId: regionOf(id), ...names }, geometry: districtGeoms.get(id) };
  }),
});
write('centres.geojson', {
  type: 'FeatureCollection',
  features: centreFeatures(read('kaz_cnt1_2022.geojson').features, regions.regions),
});
