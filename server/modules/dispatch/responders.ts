import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import './tables.js';

export interface Responder {
  unitId: string;
  officerIds: string[];
}

/** The units that reached an incident (accepted, on scene or resolved it) and their officers. */
export async function respondersOf(db: Kysely<Tables>, incidentId: string): Promise<Responder[]> {
  const rows = await db
    .selectFrom('unit_assignments as a')
    .leftJoin('unit_members as m', 'm.unit_id', 'a.unit_id')
    .select(['a.unit_id', 'm.user_id'])
    .where('a.incident_id', '=', incidentId)
    .where('a.accepted_at', 'is not', null)
    .orderBy('a.assigned_at')
    .execute();
  const byUnit = new Map<string, string[]>();
  for (const row of rows) {
    const officers = byUnit.get(row.unit_id) ?? [];
    if (row.user_id && !officers.includes(row.user_id)) officers.push(row.user_id);
    byUnit.set(row.unit_id, officers);
  }
  return [...byUnit].map(([unitId, officerIds]) => ({ unitId, officerIds }));
}
