import { sql, type Kysely } from 'kysely';

/**
 * Aggressor programmes: the providers of psycho-correction, counselling and addiction programmes
 * of a region, a case aggressor's enrolment (court-ordered under CoAO art. 54, voluntary, or on
 * the risk conference's referral) and each session's attendance. A missed session's reason is
 * free text, so it is field-encrypted. An enrolment carries its case's jurisdiction so a check
 * needs no join, and the violation it caused (recorded through the orders service).
 *
 * Retention: `anonymised_at` marks a closed case whose personal data the retention job dropped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table programme_providers (
      id uuid primary key default gen_random_uuid(),
      region_id text not null,
      name text not null,
      kind text not null check (kind in ('psycho-correction', 'counselling', 'addiction')),
      created_by uuid not null,
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index programme_providers_region_idx on programme_providers (region_id, name)`.execute(db);

  await sql`
    create table programme_enrolments (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references dv_cases (id),
      person_id uuid not null references dv_case_people (id),
      provider_id uuid not null references programme_providers (id),
      region_id text not null,
      district_id text not null,
      beat_id text not null,
      basis text not null check (basis in ('court-order', 'voluntary', 'conference-referral')),
      order_id uuid references protection_orders (id),
      sessions_planned integer not null check (sessions_planned between 1 and 200),
      misses_allowed integer not null check (misses_allowed between 0 and 200),
      status text not null default 'enrolled' check (status in ('enrolled', 'completed', 'dropped-out')),
      ended_at timestamptz,
      violation_id uuid references protection_order_violations (id),
      enrolled_by uuid not null,
      enrolled_at timestamptz not null,
      check ((basis = 'court-order') = (order_id is not null))
    )`.execute(db);
  await sql`create index programme_enrolments_case_idx on programme_enrolments (case_id, enrolled_at)`.execute(db);

  await sql`
    create table programme_sessions (
      id uuid primary key default gen_random_uuid(),
      enrolment_id uuid not null references programme_enrolments (id),
      case_id uuid not null references dv_cases (id),
      region_id text not null,
      held_on date not null,
      attended boolean not null,
      missed_reason_enc text,
      recorded_by uuid not null,
      recorded_at timestamptz not null,
      unique (enrolment_id, held_on)
    )`.execute(db);

  await sql`alter table dv_cases add column anonymised_at timestamptz`.execute(db);
}
