import { sql, type Kysely } from 'kysely';

/**
 * The minimal incident record the foundation needs for history and live pages; the incidents
 * module's own issue extends it. Monthly counts hold recorded-offence statistics by district.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table incidents (
      id uuid primary key default gen_random_uuid(),
      region_id text not null,
      district_id text,
      beat_id text,
      h3 text,
      category text not null,
      status text not null,
      priority smallint not null,
      source text not null,
      occurred_at timestamptz not null,
      reported_at timestamptz not null,
      location geometry(Point, 4326),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index incidents_region_time_idx on incidents (region_id, occurred_at desc)`.execute(db);
  await sql`create index incidents_district_time_idx on incidents (district_id, occurred_at desc)`.execute(db);
  await sql`create index incidents_location_idx on incidents using gist (location)`.execute(db);

  await sql`
    create table offence_counts_monthly (
      district_id text not null,
      region_id text not null,
      month date not null,
      category text not null,
      count integer not null check (count >= 0),
      primary key (district_id, month, category)
    )`.execute(db);
  await sql`create index offence_counts_region_idx on offence_counts_monthly (region_id, month)`.execute(db);
}
