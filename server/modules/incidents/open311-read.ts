import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import './tables.js';

/** An Open311-filed incident as a public GeoReport v2 read may see it: no reporter, no text, no exact point. */
export interface Open311Incident {
  id: string;
  status: string;
  reportedAt: Date;
  /** When its status last changed: its newest timeline entry. */
  updatedAt: Date;
  /** The H3 cell of its location (at geo's resolution); the true point is not read. */
  h3: string | null;
}

/**
 * The incidents of the given ids that came through Open311, newest first, optionally only those
 * in the given statuses. Incidents of other channels are never returned, so a public Open311
 * read cannot reach a web or Telegram report by guessing its id.
 */
export async function open311Incidents(
  db: Kysely<Tables>,
  ids: readonly string[],
  options: { statuses?: readonly string[]; limit: number },
): Promise<Open311Incident[]> {
  if (ids.length === 0) return [];
  let q = db
    .selectFrom('incidents as i')
    .select(['i.id', 'i.status', 'i.reported_at', 'i.h3'])
    .select(
      sql<Date>`coalesce((select max(t.at) from incident_timeline t where t.incident_id = i.id), i.reported_at)`.as('updated_at'),
    )
    .where(sql<boolean>`i.id = any(${ids}::uuid[])`)
    .where('i.source', '=', 'open311')
    .orderBy('i.reported_at', 'desc')
    .orderBy('i.id')
    .limit(options.limit);
  if (options.statuses) q = q.where('i.status', 'in', options.statuses);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    reportedAt: r.reported_at,
    updatedAt: new Date(r.updated_at),
    h3: r.h3,
  }));
}
