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
