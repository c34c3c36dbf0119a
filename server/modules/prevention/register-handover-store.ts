import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';

type Db = Kysely<Tables>;

/**
 * Gives an active entry to another officer, only if it is still `from`'s: of two handovers at
 * once, the second finds the entry already moved and changes nothing (false).
 */
export async function moveResponsibility(
  db: Db,
  input: { id: string; from: string | null; to: string; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('prevention_register_entries')
    .set({ responsible_officer_id: input.to, updated_at: input.now })
    .where('id', '=', input.id)
    .where('status', '=', 'active')
    .where('responsible_officer_id', input.from === null ? 'is' : '=', input.from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertHandover(
  db: Db,
  input: { entryId: string; regionId: string; from: string | null; to: string; reasonEnc: string; by: string; now: Date },
): Promise<string> {
  const row = await db
    .insertInto('prevention_register_handovers')
    .values({
      entry_id: input.entryId,
      region_id: input.regionId,
      previous_officer_id: input.from,
      new_officer_id: input.to,
      reason_enc: input.reasonEnc,
      handed_by: input.by,
      handed_at: input.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function entryHandovers(db: Db, entryId: string) {
  return db
    .selectFrom('prevention_register_handovers')
    .select(['id', 'previous_officer_id', 'new_officer_id', 'reason_enc', 'handed_by', 'handed_at'])
    .where('entry_id', '=', entryId)
    .orderBy('handed_at')
    .orderBy('id')
    .execute();
}

export type HandoverRow = Awaited<ReturnType<typeof entryHandovers>>[number];
