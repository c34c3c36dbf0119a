import { sql, type Kysely } from 'kysely';
import type { Jurisdiction } from '../../../common/roles.js';
import type { Tables } from '../../db/tables.js';

/**
 * Checks that a jurisdiction names places that exist at its level and fills in the wider ones
 * (a beat's district and region), so stores can filter by any level. Null when it does not hold.
 */
export async function normaliseJurisdiction(db: Kysely<Tables>, j: Jurisdiction): Promise<Jurisdiction | null> {
  switch (j.level) {
    case 'country':
      return { level: 'country', regionId: null, districtId: null, beatId: null };
    case 'region': {
      if (!j.regionId) return null;
      const found = await sql<{ id: string }>`select id from regions where id = ${j.regionId}`.execute(db);
      return found.rows[0] ? { level: 'region', regionId: j.regionId, districtId: null, beatId: null } : null;
    }
    case 'district': {
      if (!j.districtId) return null;
      const found = await sql<{ region_id: string }>`select region_id from districts where id = ${j.districtId}`.execute(db);
      const row = found.rows[0];
      if (!row || (j.regionId && j.regionId !== row.region_id)) return null;
      return { level: 'district', regionId: row.region_id, districtId: j.districtId, beatId: null };
    }
    case 'beat': {
      if (!j.beatId) return null;
      const found = await sql<{
        region_id: string;
        district_id: string;
      }>`select region_id, district_id from beats where id = ${j.beatId}`.execute(db);
      const row = found.rows[0];
      if (!row || (j.districtId && j.districtId !== row.district_id) || (j.regionId && j.regionId !== row.region_id)) return null;
      return { level: 'beat', regionId: row.region_id, districtId: row.district_id, beatId: j.beatId };
    }
  }
}

/** A district and one of its beats in a region, for demo accounts and tests. */
export async function firstDistrictAndBeat(
  db: Kysely<Tables>,
  regionId: string,
): Promise<{ districtId: string; beatId: string }> {
  const found = await sql<{ district_id: string; id: string }>`
    select district_id, id from beats where region_id = ${regionId} order by district_id, id limit 1`.execute(db);
  const row = found.rows[0];
  if (!row) throw new Error(`no beats in region ${regionId}: seed geography first`);
  return { districtId: row.district_id, beatId: row.id };
}
