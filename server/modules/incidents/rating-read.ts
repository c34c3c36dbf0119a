import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import { findMergeTarget, MAX_MERGE_HOPS } from './report-store.js';
import { normaliseTrackingCode } from './tracking-code.js';
import './tables.js';

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
  let row = await db
    .selectFrom('incidents')
    .select(['id', 'status', 'region_id', 'district_id', 'merged_into'])
    .where('tracking_code', '=', trackingCode)
    .executeTakeFirst();
  for (let hop = 0; row?.merged_into && hop < MAX_MERGE_HOPS; hop++) row = await findMergeTarget(db, row.merged_into);
  return row && { id: row.id, status: row.status, regionId: row.region_id, districtId: row.district_id };
}
