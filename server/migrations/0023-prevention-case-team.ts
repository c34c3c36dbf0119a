import { sql, type Kysely } from 'kysely';

/**
 * The case team beyond the officer who opened the case (users added by name), and the
 * "break-glass" reads of staff outside it. A break-glass reason may name people, so it is
 * field-encrypted like the case's other free text. The reader's username is kept as it was then,
 * so the log reads without a look into identity's tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table dv_case_team (
      case_id uuid not null references dv_cases (id),
      user_id uuid not null references users (id),
      region_id text not null,
      added_by uuid not null,
      added_at timestamptz not null,
      primary key (case_id, user_id)
    )`.execute(db);
  await sql`create index dv_case_team_user_idx on dv_case_team (user_id)`.execute(db);

  await sql`
    create table dv_case_break_glass (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references dv_cases (id),
      region_id text not null,
      user_id uuid not null,
      username text not null,
      reason_enc text not null,
      at timestamptz not null
    )`.execute(db);
  await sql`create index dv_case_break_glass_case_idx on dv_case_break_glass (case_id, at desc)`.execute(db);
  await sql`create index dv_case_break_glass_user_idx on dv_case_break_glass (user_id, case_id, at desc)`.execute(db);
}
