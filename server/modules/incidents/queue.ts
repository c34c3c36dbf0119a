import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Jurisdiction } from '../../../common/roles.js';
import type { Tables } from '../../db/tables.js';
import { jurisdictionFilter } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../http/paging.js';

/** What still waits for someone: an incident leaves the queue when it is resolved or ended. */
export const QUEUE_STATUSES = ['new', 'triaged', 'dispatched', 'en_route', 'on_scene'] as const;

// The demo's past records (and any import of history) are not calls anyone is waiting on.
const NOT_LIVE_SOURCES = ['historical'];

function afterCursor(cursor: string | undefined): ReturnType<typeof sql<SqlBool>> | null {
  const after = decodeCursor(cursor);
  if (!after) return null;
  const [priority, at, id] = after;
  const time = new Date(String(at));
  if (typeof priority !== 'number' || Number.isNaN(time.getTime()) || typeof id !== 'string') {
    throw new AppError('request.invalid', { detail: 'cursor' });
  }
  return sql<SqlBool>`(priority, reported_at, id) > (${priority}, ${time}::timestamptz, ${id}::uuid)`;
}

/**
 * The operator's live queue: open incidents of the jurisdiction, most urgent first, then the
 * longest waiting. Keyset-paged on (priority, reported_at, id), the order it is read in.
 */
export async function listQueue(db: Kysely<Tables>, jurisdiction: Jurisdiction, page: { cursor?: string; limit: number }) {
  const scope = jurisdictionFilter(jurisdiction);
  let q = db
    .selectFrom('incidents')
    .select([
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
    ])
    .select(sql<string | null>`ST_AsGeoJSON(location)`.as('location_json'))
    .where('status', 'in', QUEUE_STATUSES)
    .where('source', 'not in', NOT_LIVE_SOURCES)
    .orderBy('priority')
    .orderBy('reported_at')
    .orderBy('id')
    .limit(page.limit + 1);
  if (scope.regionId !== undefined) q = q.where('region_id', '=', scope.regionId);
  if (scope.districtId !== undefined) q = q.where('district_id', '=', scope.districtId);
  if (scope.beatId !== undefined) q = q.where('beat_id', '=', scope.beatId);
  const after = afterCursor(page.cursor);
  if (after) q = q.where(after);
  const rows = await q.execute();
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > page.limit && last ? encodeCursor([last.priority, last.reported_at.toISOString(), last.id]) : null;
  return { items, nextCursor };
}
