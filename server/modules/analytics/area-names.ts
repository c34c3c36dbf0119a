import type { Db } from '../../db/connection.js';
import { listDistricts, listRegions, type Names } from '../geo/index.js';
import type { AreaFilter } from './area.js';

export interface AreaRows {
  /** What a row of a per-area table is: a region for a country-wide view, else a district. */
  level: 'region' | 'district';
  names: Map<string, Names>;
  /** The area's region's zone (Almaty's, where most of the country is, for a country-wide view). */
  timeZone: string;
  keyOf(row: { regionId: string; districtId: string | null }): string | null;
}

/** How to break an area's counts into rows, and the rows' names in kk/ru/en. */
export async function areaRows(db: Db, area: AreaFilter): Promise<AreaRows> {
  const regions = await listRegions(db);
  const level = area.regionId === undefined ? 'region' : 'district';
  const names = new Map<string, Names>(
    level === 'region'
      ? regions.map((r) => [r.id, r.names])
      : (await listDistricts(db, area.regionId)).map((d) => [d.id, d.names]),
  );
  return {
    level,
    names,
    timeZone: regions.find((r) => r.id === area.regionId)?.tz ?? 'Asia/Almaty',
    keyOf: (row) => (level === 'region' ? row.regionId : row.districtId),
  };
}
