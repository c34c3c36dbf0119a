import { sql, type Kysely } from 'kysely';

/**
 * Kazakhstan's administrative geography (regions and districts, keyed by KATO), the police beats
 * made from it, and the named places and demo streets the built-in geocoder searches. Names are
 * `{kk, ru, en}`. Geometry is WGS 84; polygons are stored as MultiPolygon so one type fits all.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table regions (
      id text primary key,
      iso text not null unique,
      kind text not null check (kind in ('oblast', 'city_of_republican_significance')),
      names jsonb not null,
      capital jsonb not null,
      tz text not null,
      population integer not null,
      population_estimated boolean not null,
      geom geometry(MultiPolygon, 4326) not null
    )`.execute(db);

  await sql`
    create table districts (
      id text primary key,
      region_id text not null references regions (id),
      kind text not null check (kind in ('city', 'district', 'city_district')),
      names jsonb not null,
      population integer not null,
      population_estimated boolean not null,
      centre geometry(Point, 4326),
      geom geometry(MultiPolygon, 4326) not null
    )`.execute(db);
  await sql`create index districts_region_idx on districts (region_id)`.execute(db);

  await sql`
    create table beats (
      id text primary key,
      district_id text not null references districts (id),
      region_id text not null references regions (id),
      number integer not null check (number > 0),
      geom geometry(MultiPolygon, 4326) not null,
      unique (district_id, number)
    )`.execute(db);
  await sql`create index beats_region_idx on beats (region_id)`.execute(db);

  await sql`
    create table settlements (
      id serial primary key,
      kato text unique,
      region_id text not null references regions (id),
      district_id text references districts (id),
      kind text not null check (kind in ('capital', 'regional_centre', 'city', 'district_centre')),
      names jsonb not null,
      approximate boolean not null,
      point geometry(Point, 4326) not null
    )`.execute(db);
  await sql`create index settlements_region_idx on settlements (region_id)`.execute(db);

  await sql`
    create table streets (
      id serial primary key,
      region_id text not null references regions (id),
      district_id text references districts (id),
      settlement_id integer references settlements (id),
      names jsonb not null,
      demo boolean not null,
      geom geometry(Geometry, 4326) not null check (geometrytype(geom) in ('POINT', 'LINESTRING', 'MULTILINESTRING'))
    )`.execute(db);
  await sql`create index streets_region_idx on streets (region_id)`.execute(db);

  for (const table of ['regions', 'districts', 'beats', 'streets']) {
    await sql`create index ${sql.raw(`${table}_geom_idx`)} on ${sql.table(table)} using gist (geom)`.execute(db);
  }
  await sql`create index settlements_point_idx on settlements using gist (point)`.execute(db);
}
