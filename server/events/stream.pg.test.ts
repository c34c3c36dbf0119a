import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '../db/connection.js';
import { freshTestDatabase } from '../test/database.js';
import { publishEvent, startEventStream, type EventStream, type LiveEvent } from './index.js';

// Two transactions open at once need two connections: PostgreSQL only (PGlite has one).
let database: Database;
let stream: EventStream;
beforeAll(async () => {
  database = await freshTestDatabase();
  stream = await startEventStream(database, { pollMs: 50 });
});
afterAll(async () => {
  await stream.close();
  await database.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('events committed out of order', () => {
  it('are held until the earlier transaction ends, so a resuming reader cannot skip one', async () => {
    const type = `test.order.${Math.random()}`;
    const heard: LiveEvent[] = [];
    const stop = await stream.subscribe((events) => heard.push(...events.filter((e) => e.type === type)));

    let releaseFirst: () => void = () => {};
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstId = 0;
    const first = database.db.transaction().execute(async (trx) => {
      firstId = await publishEvent(trx, { type, regionId: null, payload: { n: 1 } });
      await firstMayCommit;
    });
    await sleep(100);
    const secondId = await database.db
      .transaction()
      .execute((trx) => publishEvent(trx, { type, regionId: null, payload: { n: 2 } }));
    expect(secondId).toBeGreaterThan(firstId);

    await sleep(400);
    // The later id committed first; delivering it now would let a reader resume past the earlier one.
    expect(heard).toEqual([]);

    releaseFirst();
    await first;
    for (let i = 0; i < 40 && heard.length < 2; i++) await sleep(50);
    expect(heard.map((e) => e.id)).toEqual([firstId, secondId]);

    // A reader that stopped after the first resumes with the second, and only it.
    const resumed: LiveEvent[] = [];
    const stopResumed = await stream.subscribe(
      (events) => resumed.push(...events.filter((e) => e.type === type)),
      heard[0]!.position,
    );
    expect(resumed.map((e) => e.id)).toEqual([secondId]);
    if (stop !== 'gap') stop();
    if (stopResumed !== 'gap') stopResumed();
  });
});

/** Is there a LISTEN connection on this database other than the ones the test dropped? */
async function listeningAgain(dropped: number[]): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from pg_stat_activity
    where datname = current_database() and query like 'LISTEN%' and not (pid = any(${dropped}::int[]))`.execute(database.db);
  return rows[0]!.n > 0;
}

describe('the LISTEN connection', () => {
  it('comes back after the server drops it, so commits are heard at once again', async () => {
    const errors: unknown[] = [];
    // Polling too slow to matter: only a working LISTEN delivers within the test's wait.
    const local = await startEventStream(database, { pollMs: 60_000, onError: (e) => errors.push(e) });
    const type = `test.reconnect.${Math.random()}`;
    const heard: LiveEvent[] = [];
    const stop = await local.subscribe((events) => heard.push(...events.filter((e) => e.type === type)));
    const dropped = await sql<{ pid: number }>`
      select pid from pg_stat_activity
      where datname = current_database() and query like 'LISTEN%' and pg_terminate_backend(pid)`.execute(database.db);
    await sleep(1_500);
    // The listener retries after a second; on a busy machine connecting again takes longer still.
    const gone = dropped.rows.map((r) => r.pid);
    for (let i = 0; i < 100 && !(await listeningAgain(gone)); i++) await sleep(100);
    await database.db.transaction().execute((trx) => publishEvent(trx, { type, regionId: null, payload: {} }));
    // Up to 5 s on a loaded machine: still far inside the 60 s poll, so only LISTEN can deliver it.
    for (let i = 0; i < 100 && heard.length === 0; i++) await sleep(50);
    expect(heard).toHaveLength(1);
    expect(errors.length).toBeGreaterThan(0);
    if (stop !== 'gap') stop();
    await local.close();
  });
});
