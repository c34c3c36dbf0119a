import { sql, type Expression, type SqlBool } from 'kysely';
import type { Jurisdiction } from '../../../common/roles.js';
import { jurisdictionFilter, type Actor } from '../../http/actor.js';

export type Staff = Extract<Actor, { kind: 'user' }>;

/** Who is acting, and from where, for the audit log. */
export interface Caller {
  user: Staff;
  ip: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in paths are free text until checked: a malformed one is simply not found. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * The condition that keeps rows of `table` (which carries region_id, district_id and beat_id)
 * inside the jurisdiction; true for the whole country.
 */
export function inJurisdiction(jurisdiction: Jurisdiction, table: string): Expression<SqlBool> {
  const scope = jurisdictionFilter(jurisdiction);
  const parts = [
    scope.regionId !== undefined && sql`${sql.ref(`${table}.region_id`)} = ${scope.regionId}`,
    scope.districtId !== undefined && sql`${sql.ref(`${table}.district_id`)} = ${scope.districtId}`,
    scope.beatId !== undefined && sql`${sql.ref(`${table}.beat_id`)} = ${scope.beatId}`,
  ].filter((part) => part !== false);
  return parts.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}
