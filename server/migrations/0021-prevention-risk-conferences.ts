import { sql, type Kysely } from 'kysely';

/**
 * Interagency risk conferences (MARAC-style). A referral waits on no conference until one is
 * called in its district, which puts every waiting referral on its agenda. Safety-plan action
 * text is field-encrypted (it names what is done for whom); partners reach actions through
 * `prevention_partner_agencies`, which says which agency a partner user speaks for.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table risk_conferences (
      id uuid primary key default gen_random_uuid(),
      region_id text not null,
      district_id text not null,
      scheduled_at timestamptz not null,
      agencies text[] not null check (agencies <@ array['police', 'prosecutor', 'health', 'education', 'social-protection', 'crisis-centre', 'ngo']),
      created_by uuid not null,
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index risk_conferences_district_idx on risk_conferences (region_id, district_id, scheduled_at desc)`.execute(
    db,
  );

  await sql`
    create table risk_referrals (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references dv_cases (id),
      region_id text not null,
      district_id text not null,
      beat_id text not null,
      criteria text[] not null check (criteria <@ array['high-score', 'professional-judgement', 'escalation', 'repeat']),
      is_repeat boolean not null,
      referred_at timestamptz not null,
      conference_id uuid references risk_conferences (id)
    )`.execute(db);
  await sql`create index risk_referrals_case_idx on risk_referrals (case_id, referred_at desc)`.execute(db);
  // At most one referral per case waits for a conference: a second trigger joins the first.
  await sql`create unique index risk_referrals_waiting_idx on risk_referrals (case_id) where conference_id is null`.execute(db);

  await sql`
    create table safety_plan_actions (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references dv_cases (id),
      conference_id uuid not null references risk_conferences (id),
      region_id text not null,
      district_id text not null,
      beat_id text not null,
      agency text not null check (agency in ('police', 'prosecutor', 'health', 'education', 'social-protection', 'crisis-centre', 'ngo')),
      description_enc text not null,
      due_at timestamptz not null,
      completed_at timestamptz,
      completed_by uuid,
      created_by uuid not null,
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index safety_plan_actions_due_idx on safety_plan_actions (region_id, district_id, due_at)`.execute(db);

  await sql`
    create table prevention_partner_agencies (
      user_id uuid primary key references users (id),
      agency text not null check (agency in ('police', 'prosecutor', 'health', 'education', 'social-protection', 'crisis-centre', 'ngo')),
      assigned_by uuid not null,
      assigned_at timestamptz not null
    )`.execute(db);
}
