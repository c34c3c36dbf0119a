import { sql, type Kysely } from 'kysely';

/**
 * The portal's own published snapshot of recorded crime, written once per month and never
 * changed: anonymous map locations (H3 cell centres with an "on or near" name), crimes with a
 * persistent id and at most a location id, and area counts after suppression. Nothing here
 * holds a true location or an incident id; a hidden count is stored as a mark, never as a number.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table portal_months (
      month date primary key check (extract(day from month) = 1),
      published_at timestamptz not null,
      crimes integer not null check (crimes >= 0)
    )`.execute(db);

  await sql`
    create table portal_locations (
      id bigint generated always as identity primary key,
      h3 text not null unique,
      resolution smallint not null check (resolution between 0 and 9),
      point geography(Point, 4326) not null,
      region_id text not null,
      district_id text not null,
      names jsonb not null
    )`.execute(db);
  await sql`create index portal_locations_point_idx on portal_locations using gist (point)`.execute(db);

  await sql`
    create table portal_crimes (
      id bigint generated always as identity primary key,
      persistent_id text not null unique check (persistent_id ~ '^[0-9a-f]{64}$'),
      month date not null references portal_months (month),
      category text not null,
      region_id text not null,
      location_id bigint references portal_locations (id),
      outcome_code text,
      outcome_month date
    )`.execute(db);
  await sql`create index portal_crimes_month_location_idx on portal_crimes (month, location_id)`.execute(db);
  await sql`create index portal_crimes_region_month_idx on portal_crimes (region_id, month)`.execute(db);

  await sql`
    create table portal_area_counts (
      month date not null references portal_months (month),
      category text not null,
      level text not null check (level in ('country', 'region', 'district', 'beat')),
      area_id text not null,
      region_id text,
      count integer check (count > 0),
      mark text not null check (mark in ('count', 'fewer-than-5', 'withheld')),
      primary key (month, category, level, area_id),
      check ((mark = 'count') = (count is not null))
    )`.execute(db);
  await sql`create index portal_area_counts_area_idx on portal_area_counts (level, area_id, month)`.execute(db);
}
