import { sql, type Kysely } from 'kysely';
import type { Jurisdiction } from '../../../common/roles.js';
import type { Tables } from '../../db/tables.js';
import { jurisdictionFilter } from '../../http/actor.js';
import { newestFirstPage, olderThanCursor } from '../../http/paging.js';

const columns = [
  'id',
  'region_id',
  'district_id',
  'beat_id',
  'h3',
  'category',
  'status',
  'priority',
  'source',
  'occurred_at',
  'reported_at',
] as const;

function scoped(db: Kysely<Tables>, jurisdiction: Jurisdiction) {
  const scope = jurisdictionFilter(jurisdiction);
  let q = db
    .selectFrom('incidents')
    .select(columns)
    .select(sql<string | null>`ST_AsGeoJSON(location)`.as('location_json'));
  if (scope.regionId !== undefined) q = q.where('region_id', '=', scope.regionId);
  if (scope.districtId !== undefined) q = q.where('district_id', '=', scope.districtId);
  if (scope.beatId !== undefined) q = q.where('beat_id', '=', scope.beatId);
  return q;
}

export type IncidentRow = Awaited<ReturnType<ReturnType<typeof scoped>['executeTakeFirstOrThrow']>>;

/** Incidents inside the jurisdiction, newest first. */
export async function listIncidents(
  db: Kysely<Tables>,
  jurisdiction: Jurisdiction,
  page: { cursor?: string; limit: number; category?: string },
) {
  const older = olderThanCursor(page.cursor, 'occurred_at', 'id');
  let q = scoped(db, jurisdiction)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1);
  if (page.category) q = q.where('category', '=', page.category);
  if (older) q = q.where(older);
  return newestFirstPage(await q.execute(), page.limit, (row) => ({ at: row.occurred_at, id: row.id }));
}

/** One incident, or undefined when it does not exist or lies outside the jurisdiction. */
export async function findIncident(db: Kysely<Tables>, jurisdiction: Jurisdiction, id: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  return scoped(db, jurisdiction).where('id', '=', id).executeTakeFirst();
}
