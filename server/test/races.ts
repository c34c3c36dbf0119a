import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../db/tables.js';

/**
 * Makes a race happen on purpose (PostgreSQL only: it needs two connections). `change` runs in a
 * transaction held open; `contender` starts while that change is uncommitted and gets half a
 * second to read it as it was and block on its rows; then the change commits and the contender's
 * answer is returned.
 */
export async function whileUncommitted<T>(
  db: Kysely<Tables>,
  change: (trx: Transaction<Tables>) => Promise<unknown>,
  contender: () => PromiseLike<T>,
): Promise<T> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let changed!: () => void;
  const isChanged = new Promise<void>((resolve) => (changed = resolve));
  const holding = db.transaction().execute(async (trx) => {
    await change(trx);
    changed();
    await held;
  });
  await isChanged;
  // Adopted at once: a lazy thenable (Fastify's inject) would otherwise not start before it is awaited.
  const answer = Promise.resolve(contender());
  await new Promise((resolve) => setTimeout(resolve, 500));
  release();
  await holding;
  return answer;
}
