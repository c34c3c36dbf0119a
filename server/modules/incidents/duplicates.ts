import { sql, type Kysely } from 'kysely';
import { categoryByCode } from '../../../common/categories.js';
import type { Jurisdiction } from '../../../common/roles.js';
import type { Tables } from '../../db/tables.js';
import { covers } from '../../http/actor.js';
import { publishEvent } from '../../events/index.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { advanceIncident, noteIncident, type LifecycleActor } from './lifecycle.js';
import type { IncidentRow } from './store.js';
import { reasonNotes } from './system-notes.js';

/** Reports of one event come from around one place within about an hour (callers, a button, a camera). */
export const DUPLICATE_RADIUS_METRES = 300;
export const DUPLICATE_WINDOW_MINUTES = 60;

const OPEN = ['new', 'triaged', 'dispatched', 'en_route', 'on_scene'] as const;
// Only reports nobody has acted on yet are merged away; a dispatched one keeps its own story.
const MERGEABLE = new Set(['new', 'triaged']);

/**
 * Could two categories describe one event? Within one group (two callers naming one fight
 * differently), or when either says only that something happened (an SOS button, a camera).
 */
export function compatibleCategories(a: string, b: string): boolean {
  const first = categoryByCode(a);
  const second = categoryByCode(b);
  if (!first || !second) return a === b;
  return first.group === second.group || first.group === 'emergency' || second.group === 'emergency';
}

export interface DuplicateCandidate {
  id: string;
  category: string;
  status: string;
  priority: number;
  source: string;
  occurredAt: string;
  distanceMetres: number;
  minutesApart: number;
}

export interface OpenIncidentNear {
  id: string;
  category: string;
  status: string;
  priority: number;
  source: string;
  occurred_at: Date;
  metres: number;
  district_id: string | null;
  beat_id: string | null;
}

/**
 * Open incidents of the region within the duplicate radius of a point and the duplicate window
 * of a time, nearest first (then nearest in time); callers apply compatibleCategories.
 */
export async function openIncidentsNear(
  db: Kysely<Tables>,
  near: { regionId: string; lon: number; lat: number; at: Date; excludeId?: string },
): Promise<OpenIncidentNear[]> {
  const window = `${DUPLICATE_WINDOW_MINUTES} minutes`;
  const point = sql`ST_SetSRID(ST_MakePoint(${near.lon}, ${near.lat}), 4326)`;
  // The bounding box in degrees uses the geometry index; the exact distance is then in metres.
  const { rows } = await sql<OpenIncidentNear>`
    select i.id, i.category, i.status, i.priority, i.source, i.occurred_at, i.district_id, i.beat_id,
           ST_Distance(i.location::geography, ${point}::geography) as metres
    from incidents i
    where i.region_id = ${near.regionId}
      and i.id <> ${near.excludeId ?? '00000000-0000-0000-0000-000000000000'}
      and i.status in (${sql.join([...OPEN])})
      and i.location && ST_Expand(${point}, 0.01)
      and ST_DWithin(i.location::geography, ${point}::geography, ${DUPLICATE_RADIUS_METRES})
      and i.occurred_at between ${near.at}::timestamptz - ${window}::interval and ${near.at}::timestamptz + ${window}::interval
    order by metres, abs(extract(epoch from i.occurred_at - ${near.at}::timestamptz))
    limit 20`.execute(db);
  return rows;
}

/** Open incidents inside the jurisdiction that may be the same event as `incident`, nearest first. */
export async function findDuplicates(
  db: Kysely<Tables>,
  incident: IncidentRow,
  jurisdiction: Jurisdiction,
): Promise<DuplicateCandidate[]> {
  if (!incident.location_json) return [];
  const [lon = NaN, lat = NaN] = (JSON.parse(incident.location_json) as { coordinates: number[] }).coordinates;
  const rows = await openIncidentsNear(db, {
    regionId: incident.region_id,
    lon,
    lat,
    at: incident.occurred_at,
    excludeId: incident.id,
  });
  return rows
    .filter((r) => compatibleCategories(r.category, incident.category))
    .filter((r) => covers(jurisdiction, { regionId: incident.region_id, districtId: r.district_id, beatId: r.beat_id }))
    .map((r) => ({
      id: r.id,
      category: r.category,
      status: r.status,
      priority: r.priority,
      source: r.source,
      occurredAt: r.occurred_at.toISOString(),
      distanceMetres: Math.round(r.metres),
      minutesApart: Math.round(Math.abs(r.occurred_at.getTime() - incident.occurred_at.getTime()) / 60_000),
    }));
}

export interface Merge {
  sourceId: string;
  targetId: string;
  /** Field-encrypted (`sealNote`). */
  reasonEnc: string;
  at: Date;
  actor: LifecycleActor;
  ip: string | null;
}

/**
 * The operator confirms that `source` reports the same event as `target`: the source ends as
 * `merged` pointing at the target (its reporter then follows the target's progress), the
 * target's timeline records it, and consoles hear `incident.merged`. Both rows are locked in id
 * order, so two operators merging a pair in opposite directions cannot deadlock or make a loop.
 */
export async function mergeIncidents(db: Kysely<Tables>, merge: Merge): Promise<void> {
  if (merge.sourceId === merge.targetId) throw new AppError('incident.merge_invalid');
  await db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('incidents')
      .select(['id', 'status', 'region_id', 'district_id', 'beat_id'])
      .where('id', 'in', [merge.sourceId, merge.targetId])
      .orderBy('id')
      .forUpdate()
      .execute();
    const source = rows.find((r) => r.id === merge.sourceId);
    const target = rows.find((r) => r.id === merge.targetId);
    if (!source || !target) throw new AppError('incident.not_found');
    if (!MERGEABLE.has(source.status) || !(OPEN as readonly string[]).includes(target.status)) {
      throw new AppError('incident.merge_invalid');
    }
    await trx.updateTable('incidents').set({ merged_into: target.id }).where('id', '=', source.id).execute();
    await advanceIncident(trx, {
      incidentId: source.id,
      to: 'merged',
      at: merge.at,
      actor: merge.actor,
      ip: merge.ip,
      reasonEnc: merge.reasonEnc,
      systemNotes: [{ kind: 'merged_into', incidentId: target.id }],
    });
    await noteIncident(trx, {
      incidentId: target.id,
      at: merge.at,
      systemNotes: [{ kind: 'merged_from', incidentId: source.id }, ...reasonNotes(merge.reasonEnc)],
    });
    await recordAudit(trx, {
      action: 'incident.merge',
      outcome: 'success',
      actor: merge.actor,
      target: { type: 'incident', id: source.id },
      regionId: source.region_id,
      ip: merge.ip,
      details: { into: target.id, reasonGiven: true },
      occurredAt: merge.at,
    });
    await publishEvent(trx, {
      type: 'incident.merged',
      regionId: target.region_id,
      districtId: target.district_id,
      beatId: target.beat_id,
      payload: { incidentId: source.id, into: target.id },
    });
  });
}
