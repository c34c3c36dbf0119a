import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
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

describe('a long transaction in another database on the same server', () => {
  it('does not hold back delivery: it cannot write this outbox', async () => {
    const type = `test.elsewhere.${Math.random()}`;
    const heard: LiveEvent[] = [];
    const stop = await stream.subscribe((events) => heard.push(...events.filter((e) => e.type === type)));
    // Another system's bulk load, say, on the server's default database.
    const elsewhere = new pg.Client({ connectionString: process.env.AMAN_TEST_DATABASE_URL });
    await elsewhere.connect();
    try {
      await elsewhere.query('begin');
      await elsewhere.query('select pg_current_xact_id()');
      const id = await database.db.transaction().execute((trx) => publishEvent(trx, { type, regionId: null, payload: {} }));
      for (let i = 0; i < 100 && heard.length === 0; i++) await sleep(50);
      expect(heard.map((e) => e.id)).toEqual([id]);
    } finally {
      await elsewhere.query('rollback');
      await elsewhere.end();
      if (stop !== 'gap') stop();
    }
  });
});

describe('the LISTEN connection', () => {
  it('comes back after the server drops it, delivers at once what was committed meanwhile, and hears new commits', async () => {
    const errors: unknown[] = [];
    // Polling too slow to matter: only the listener delivers within the test's waits.
    const local = await startEventStream(database, { pollMs: 60_000, onError: (e) => errors.push(e) });
    const type = `test.reconnect.${Math.random()}`;
    const heard: LiveEvent[] = [];
    const stop = await local.subscribe((events) => heard.push(...events.filter((e) => e.type === type)));
    const publish = () => database.db.transaction().execute((trx) => publishEvent(trx, { type, regionId: null, payload: {} }));
    const heardWithin = async (n: number, ms: number) => {
      for (let waited = 0; waited < ms && heard.length < n; waited += 50) await sleep(50);
      return heard.length;
    };

    await sql`select pg_terminate_backend(pid) from pg_stat_activity
              where datname = current_database() and query like 'LISTEN%'`.execute(database.db);
    // The listener waits a second before it connects again, so this NOTIFY reaches no one.
    const whileDown = await publish();
    // Connecting again takes longer on a busy machine; still far inside the 60 s poll.
    expect(await heardWithin(1, 10_000)).toBe(1);
    expect(heard[0]!.id).toBe(whileDown);
    expect(errors.length).toBeGreaterThan(0);

    const afterwards = await publish();
    expect(await heardWithin(2, 5_000)).toBe(2);
    expect(heard[1]!.id).toBe(afterwards);
    if (stop !== 'gap') stop();
    await local.close();
  });
});
