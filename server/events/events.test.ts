import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.js';
import { getTestDatabase } from '../test/database.js';
import { EVENT_RETENTION_MS } from './publish.js';
import { publishEvent, pruneDomainEvents, startEventStream, type EventStream, type LiveEvent } from './index.js';

let database: Database;
let stream: EventStream;
beforeAll(async () => {
  database = await getTestDatabase();
  stream = await startEventStream(database, { pollMs: 100, catchUpLimit: 5 });
});
afterAll(async () => {
  await stream.close();
});

function publish(type: string, payload: Record<string, unknown> = {}) {
  return database.db.transaction().execute((trx) => publishEvent(trx, { type, regionId: '750000000', payload }));
}

/** The events of `type` a subscriber hears until it has `count` of them, or what it heard when time runs out. */
async function collect(on: EventStream, type: string, count: number, after?: string, ms = 3000): Promise<LiveEvent[] | 'gap'> {
  const seen: LiveEvent[] = [];
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const unsubscribe = await on.subscribe((events) => {
    seen.push(...events.filter((e) => e.type === type));
    if (seen.length >= count) finish();
  }, after);
  if (unsubscribe === 'gap') return 'gap';
  if (seen.length >= count) finish();
  const timer = setTimeout(finish, ms);
  await done;
  clearTimeout(timer);
  unsubscribe();
  return seen;
}

describe('the event stream', () => {
  it('delivers a committed event to every subscriber, with its payload, once', async () => {
    const type = `test.committed.${Math.random()}`;
    const first = collect(stream, type, 1);
    const second = collect(stream, type, 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const id = await publish(type, { incidentId: 'x' });
    for (const heard of await Promise.all([first, second])) {
      expect(heard).toMatchObject([{ id, type, regionId: '750000000', payload: { incidentId: 'x' } }]);
    }
  });

  it('neither stores nor delivers an event whose transaction rolled back', async () => {
    const type = `test.rolled-back.${Math.random()}`;
    const heard = collect(stream, type, 1, undefined, 500);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await publishEvent(trx, { type, regionId: null, payload: {} });
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await heard).toEqual([]);
    expect(await database.db.selectFrom('domain_events').select('id').where('type', '=', type).execute()).toEqual([]);
  });

  it('resumes a reader after its last position: what it missed, then what comes, without repeats', async () => {
    const type = `test.resume.${Math.random()}`;
    const before = collect(stream, type, 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await publish(type, { i: 0 });
    const [last] = (await before) as LiveEvent[];
    await publish(type, { i: 1 });
    await publish(type, { i: 2 });
    const resumed = collect(stream, type, 3, last!.position);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await publish(type, { i: 3 });
    expect(((await resumed) as LiveEvent[]).map((e) => e.payload)).toEqual([{ i: 1 }, { i: 2 }, { i: 3 }]);
  });

  it('tells a reader too far behind, or at an unknown position, to reload instead', async () => {
    const type = `test.gap.${Math.random()}`;
    const first = collect(stream, type, 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await publish(type);
    const [last] = (await first) as LiveEvent[];
    for (let i = 0; i < 6; i++) await publish(type);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await collect(stream, type, 1, last!.position, 100)).toBe('gap');
    expect(await collect(stream, type, 1, '1-999999999', 100)).toBe('gap');
    expect(await collect(stream, type, 1, 'not-a-position', 100)).toBe('gap');
  });

  it('forgets events after a week, and a console back from longer away reloads', async () => {
    const type = `test.prune.${Math.random()}`;
    const first = collect(stream, type, 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await publish(type, { i: 0 });
    const [old] = (await first) as LiveEvent[];
    await database.db
      .updateTable('domain_events')
      .set({ created_at: new Date(Date.now() - EVENT_RETENTION_MS - 60_000) })
      .where('type', '=', type)
      .execute();
    await publish(type, { i: 1 });

    expect(await pruneDomainEvents(database.db, new Date())).toBeGreaterThanOrEqual(1);

    const left = await database.db.selectFrom('domain_events').select('payload').where('type', '=', type).execute();
    expect(left.map((e) => e.payload)).toEqual([{ i: 1 }]);
    expect(await collect(stream, type, 1, old!.position, 100)).toBe('gap');
  });

  it('keeps delivering to other subscribers when one handler throws', async () => {
    const errors: unknown[] = [];
    const local = await startEventStream(database, { onError: (e) => errors.push(e) });
    const type = `test.throwing.${Math.random()}`;
    const stop = await local.subscribe(() => {
      throw new Error('broken console');
    });
    const heard = collect(local, type, 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await publish(type);
    expect(await heard).toHaveLength(1);
    if (stop !== 'gap') stop();
    await local.close();
    expect(errors.length).toBeGreaterThan(0);
  });
});
