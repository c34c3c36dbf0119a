import { sql, type Kysely } from 'kysely';
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

/** What a NOTIFY carries: enough to route the event; the payload is read from the outbox. */
export interface EventNotice {
  id: number;
  type: string;
  regionId: string | null;
}

/**
 * Appends an event to the outbox inside the caller's transaction and notifies listeners. NOTIFY
 * is transactional: listeners hear of it only if the transaction commits, and never before.
 * Returns the event's id.
 */
export async function publishEvent(trx: Kysely<Tables>, event: DomainEvent): Promise<number> {
  const row = await trx
    .insertInto('domain_events')
    .values({
      type: event.type,
      region_id: event.regionId,
      district_id: event.districtId ?? null,
      beat_id: event.beatId ?? null,
      payload: JSON.stringify(event.payload),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const notice: EventNotice = { id: row.id, type: event.type, regionId: event.regionId };
  await sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(notice)})`.execute(trx);
  return row.id;
}
