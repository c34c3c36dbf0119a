import { beforeAll, describe, expect, it } from 'vitest';
import type { Database, ListenEvents } from '../db/connection.js';
import { getTestDatabase } from '../test/database.js';
import { leaseEventStream, publishEvent, type EventStreamLease, type LiveEvent } from './index.js';

let database: Database;
beforeAll(async () => {
  database = await getTestDatabase();
});

/** The test database, counting its LISTENs and keeping what each was told to report. */
function watched() {
  const listens: ListenEvents[] = [];
  const counted: Database = {
    ...database,
    listen: (channel, onPayload, events = {}) => {
      listens.push(events);
      return database.listen(channel, onPayload, events);
    },
  };
  return { counted, listens };
}

function publish(type: string) {
  return database.db.transaction().execute((trx) => publishEvent(trx, { type, regionId: '750000000', payload: {} }));
}

/** Resolves with the first event of `type` the lease delivers, or null after 3 s. */
async function hear(lease: EventStreamLease, type: string): Promise<LiveEvent | null> {
  let found: (event: LiveEvent | null) => void = () => {};
  const heard = new Promise<LiveEvent | null>((resolve) => (found = resolve));
  const stop = await lease.subscribe((events) => {
    const event = events.find((e) => e.type === type);
    if (event) found(event);
  });
  const timer = setTimeout(() => found(null), 3000);
  const event = await heard;
  clearTimeout(timer);
  if (stop !== 'gap') stop();
  return event;
}

describe('the shared event stream', () => {
  it('gives every reader in the process one LISTEN connection, and closes it when the last one leaves', async () => {
    const { counted, listens } = watched();
    const [consoles, hotspots] = await Promise.all([leaseEventStream(counted), leaseEventStream(counted)]);
    expect(listens).toHaveLength(1);
    const type = `test.shared.${Math.random()}`;
    const both = Promise.all([hear(consoles, type), hear(hotspots, type)]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await publish(type);
    expect((await both).map((e) => e?.type)).toEqual([type, type]);

    await consoles.release();
    const alone = hear(hotspots, `${type}.after`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await publish(`${type}.after`);
    expect((await alone)?.type).toBe(`${type}.after`);
    await hotspots.release();

    const next = await leaseEventStream(counted);
    expect(listens).toHaveLength(2);
    await next.release();
  });

  it('tells every reader when the stream fails, but only the reader whose own handler threw', async () => {
    const { counted, listens } = watched();
    const [told, toldToo] = [[] as unknown[], [] as unknown[]];
    const [broken, sound] = await Promise.all([
      leaseEventStream(counted, (e) => told.push(e)),
      leaseEventStream(counted, (e) => toldToo.push(e)),
    ]);
    const type = `test.thrown.${Math.random()}`;
    const stop = await broken.subscribe((events) => {
      if (events.some((e) => e.type === type)) throw new Error('broken console');
    });
    const heard = hear(sound, type);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await publish(type);
    expect((await heard)?.type).toBe(type);
    expect(told).toEqual([new Error('broken console')]);
    expect(toldToo).toEqual([]);

    const lost = new Error('connection lost');
    listens[0]!.onError?.(lost);
    expect(told.at(-1)).toBe(lost);
    expect(toldToo).toEqual([lost]);
    if (stop !== 'gap') stop();
    await Promise.all([broken.release(), sound.release()]);
  });
});
