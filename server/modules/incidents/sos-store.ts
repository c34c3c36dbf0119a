import { sql, type Kysely } from 'kysely';
import type { Jurisdiction } from '../../../common/roles.js';
import type { Tables } from '../../db/tables.js';
import { jurisdictionFilter } from '../../http/actor.js';
import { newestFirstPage, olderThanCursor } from '../../http/paging.js';
import type { DeviceKind } from './sos-schema.js';
import './tables.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface NewDeviceRow {
  name: string;
  kind: DeviceKind;
  eventTypes: string[] | null;
  regionId: string;
  districtId: string;
  beatId: string;
  h3: string;
  lon: number;
  lat: number;
  secretEnc: string;
  apiKeyId: string;
  createdBy: string;
  createdAt: Date;
}

export async function insertDevice(trx: Kysely<Tables>, d: NewDeviceRow): Promise<string> {
  const row = await trx
    .insertInto('sos_devices')
    .values({
      name: d.name,
      kind: d.kind,
      event_types: d.eventTypes,
      region_id: d.regionId,
      district_id: d.districtId,
      beat_id: d.beatId,
      h3: d.h3,
      location: sql`ST_SetSRID(ST_MakePoint(${d.lon}, ${d.lat}), 4326)`,
      secret_enc: d.secretEnc,
      api_key_id: d.apiKeyId,
      created_by: d.createdBy,
      created_at: d.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// Never the secret: what an admin may see of a device.
function devices(db: Kysely<Tables>, jurisdiction: Jurisdiction) {
  const scope = jurisdictionFilter(jurisdiction);
  let q = db
    .selectFrom('sos_devices')
    .select(['id', 'name', 'kind', 'region_id', 'district_id', 'beat_id', 'h3', 'api_key_id', 'created_at'])
    .select(['last_heartbeat_at', 'battery', 'revoked_at', 'rotated_at', 'event_types'])
    .select(sql<string>`ST_AsGeoJSON(location)`.as('location_json'))
    // Silent while the alert for its current silence stands: checkSosDevices raised it, a sign of life ends it.
    .select(
      sql<boolean>`exists (
        select 1 from sos_device_alerts a
        where a.device_id = sos_devices.id and a.kind = 'silent'
          and a.silent_since = coalesce(sos_devices.last_heartbeat_at, sos_devices.created_at))`.as('is_silent'),
    );
  if (scope.regionId !== undefined) q = q.where('region_id', '=', scope.regionId);
  if (scope.districtId !== undefined) q = q.where('district_id', '=', scope.districtId);
  if (scope.beatId !== undefined) q = q.where('beat_id', '=', scope.beatId);
  return q;
}

export type DeviceRow = Awaited<ReturnType<ReturnType<typeof devices>['executeTakeFirstOrThrow']>>;

export async function findDevice(db: Kysely<Tables>, jurisdiction: Jurisdiction, id: string) {
  if (!UUID.test(id)) return undefined;
  return devices(db, jurisdiction).where('id', '=', id).executeTakeFirst();
}

/** Devices inside the jurisdiction, newest first; of one kind when asked. */
export async function listDevices(
  db: Kysely<Tables>,
  jurisdiction: Jurisdiction,
  page: { cursor?: string; limit: number; kind?: DeviceKind },
) {
  const older = olderThanCursor(page.cursor, 'created_at', 'id');
  let q = devices(db, jurisdiction)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1);
  if (older) q = q.where(older);
  if (page.kind) q = q.where('kind', '=', page.kind);
  return newestFirstPage(await q.execute(), page.limit, (row) => ({ at: row.created_at, id: row.id }));
}

/** The device a key belongs to, with its sealed secret: for verifying its requests only. */
export async function findDeviceByKey(db: Kysely<Tables>, apiKeyId: string) {
  return (
    db
      .selectFrom('sos_devices')
      .select(['id', 'name', 'kind', 'region_id', 'district_id', 'beat_id', 'h3', 'secret_enc', 'event_types'])
      .select(sql<number>`ST_X(location)`.as('lon'))
      .select(sql<number>`ST_Y(location)`.as('lat'))
      .where('api_key_id', '=', apiKeyId)
      // Its key is revoked with it; this keeps a revoked device out even if the key were not.
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
  );
}

/** Records a signature as used; false when it was used before (a replay). */
export async function claimSignature(
  trx: Kysely<Tables>,
  s: { deviceId: string; regionId: string; signature: string; signedAt: Date },
): Promise<boolean> {
  const row = await trx
    .insertInto('sos_signatures')
    .values({ device_id: s.deviceId, region_id: s.regionId, signature: s.signature.toLowerCase(), signed_at: s.signedAt })
    .onConflict((oc) => oc.columns(['device_id', 'signature']).doNothing())
    .returning('signature')
    .executeTakeFirst();
  return row !== undefined;
}

/** Signatures whose timestamps can no longer pass the freshness check need not be remembered. */
export async function pruneSignatures(db: Kysely<Tables>, before: Date): Promise<void> {
  await db.deleteFrom('sos_signatures').where('signed_at', '<', before).execute();
}

/**
 * Claims a device's alarm id for a new incident id; returns the incident of the first claim when
 * the device resends an alarm it already sent (a lost response), else null.
 */
export async function claimAlarm(
  trx: Kysely<Tables>,
  a: { deviceId: string; alarmId: string; regionId: string; incidentId: string; receivedAt: Date },
): Promise<string | null> {
  const claimed = await trx
    .insertInto('sos_alarms')
    .values({
      device_id: a.deviceId,
      alarm_id: a.alarmId,
      region_id: a.regionId,
      incident_id: a.incidentId,
      received_at: a.receivedAt,
    })
    .onConflict((oc) => oc.columns(['device_id', 'alarm_id']).doNothing())
    .returning('incident_id')
    .executeTakeFirst();
  if (claimed) return null;
  const first = await trx
    .selectFrom('sos_alarms')
    .select('incident_id')
    .where('device_id', '=', a.deviceId)
    .where('alarm_id', '=', a.alarmId)
    .executeTakeFirstOrThrow();
  return first.incident_id;
}

export async function incidentStatus(db: Kysely<Tables>, id: string): Promise<string> {
  const row = await db.selectFrom('incidents').select('status').where('id', '=', id).executeTakeFirstOrThrow();
  return row.status;
}

/** An incident a device raised (an SOS alarm, a camera event), at the device's place. */
export async function insertDeviceIncident(
  trx: Kysely<Tables>,
  i: {
    id: string;
    device: { region_id: string; district_id: string; beat_id: string; h3: string; lon: number; lat: number };
    category: 'emergency-sos' | 'camera-alert';
    source: 'sos' | 'camera';
    priority: number;
    /** The device's own words, field-encrypted like every description, for one rule. */
    descriptionEnc: string;
    occurredAt: Date;
    reportedAt: Date;
  },
): Promise<void> {
  const d = i.device;
  await trx
    .insertInto('incidents')
    .values({
      id: i.id,
      region_id: d.region_id,
      district_id: d.district_id,
      beat_id: d.beat_id,
      h3: d.h3,
      location: sql`ST_SetSRID(ST_MakePoint(${d.lon}, ${d.lat}), 4326)`,
      category: i.category,
      status: 'new',
      priority: i.priority,
      source: i.source,
      description_enc: i.descriptionEnc,
      occurred_at: i.occurredAt,
      reported_at: i.reportedAt,
    })
    .execute();
}

export async function recordHeartbeat(trx: Kysely<Tables>, deviceId: string, at: Date, battery: number | null): Promise<void> {
  await trx
    .updateTable('sos_devices')
    .set((eb) => ({ last_heartbeat_at: at, battery: battery ?? eb.ref('battery') }))
    .where('id', '=', deviceId)
    .execute();
}

/** Devices with no heartbeat for longer than the limit (a never-heard device counts from its registration). */
export async function findSilentDevices(db: Kysely<Tables>, now: Date, maxSilenceMinutes: number) {
  const limit = new Date(now.getTime() - maxSilenceMinutes * 60_000);
  return db
    .selectFrom('sos_devices')
    .select(['id', 'name', 'region_id', 'district_id', 'beat_id', 'last_heartbeat_at'])
    .select(sql<Date>`coalesce(last_heartbeat_at, created_at)`.as('silent_since'))
    .where(sql<boolean>`coalesce(last_heartbeat_at, created_at) < ${limit}`)
    .orderBy('id')
    .execute();
}

/** One alert per silence: false when this silence already has one. */
export async function insertSilenceAlert(
  trx: Kysely<Tables>,
  a: { deviceId: string; regionId: string; silentSince: Date; raisedAt: Date },
): Promise<boolean> {
  const row = await trx
    .insertInto('sos_device_alerts')
    .values({ device_id: a.deviceId, region_id: a.regionId, kind: 'silent', silent_since: a.silentSince, raised_at: a.raisedAt })
    .onConflict((oc) => oc.columns(['device_id', 'kind', 'silent_since']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
