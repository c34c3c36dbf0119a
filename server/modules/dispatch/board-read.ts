import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { UnitStatus } from './schema.js';

export interface UnitStatusCount {
  regionId: string;
  districtId: string;
  status: UnitStatus;
  count: number;
}

/** Units in a region or district, counted by district and status (units belong to a district, not a beat). */
export async function unitStatusCounts(db: Db, area: { regionId?: string; districtId?: string }): Promise<UnitStatusCount[]> {
  let query = db.selectFrom('units');
  if (area.regionId !== undefined) query = query.where('region_id', '=', area.regionId);
  if (area.districtId !== undefined) query = query.where('district_id', '=', area.districtId);
  return query
    .select(['region_id as regionId', 'district_id as districtId', 'status', sql<number>`count(*)::int`.as('count')])
    .groupBy(['region_id', 'district_id', 'status'])
    .execute();
}
