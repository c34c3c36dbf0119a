import { sql, type Kysely } from 'kysely';

/**
 * Closing and reopening a domestic-violence case. `dv_cases.closed_at` is when the case was
 * closed (null while open): retention counts from it, never from `updated_at`, which any edit
 * moves. Each close and reopen is kept in `dv_case_closings` with its outcome and reason; the
 * reason and an "other" outcome's text may name people, so they are field-encrypted.
 *
 * Cases closed before this migration (only ever by hand) take their last change as their closing.
 *
 * Risk conferences: a recorded decision is amended, never overwritten without trace — each
 * amendment keeps the text it replaced and why (both encrypted). Attendance is recorded once;
 * a later change is a correction with a reason, keeping the list it replaced.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table dv_cases add column closed_at timestamptz`.execute(db);
  await sql`update dv_cases set closed_at = updated_at where status = 'closed'`.execute(db);
  await sql`alter table dv_cases add constraint dv_cases_closed_at_check
    check ((status = 'closed') = (closed_at is not null))`.execute(db);
  await sql`create index dv_cases_retention_idx on dv_cases (closed_at, id)
    where status = 'closed' and anonymised_at is null`.execute(db);

  await sql`
    create table dv_case_closings (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references dv_cases (id),
      region_id text not null,
      step text not null check (step in ('close', 'reopen')),
      outcome text check (outcome in ('risk-reduced', 'victim-moved', 'no-further-contact', 'aggressor-convicted', 'other')),
      outcome_note_enc text,
      reason_enc text not null,
      open_actions integer not null default 0,
      active_orders integer not null default 0,
      by_user uuid not null,
      at timestamptz not null,
      check ((step = 'close') = (outcome is not null)),
      check ((outcome = 'other') = (outcome_note_enc is not null))
    )`.execute(db);
  await sql`create index dv_case_closings_case_idx on dv_case_closings (case_id, at)`.execute(db);

  await sql`alter table risk_conference_decisions add column amended_at timestamptz`.execute(db);
  await sql`
    create table risk_conference_decision_amendments (
      id uuid primary key default gen_random_uuid(),
      decision_id uuid not null references risk_conference_decisions (id),
      conference_id uuid not null references risk_conferences (id),
      case_id uuid not null references dv_cases (id),
      region_id text not null,
      district_id text not null,
      previous_decision_enc text not null,
      reason_enc text not null,
      amended_by uuid not null,
      amended_at timestamptz not null
    )`.execute(db);
  await sql`create index risk_conference_decision_amendments_decision_idx
    on risk_conference_decision_amendments (decision_id, amended_at)`.execute(db);

  await sql`
    create table risk_conference_attendance_corrections (
      id uuid primary key default gen_random_uuid(),
      conference_id uuid not null references risk_conferences (id),
      region_id text not null,
      district_id text not null,
      previous_attended text[] not null,
      attended text[] not null,
      reason_enc text not null,
      corrected_by uuid not null,
      corrected_at timestamptz not null
    )`.execute(db);
  await sql`create index risk_conference_attendance_corrections_conference_idx
    on risk_conference_attendance_corrections (conference_id, corrected_at)`.execute(db);
}
