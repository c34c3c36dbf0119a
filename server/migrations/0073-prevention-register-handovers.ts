import { sql, type Kysely } from 'kysely';

/**
 * A register entry changes hands (the inspector moved, is on leave, the family moved to another
 * beat): each handover is kept for the entry's history, its reason sealed like every free text
 * of an entry and emptied when the entry ends.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table prevention_register_handovers (
      id uuid primary key default gen_random_uuid(),
      entry_id uuid not null references prevention_register_entries (id),
      region_id text not null,
      previous_officer_id uuid,
      new_officer_id uuid not null,
      reason_enc text,
      handed_by uuid not null,
      handed_at timestamptz not null
    )`.execute(db);
  await sql`create index prevention_register_handovers_entry_idx on prevention_register_handovers (entry_id, handed_at)`.execute(
    db,
  );
}
