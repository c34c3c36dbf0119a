import { sql, type Kysely } from 'kysely';

/**
 * Domestic-violence cases. People's names, IINs, addresses and phones are field-encrypted; the
 * IIN's keyed hash beside them finds a person's other cases without decrypting. `location` is the
 * victim's home as a point, kept in the clear only because the dispatch caution flag must find
 * protection orders near an address; nothing that leaves the module shows it. Incident ids are
 * plain references: the incidents module owns its table. Every case row carries its
 * jurisdiction so a list filters without a join.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create sequence dv_case_number_seq`.execute(db);
  await sql`
    create table dv_cases (
      id uuid primary key default gen_random_uuid(),
      case_number text not null unique,
      region_id text not null,
      district_id text not null,
      beat_id text not null,
      location geometry(Point, 4326) not null,
      status text not null default 'open' check (status in ('open', 'closed')),
      risk_grade text check (risk_grade in ('standard', 'medium', 'high')),
      needs_reassessment boolean not null default true,
      responsible_officer_id uuid not null,
      created_by uuid not null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create index dv_cases_region_idx on dv_cases (region_id, district_id, beat_id, updated_at desc)`.execute(db);
  await sql`create index dv_cases_location_idx on dv_cases using gist (location)`.execute(db);

  await sql`
    create table dv_case_people (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references dv_cases (id),
      region_id text not null,
      role text not null check (role in ('victim', 'aggressor', 'child', 'other')),
      name_enc text not null,
      iin_enc text,
      iin_hash text,
      address_enc text,
      phone_enc text,
      added_at timestamptz not null
    )`.execute(db);
  await sql`create index dv_case_people_case_idx on dv_case_people (case_id)`.execute(db);
  await sql`create index dv_case_people_iin_idx on dv_case_people (iin_hash) where iin_hash is not null`.execute(db);

  await sql`
    create table dv_case_incidents (
      case_id uuid not null references dv_cases (id),
      incident_id uuid not null,
      region_id text not null,
      occurred_at timestamptz not null,
      linked_at timestamptz not null,
      primary key (case_id, incident_id)
    )`.execute(db);

  await sql`
    create table dv_case_timeline (
      id bigserial primary key,
      case_id uuid not null references dv_cases (id),
      region_id text not null,
      at timestamptz not null,
      kind text not null,
      actor_id uuid,
      legal_basis text,
      details jsonb not null default '{}'
    )`.execute(db);
  await sql`create index dv_case_timeline_case_idx on dv_case_timeline (case_id, at)`.execute(db);

  await sql`
    create table dv_risk_assessments (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references dv_cases (id),
      region_id text not null,
      instrument_version text not null,
      answers jsonb not null,
      yes_count integer not null,
      score_grade text not null check (score_grade in ('standard', 'medium', 'high')),
      final_grade text not null check (final_grade in ('standard', 'medium', 'high')),
      rationale_enc text,
      reason text not null check (reason in ('initial', 'new-incident', 'order-violation', 'review')),
      incident_id uuid,
      assessed_by uuid not null,
      assessed_at timestamptz not null
    )`.execute(db);
  await sql`create index dv_risk_assessments_case_idx on dv_risk_assessments (case_id, assessed_at)`.execute(db);

  await sql`
    create table dv_case_outcomes (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references dv_cases (id),
      region_id text not null,
      kind text not null check (kind in ('revictimised', 'no-further-abuse')),
      occurred_at timestamptz not null,
      incident_id uuid,
      recorded_by uuid not null,
      recorded_at timestamptz not null
    )`.execute(db);
}
