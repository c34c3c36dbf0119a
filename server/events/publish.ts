import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Tables } from '../db/tables.js';
import './tables.js';

/** The LISTEN/NOTIFY channel every process listens on. */
export const EVENTS_CHANNEL = 'aman_events';

export interface DomainEvent {
  /** `module.what-happened`, e.g. `incident.created`. */
  type: string;
  /** Where it happened, so a console sees only its jurisdiction's events; null for national ones. */
  regionId: string | null;
  districtId?: string | null;
  beatId?: string | null;
  /** Ids and codes, never personal data: consoles of a whole region receive it. */
  payload: Record<string, unknown>;
}

/**
 * Appends an event to the outbox inside the caller's transaction and notifies listeners. NOTIFY
 * is transactional: listeners hear of it only if the transaction commits, and never before.
 * Returns the event's id.
 */
export async function publishEvent(trx: Kysely<Tables>, event: DomainEvent): Promise<number> {
  // One round trip: the notice carries the id the insert just drew.
  const { rows } = await sql<{ id: number }>`
    with stored as (
      insert into domain_events (type, region_id, district_id, beat_id, payload)
      values (${event.type}, ${event.regionId}, ${event.districtId ?? null}, ${event.beatId ?? null}, ${JSON.stringify(event.payload)}::jsonb)
      returning id
    )
    select id, pg_notify(${EVENTS_CHANNEL}, json_build_object('id', id, 'type', ${event.type}::text, 'regionId', ${event.regionId}::text)::text)
    from stored`.execute(trx);
  return rows[0]!.id;
}

/**
 * Events as an insert for a caller's own statement's `WITH`: event i is written when `gate` (a
 * CTE of that statement with an integer column `ord`) has the row `ord = i`. It sends no NOTIFY:
 * PostgreSQL serialises the commits of transactions that notify, which caps a busy path at one
 * commit per disk flush. The caller calls `announceEvents` once its statement has committed.
 */
export function eventInsertsFor(gate: string, events: DomainEvent[]): RawBuilder<unknown> {
  const rows = events.map((event, ord) => ({
    ord,
    type: event.type,
    region_id: event.regionId,
    district_id: event.districtId ?? null,
    beat_id: event.beatId ?? null,
    payload: event.payload,
  }));
  return sql`insert into domain_events (type, region_id, district_id, beat_id, payload)
    select e.type, e.region_id, e.district_id, e.beat_id, e.payload
    from ${sql.table(gate)} g
    join jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as e (ord int, type text, region_id text, district_id text,
      beat_id text, payload jsonb)
      on e.ord = g.ord`;
}

// Announcements within this window share one NOTIFY: readers fetch everything new anyway.
const ANNOUNCE_WINDOW_MS = 5;
const pending = new WeakMap<Kysely<Tables>, Promise<void>>();

/**
 * Tells every process's event reader that committed events are waiting, at most once per few
 * milliseconds per database, so a burst of reports costs a handful of notifications. A lost
 * announcement only delays delivery until the readers' next poll.
 */
export function announceEvents(db: Kysely<Tables>): Promise<void> {
  let announcement = pending.get(db);
  if (!announcement) {
    announcement = new Promise<void>((resolve) => setTimeout(resolve, ANNOUNCE_WINDOW_MS))
      .then(() => {
        pending.delete(db);
        return sql`select pg_notify(${EVENTS_CHANNEL}, '')`.execute(db);
      })
      .then(
        () => undefined,
        () => undefined,
      );
    pending.set(db, announcement);
  }
  return announcement;
}

/** A console that was away longer than this reloads its picture instead of replaying. */
export const EVENT_RETENTION_MS = 7 * 24 * 3_600_000;

/** Forgets outbox events older than the retention; returns how many. */
export async function pruneDomainEvents(db: Kysely<Tables>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('domain_events')
    .where('created_at', '<', new Date(now.getTime() - EVENT_RETENTION_MS))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
