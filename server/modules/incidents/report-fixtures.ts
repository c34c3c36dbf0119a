import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';

// For tests: a point in central Almaty (region 750000000) and a valid report about it.
export const ALMATY = { type: 'Point' as const, coordinates: [76.9458, 43.2383] };

export function validReport(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    category: 'other-theft',
    description: `Велосипедті подъезден ұрлап кетті ${Math.random()}`,
    location: ALMATY,
    ...overrides,
  };
}

/** Row counts of every table a report writes, to show that a refusal wrote nothing. */
export interface IntakeCounts {
  incidents: number;
  timeline: number;
  keys: number;
  events: number;
  audit: number;
}

export async function intakeCounts(db: Db): Promise<IntakeCounts> {
  const result = await sql<IntakeCounts>`
    select
      (select count(*)::int from incidents) as incidents,
      (select count(*)::int from incident_timeline) as timeline,
      (select count(*)::int from idempotency_keys) as keys,
      (select count(*)::int from domain_events) as events,
      (select count(*)::int from audit_inbox) + (select count(*)::int from audit_log) as audit`.execute(db);
  return result.rows[0]!;
}
