import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../../db/tables.js';
import { AppError } from '../../http/errors.js';

/*
 * A closed case refuses changes: whoever wants to record something new reopens it first, with a
 * reason, so the file never grows behind a close that says the work is done. Every write on a
 * case, or on what belongs to it (people, incidents, assessments, orders, the team, conference
 * decisions and safety-plan actions, programmes), goes through `writeOpenCase`.
 *
 * Deliberately accepted on a closed case, because refusing them would lose a fact or block
 * someone who cannot reopen:
 * - closing and reopening themselves (case-closing.ts, with their own conditional updates);
 * - a breach of a protection order (orders.ts): a case may be closed with an order still in
 *   force, and the breach is reported by whoever is at the door — often an officer who only broke
 *   the glass and may not reopen. A breach not on file is one the court never hears of, so it is
 *   kept, the case is marked for reassessment and the inspector's console is told; the case page
 *   then asks the team to reopen it;
 * - an outcome (re-victimisation or none): follow-up facts recorded after the case by design, to
 *   validate the risk instrument;
 * - a partner completing its agency's safety-plan action, which a case may be closed with: the
 *   work was done, and a partner cannot reopen;
 * - a shelter referral naming the case: a place for the night must not wait for a reopen;
 * - breaking the glass: it records who read the file, not a change to it.
 */

/**
 * Locks the case row until the transaction ends and says whether it is open. The lock orders
 * this write with a close: a close committed first is seen here, and a close that comes later
 * waits for this write to commit.
 */
export async function lockCase(trx: Kysely<Tables>, caseId: string): Promise<{ isOpen: boolean }> {
  const row = await trx.selectFrom('dv_cases').select('status').where('id', '=', caseId).forUpdate().executeTakeFirst();
  return { isOpen: row?.status === 'open' };
}

/** Runs `write` in a transaction on an open case, or refuses (409 `prevention.case_closed`) and changes nothing. */
export async function writeOpenCase<T>(
  db: Kysely<Tables>,
  caseId: string,
  write: (trx: Transaction<Tables>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    if (!(await lockCase(trx, caseId)).isOpen) throw new AppError('prevention.case_closed', { caseId });
    return write(trx);
  });
}
