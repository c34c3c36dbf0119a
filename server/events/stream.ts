import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/connection.js';
import type { Tables } from '../db/tables.js';
import { EVENTS_CHANNEL } from './publish.js';
import './tables.js';

/** An event as subscribers receive it. `position` orders events and is what a reconnecting reader resumes after. */
export interface LiveEvent {
  position: string;
  id: number;
  type: string;
  regionId: string | null;
  districtId: string | null;
  beatId: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
}

export type LiveHandler = (events: LiveEvent[]) => void;

export interface EventStream {
  /**
   * Delivers every event committed from now on, in order. With `after` (a position received
   * earlier) it first delivers what came after it, without gap or repeat; 'gap' means that is
   * more than a reader should replay (or pruned) and the reader must reload its picture instead.
   */
  subscribe(handler: LiveHandler, after?: string): Promise<(() => void) | 'gap'>;
  close(): Promise<void>;
}

export interface StreamOptions {
  /** How often to look for events whose NOTIFY was missed (a reconnecting listener). */
  pollMs?: number;
  /** At most this many missed events are replayed to a reconnecting reader. */
  catchUpLimit?: number;
  onError?: (error: unknown) => void;
}

const POSITION = /^(\d{1,20})-(\d{1,19})$/;

export function parsePosition(position: string): { tx: string; id: number } | null {
  const match = POSITION.exec(position);
  return match ? { tx: match[1]!, id: Number(match[2]) } : null;
}

interface EventRow {
  id: number;
  tx: string;
  type: string;
  region_id: string | null;
  district_id: string | null;
  beat_id: string | null;
  payload: Record<string, unknown>;
  created_at: Date;
}

function toLiveEvent(row: EventRow): LiveEvent {
  return {
    position: `${row.tx}-${row.id}`,
    id: row.id,
    type: row.type,
    regionId: row.region_id,
    districtId: row.district_id,
    beatId: row.beat_id,
    payload: row.payload,
    createdAt: row.created_at,
  };
}

const COLUMNS = sql`id, tx::text as tx, type, region_id, district_id, beat_id, payload, created_at`;

/**
 * Below the horizon every event is final (committed or gone): the oldest transaction of this
 * database still running, else the next to start. Other databases on the server are left out:
 * they cannot write this outbox, and a long transaction there must not hold back every console.
 */
async function horizonNow(db: Kysely<Tables>): Promise<string> {
  const { rows: taken } = await sql<{ snapshot: string }>`select pg_current_snapshot()::text as snapshot`.execute(db);
  const snapshot = taken[0]!.snapshot;
  // A second statement, so the backends are read after the snapshot: a transaction the snapshot
  // saw running either still shows its id there or has ended.
  const { rows } = await sql<{ horizon: string }>`
    select coalesce(min(running), pg_snapshot_xmax(${snapshot}::pg_snapshot))::text as horizon
    from pg_snapshot_xip(${snapshot}::pg_snapshot) as running
    where running::xid in (
      select backend_xid from pg_stat_activity where datname = current_database()
      union all
      select transaction from pg_prepared_xacts where database = current_database())`.execute(db);
  return rows[0]!.horizon;
}

async function readBetween(db: Kysely<Tables>, from: string, to: string): Promise<LiveEvent[]> {
  const { rows } = await sql<EventRow>`
    select ${COLUMNS} from domain_events
    where tx >= ${from}::xid8 and tx < ${to}::xid8
    order by tx, id`.execute(db);
  return rows.map(toLiveEvent);
}

async function readAfter(db: Kysely<Tables>, after: { tx: string; id: number }, to: string, limit: number) {
  const { rows } = await sql<EventRow>`
    select ${COLUMNS} from domain_events
    where (tx, id) > (${after.tx}::xid8, ${after.id}::bigint) and tx < ${to}::xid8
    order by tx, id
    limit ${limit}`.execute(db);
  return rows.map(toLiveEvent);
}

async function eventExists(db: Kysely<Tables>, id: number): Promise<boolean> {
  return (await db.selectFrom('domain_events').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/**
 * One reader of the outbox per process, shared by every console connected to it: 500 consoles
 * cost one LISTEN connection and one query per commit, not 500. It delivers an event only once
 * every transaction that started before it has ended, so events arrive in an order that a later
 * commit can never slip behind, and a reader resuming from a position misses nothing.
 */
export async function startEventStream(database: Database, options: StreamOptions = {}): Promise<EventStream> {
  const db = database.db;
  const catchUpLimit = options.catchUpLimit ?? 5_000;
  const handlers = new Set<LiveHandler>();
  let horizon = await horizonNow(db);
  let pumping: Promise<void> | null = null;
  let again = false;

  const deliver = (events: LiveEvent[], to: Iterable<LiveHandler>) => {
    for (const handler of to) {
      try {
        handler(events);
      } catch (error) {
        options.onError?.(error);
      }
    }
  };

  const pumpOnce = async () => {
    const next = await horizonNow(db);
    if (next === horizon) return;
    const events = await readBetween(db, horizon, next);
    // Moving the horizon and delivering happen in one tick, so a subscriber joining now sees
    // these events either in its catch-up or live, never both and never neither.
    horizon = next;
    if (events.length > 0) deliver(events, [...handlers]);
  };

  const pump = (): Promise<void> => {
    if (pumping) {
      again = true;
      return pumping;
    }
    pumping = (async () => {
      try {
        do {
          again = false;
          await pumpOnce();
        } while (again);
      } catch (error) {
        options.onError?.(error);
      } finally {
        pumping = null;
      }
    })();
    return pumping;
  };

  // Back from a dropped connection, read at once what its lost notices announced, not at the next poll.
  const stopListening = await database.listen(EVENTS_CHANNEL, () => void pump(), {
    onError: options.onError,
    onResumed: () => void pump(),
  });
  const poll = setInterval(() => void pump(), options.pollMs ?? 500);
  poll.unref();

  return {
    async subscribe(handler, after) {
      if (after === undefined) {
        handlers.add(handler);
        return () => handlers.delete(handler);
      }
      const from = parsePosition(after);
      // The reader's last event itself is gone: it was pruned, and so may be what followed it.
      if (!from || !(await eventExists(db, from.id))) return 'gap';
      const buffered: LiveEvent[][] = [];
      const buffer: LiveHandler = (events) => buffered.push(events);
      handlers.add(buffer);
      const upTo = horizon;
      try {
        const missed = await readAfter(db, from, upTo, catchUpLimit + 1);
        if (missed.length > catchUpLimit) return 'gap';
        if (missed.length > 0) deliver(missed, [handler]);
        for (const events of buffered) deliver(events, [handler]);
        handlers.add(handler);
        return () => handlers.delete(handler);
      } finally {
        handlers.delete(buffer);
      }
    },
    async close() {
      clearInterval(poll);
      handlers.clear();
      await stopListening();
      await pumping;
    },
  };
}
