import { sql, type Kysely } from 'kysely';
import type { Jurisdiction } from '../../../common/roles.js';
import type { Tables } from '../../db/tables.js';
import { jurisdictionFilter } from '../../http/actor.js';
import { newestFirstPage, olderThanCursor } from '../../http/paging.js';
import './tables.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// An alarm sits where its button is: the device's place is its jurisdiction.
function alerts(db: Kysely<Tables>, jurisdiction: Jurisdiction) {
  const scope = jurisdictionFilter(jurisdiction);
  let q = db
    .selectFrom('sos_alarms as a')
    .innerJoin('sos_devices as d', 'd.id', 'a.device_id')
    .innerJoin('incidents as i', 'i.id', 'a.incident_id')
    .select(['a.incident_id', 'a.alarm_id', 'a.received_at', 'a.acknowledged_at', 'a.acknowledged_by_name'])
    .select(['d.id as device_id', 'd.name as device_name', 'd.region_id', 'd.district_id', 'd.beat_id', 'd.battery'])
    .select(['i.status as incident_status'])
    .select(sql<string>`ST_AsGeoJSON(d.location)`.as('location_json'));
  if (scope.regionId !== undefined) q = q.where('d.region_id', '=', scope.regionId);
  if (scope.districtId !== undefined) q = q.where('d.district_id', '=', scope.districtId);
  if (scope.beatId !== undefined) q = q.where('d.beat_id', '=', scope.beatId);
  return q;
}

export type AlertRow = Awaited<ReturnType<ReturnType<typeof alerts>['executeTakeFirstOrThrow']>>;

/** SOS presses inside the jurisdiction, newest first; only those nobody has acknowledged when `open`. */
export async function listAlerts(
  db: Kysely<Tables>,
  jurisdiction: Jurisdiction,
  page: { cursor?: string; limit: number; state: 'open' | 'all' },
) {
  const older = olderThanCursor(page.cursor, 'a.received_at', 'a.incident_id');
  let q = alerts(db, jurisdiction)
    .orderBy('a.received_at', 'desc')
    .orderBy('a.incident_id', 'desc')
    .limit(page.limit + 1);
  if (older) q = q.where(older);
  if (page.state === 'open') q = q.where('a.acknowledged_at', 'is', null);
  return newestFirstPage(await q.execute(), page.limit, (row) => ({ at: row.received_at, id: row.incident_id }));
}

export async function findAlert(db: Kysely<Tables>, jurisdiction: Jurisdiction, incidentId: string) {
  if (!UUID.test(incidentId)) return undefined;
  return alerts(db, jurisdiction).where('a.incident_id', '=', incidentId).executeTakeFirst();
}

/** Marks an alarm acknowledged; false when someone already had (the first acknowledgement stands). */
export async function markAcknowledged(
  trx: Kysely<Tables>,
  a: { incidentId: string; userId: string; username: string; at: Date },
): Promise<boolean> {
  const row = await trx
    .updateTable('sos_alarms')
    .set({ acknowledged_at: a.at, acknowledged_by: a.userId, acknowledged_by_name: a.username })
    .where('incident_id', '=', a.incidentId)
    .where('acknowledged_at', 'is', null)
    .returning('incident_id')
    .executeTakeFirst();
  return row !== undefined;
}
