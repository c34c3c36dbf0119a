import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import type { CaseCloseOutcome } from './case-closing-schema.js';

type Db = Kysely<Tables>;

/** What still protects the victim: safety-plan actions not done, and protection orders in force at `now`. */
export async function openItemsOf(db: Db, caseId: string, now: Date): Promise<{ openActions: number; activeOrders: number }> {
  const [actions, orders] = await Promise.all([
    db
      .selectFrom('safety_plan_actions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('case_id', '=', caseId)
      .where('completed_at', 'is', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('protection_orders')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('case_id', '=', caseId)
      .where('issued_at', '<=', now)
      .where('expires_at', '>', now)
      .executeTakeFirstOrThrow(),
  ]);
  return { openActions: Number(actions.n), activeOrders: Number(orders.n) };
}

/** Closes an open case; false when it was no longer open (closed meanwhile by someone else). */
export async function markClosed(db: Db, caseId: string, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('dv_cases')
    .set({ status: 'closed', closed_at: now, updated_at: now })
    .where('id', '=', caseId)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Reopens a closed case not yet anonymised; false otherwise. */
export async function markReopened(db: Db, caseId: string, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('dv_cases')
    .set({ status: 'open', closed_at: null, updated_at: now })
    .where('id', '=', caseId)
    .where('status', '=', 'closed')
    .where('anonymised_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertClosing(
  db: Db,
  input: {
    caseId: string;
    regionId: string;
    step: 'close' | 'reopen';
    outcome: CaseCloseOutcome | null;
    outcomeNoteEnc: string | null;
    reasonEnc: string;
    openActions: number;
    activeOrders: number;
    by: string;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('dv_case_closings')
    .values({
      case_id: input.caseId,
      region_id: input.regionId,
      step: input.step,
      outcome: input.outcome,
      outcome_note_enc: input.outcomeNoteEnc,
      reason_enc: input.reasonEnc,
      open_actions: input.openActions,
      active_orders: input.activeOrders,
      by_user: input.by,
      at: input.now,
    })
    .execute();
}

/** The case's latest close (the one in effect while it is closed). */
export async function latestClose(db: Db, caseId: string) {
  return db
    .selectFrom('dv_case_closings')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('step', '=', 'close')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
