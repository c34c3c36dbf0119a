import { sql, type Kysely } from 'kysely';

/**
 * What happened at a risk conference: which of the invited agencies attended (null until the
 * chair records it), and the decision taken on each case on its agenda. A decision's text can
 * name people and their circumstances, so it is field-encrypted like safety-plan actions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table risk_conferences add column attended text[]
    check (attended <@ array['police', 'prosecutor', 'health', 'education', 'social-protection', 'crisis-centre', 'ngo'])`.execute(
    db,
  );
  await sql`alter table risk_conferences add column attendance_recorded_by uuid`.execute(db);
  await sql`alter table risk_conferences add column attendance_recorded_at timestamptz`.execute(db);

  await sql`
    create table risk_conference_decisions (
      id uuid primary key default gen_random_uuid(),
      conference_id uuid not null references risk_conferences (id),
      case_id uuid not null references dv_cases (id),
      region_id text not null,
      district_id text not null,
      decision_enc text not null,
      decided_by uuid not null,
      decided_at timestamptz not null
    )`.execute(db);
  await sql`create index risk_conference_decisions_conference_idx on risk_conference_decisions (conference_id, decided_at)`.execute(
    db,
  );
}
