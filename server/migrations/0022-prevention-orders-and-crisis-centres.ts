import { sql, type Kysely } from 'kysely';

/**
 * Protection orders (their place is the case's, copied so the caution-flag query needs no join)
 * and their violations; crisis centres with beds and occupancy, and referrals to them. A
 * centre's street address is left out on purpose: a shelter's location is itself protected.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table protection_orders (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references dv_cases (id),
      region_id text not null,
      district_id text not null,
      beat_id text not null,
      kind text not null check (kind in ('police-protection', 'court-special-requirements')),
      conditions text[] not null check (conditions <@ array['no-contact', 'no-weapons', 'no-alcohol-drugs', 'psycho-correction']),
      legal_basis text not null,
      location geometry(Point, 4326) not null,
      issued_at timestamptz not null,
      expires_at timestamptz not null,
      issued_by uuid not null
    )`.execute(db);
  await sql`create index protection_orders_location_idx on protection_orders using gist (location)`.execute(db);
  await sql`create index protection_orders_expiry_idx on protection_orders (region_id, expires_at)`.execute(db);

  await sql`
    create table protection_order_violations (
      id uuid primary key default gen_random_uuid(),
      order_id uuid not null references protection_orders (id),
      case_id uuid not null references dv_cases (id),
      region_id text not null,
      occurred_at timestamptz not null,
      legal_basis text not null,
      incident_id uuid,
      recorded_by uuid not null,
      recorded_at timestamptz not null
    )`.execute(db);

  await sql`
    create table crisis_centres (
      id uuid primary key default gen_random_uuid(),
      region_id text not null,
      name text not null,
      kind text not null check (kind in ('crisis-centre', 'shelter')),
      phone text,
      beds_total integer not null check (beds_total >= 0),
      beds_occupied integer not null default 0 check (beds_occupied >= 0 and beds_occupied <= beds_total),
      accepts_children boolean not null,
      occupancy_updated_at timestamptz not null,
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index crisis_centres_region_idx on crisis_centres (region_id)`.execute(db);

  await sql`
    create table crisis_centre_referrals (
      id uuid primary key default gen_random_uuid(),
      centre_id uuid not null references crisis_centres (id),
      case_id uuid references dv_cases (id),
      region_id text not null,
      beds integer not null check (beds > 0),
      status text not null check (status in ('pending', 'accepted', 'refused')),
      refusal_reason text,
      referred_by uuid not null,
      referred_at timestamptz not null,
      decided_by uuid,
      decided_at timestamptz
    )`.execute(db);
}
