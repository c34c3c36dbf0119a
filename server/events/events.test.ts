import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.js';
import { getTestDatabase } from '../test/database.js';
import { publishEvent, readEventsAfter, startEventFanout, type EventFanout, type EventNotice } from './index.js';

let database: Database;
let fanout: EventFanout;
beforeAll(async () => {
  database = await getTestDatabase();
  fanout = await startEventFanout(database);
});
afterAll(async () => {
  await fanout.close();
});

/** The notices a subscriber hears until `until` holds, or what it heard when time runs out. */
function collect(until: (seen: EventNotice[]) => boolean, ms = 3000): Promise<EventNotice[]> {
  const seen: EventNotice[] = [];
  return new Promise((resolve) => {
    const done = () => {
      stop();
      clearTimeout(timer);
      resolve(seen);
    };
    const stop = fanout.subscribe((notice) => {
      seen.push(notice);
      if (until(seen)) done();
    });
    const timer = setTimeout(done, ms);
  });
}

describe('domain events', () => {
  it('reach every subscriber once the transaction commits', async () => {
    const type = `test.committed.${Math.random()}`;
    const first = collect((seen) => seen.some((n) => n.type === type));
    const second = collect((seen) => seen.some((n) => n.type === type));
    const id = await database.db
      .transaction()
      .execute((trx) => publishEvent(trx, { type, regionId: '750000000', payload: { incidentId: 'x' } }));
    for (const heard of await Promise.all([first, second])) {
      expect(heard.filter((n) => n.type === type)).toEqual([{ id, type, regionId: '750000000' }]);
    }
  });

  it('are neither stored nor heard when the transaction rolls back', async () => {
    const type = `test.rolled-back.${Math.random()}`;
    const heard = collect(() => false, 500);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await publishEvent(trx, { type, regionId: null, payload: {} });
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect((await heard).filter((n) => n.type === type)).toEqual([]);
    const stored = await database.db.selectFrom('domain_events').select('id').where('type', '=', type).execute();
    expect(stored).toEqual([]);
  });

  it('can be read again after an id, in order, by a subscriber that missed them', async () => {
    const type = `test.catch-up.${Math.random()}`;
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(await database.db.transaction().execute((trx) => publishEvent(trx, { type, regionId: null, payload: { i } })));
    }
    const missed = (await readEventsAfter(database.db, ids[0]!)).filter((e) => e.type === type);
    expect(missed.map((e) => [e.id, e.payload])).toEqual([
      [ids[1], { i: 1 }],
      [ids[2], { i: 2 }],
    ]);
  });

  it('keeps delivering to other subscribers when one handler throws', async () => {
    const errors: unknown[] = [];
    const local = await startEventFanout(database, { onError: (e) => errors.push(e) });
    const type = `test.throwing.${Math.random()}`;
    const heard: EventNotice[] = [];
    const received = new Promise<void>((resolve) => {
      local.subscribe(() => {
        throw new Error('broken console');
      });
      local.subscribe((n) => {
        heard.push(n);
        if (n.type === type) resolve();
      });
    });
    await database.db.transaction().execute((trx) => publishEvent(trx, { type, regionId: null, payload: {} }));
    await received;
    await local.close();
    expect(heard.some((n) => n.type === type)).toBe(true);
    expect(errors.length).toBeGreaterThan(0);
  });
});
