import { sql, type Kysely } from 'kysely';

/**
 * Place safety: recreation places (parks, malls, markets, stations, entertainment venues) with
 * their outline, visitor figures, monthly incident counts and visitors' reviews.
 *
 * A place's outline is always stored as a polygon: one drawn as a point and a radius is kept as
 * its buffer, with the centre and radius beside it so the editor can show what was entered.
 * Counts are worked out on the server from the true incident locations, one row per place,
 * published month and category; only the counts, never a location, are shown. A month's
 * counts for a place are kept once worked out (published months never change); an edited outline
 * clears them so they are worked out again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table portal_places (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('park', 'mall', 'market', 'station', 'entertainment')),
      names jsonb not null,
      region_id text not null,
      district_id text not null,
      beat_id text,
      geom geometry(MultiPolygon, 4326) not null,
      centre geometry(Point, 4326) not null,
      radius_m integer check (radius_m between 10 and 5000),
      area_ha double precision not null check (area_ha > 0),
      visitor_hours_per_month integer check (visitor_hours_per_month > 0),
      visitor_source text,
      visitor_as_of date,
      seed_key text unique,
      created_at timestamptz not null,
      created_by uuid,
      updated_at timestamptz not null,
      updated_by uuid,
      check ((visitor_hours_per_month is null) = (visitor_source is null)),
      check ((visitor_hours_per_month is null) = (visitor_as_of is null))
    )`.execute(db);
  await sql`create index portal_places_area_idx on portal_places (region_id, district_id, kind)`.execute(db);

  await sql`
    create table portal_place_months (
      place_id uuid not null references portal_places (id) on delete cascade,
      month date not null,
      primary key (place_id, month)
    )`.execute(db);
  await sql`
    create table portal_place_counts (
      place_id uuid not null,
      month date not null,
      category text not null,
      count integer not null check (count > 0),
      primary key (place_id, month, category),
      foreign key (place_id, month) references portal_place_months (place_id, month) on delete cascade
    )`.execute(db);

  await sql`
    create table portal_place_reviews (
      id uuid primary key default gen_random_uuid(),
      place_id uuid not null references portal_places (id) on delete cascade,
      stars smallint not null check (stars between 1 and 5),
      text text check (length(text) between 1 and 1000),
      display_name text check (length(display_name) between 1 and 60),
      text_hash text,
      language text not null check (language in ('kk', 'ru', 'en')),
      flags text[] not null default '{}',
      state text not null check (state in ('pending', 'approved', 'rejected')),
      received_at timestamptz not null,
      moderated_at timestamptz,
      moderated_by uuid,
      reject_reason text
    )`.execute(db);
  await sql`create index portal_place_reviews_place_idx on portal_place_reviews (place_id, state, received_at desc)`.execute(db);
  await sql`create index portal_place_reviews_text_idx on portal_place_reviews (text_hash, received_at)`.execute(db);
}
