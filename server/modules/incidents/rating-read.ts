import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import { normaliseTrackingCode } from './tracking-code.js';
import './tables.js';

// As in tracking: a chain of merges longer than this is not followed.
const MAX_MERGE_HOPS = 5;

export interface IncidentToRate {
  id: string;
  status: string;
  regionId: string;
  districtId: string | null;
}

/**
 * The incident a reporter rates by their tracking code: the report itself, or the incident it
 * was merged into, since that is where the service was given. Undefined for no such code.
 */
export async function incidentToRate(db: Kysely<Tables>, code: string): Promise<IncidentToRate | undefined> {
  const trackingCode = normaliseTrackingCode(code);
  if (!trackingCode) return undefined;
  const columns = ['id', 'status', 'region_id', 'district_id', 'merged_into'] as const;
  let row = await db.selectFrom('incidents').select(columns).where('tracking_code', '=', trackingCode).executeTakeFirst();
  for (let hop = 0; row?.merged_into && hop < MAX_MERGE_HOPS; hop++) {
    row = await db.selectFrom('incidents').select(columns).where('id', '=', row.merged_into).executeTakeFirst();
  }
  return row && { id: row.id, status: row.status, regionId: row.region_id, districtId: row.district_id };
}
