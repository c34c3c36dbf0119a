import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';

export interface OfficerName {
  id: string;
  displayName: string;
}

/**
 * Active officers whose own area — a region, district or beat, never the whole country — holds
 * the place: those who could answer for something there. Names only, for other modules' pickers.
 */
export async function officersCovering(
  db: Kysely<Tables>,
  place: { regionId: string; districtId: string; beatId: string },
): Promise<OfficerName[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('disabled', '=', false)
    .where(sql<boolean>`'officer' = any(roles)`)
    .where((eb) =>
      eb.or([
        eb.and([eb('jurisdiction_level', '=', 'region'), eb('region_id', '=', place.regionId)]),
        eb.and([eb('jurisdiction_level', '=', 'district'), eb('district_id', '=', place.districtId)]),
        eb.and([eb('jurisdiction_level', '=', 'beat'), eb('beat_id', '=', place.beatId)]),
      ]),
    )
    .orderBy('display_name')
    .orderBy('id')
    .limit(500)
    .execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}

/** Display names of the users given (ids that are not users are left out). */
export async function staffNames(db: Kysely<Tables>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
