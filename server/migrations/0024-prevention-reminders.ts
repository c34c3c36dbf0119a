import { sql, type Kysely } from 'kysely';

/**
 * Reminders of protection orders about to expire and of overdue safety-plan actions, and alerts
 * that someone outside a case's team broke the glass on it (to its responsible officer; the
 * area's supervisors see every reminder). One row
 * per item per day (the unique key makes the job idempotent). A reminder names no one: it
 * carries the case number, the kind and the due time, and whom it is for — an officer, or an
 * agency whose partners see it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table prevention_reminders (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('order-expiring', 'action-overdue', 'break-glass')),
      item_id uuid not null,
      day date not null,
      case_id uuid not null references dv_cases (id),
      case_number text not null,
      region_id text not null,
      district_id text not null,
      beat_id text not null,
      recipient_user_id uuid,
      recipient_agency text,
      due_at timestamptz not null,
      created_at timestamptz not null,
      unique (kind, item_id, day),
      check ((recipient_user_id is null) <> (recipient_agency is null))
    )`.execute(db);
  await sql`create index prevention_reminders_user_idx on prevention_reminders (recipient_user_id, created_at desc)`.execute(db);
  await sql`create index prevention_reminders_agency_idx on prevention_reminders (region_id, recipient_agency, created_at desc)`.execute(
    db,
  );
}
