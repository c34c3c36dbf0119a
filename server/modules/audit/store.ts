import type { Kysely } from 'kysely';
import type { Jurisdiction } from '../../../common/roles.js';
import type { Tables } from '../../db/tables.js';
import { decodeCursor, encodeCursor } from '../../http/paging.js';

export interface AuditQuery {
  actorId?: string;
  targetType?: string;
  targetId?: string;
  cursor?: string;
  limit: number;
  jurisdiction: Jurisdiction;
  regionId: string | null;
}

/** Sealed entries, newest first. Below country level only entries of the caller's region show. */
export async function listAuditEntries(db: Kysely<Tables>, query: AuditQuery) {
  const after = decodeCursor(query.cursor);
  let q = db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(query.limit + 1);
  if (query.jurisdiction.level !== 'country') q = q.where('region_id', '=', query.regionId ?? '');
  if (query.actorId) q = q.where('actor_id', '=', query.actorId);
  if (query.targetType) q = q.where('target_type', '=', query.targetType);
  if (query.targetId) q = q.where('target_id', '=', query.targetId);
  if (after) q = q.where('seq', '<', Number(after[0]));
  const rows = await q.execute();
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      seq: r.seq,
      occurredAt: r.occurred_at.toISOString(),
      actorKind: r.actor_kind,
      actorId: r.actor_id,
      action: r.action,
      outcome: r.outcome,
      targetType: r.target_type,
      targetId: r.target_id,
      regionId: r.region_id,
      ip: r.ip,
      details: r.details,
    })),
    nextCursor: rows.length > query.limit ? encodeCursor([page[page.length - 1]?.seq]) : null,
  };
}
