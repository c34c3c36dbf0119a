import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import { covers, type Actor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import type { FieldCrypto } from '../../secrets/field-crypto.js';
import { recordAudit } from '../audit/index.js';
import { resolvePoint } from '../geo/index.js';
import { createApiKey } from '../identity/index.js';
import type { DeviceKind, DeviceView, RegisterDeviceRequest } from './sos-schema.js';
import { newDeviceSecret } from './sos-signature.js';
import { findDevice, insertDevice, type DeviceRow } from './sos-store.js';

export interface SosDeps {
  db: Kysely<Tables>;
  fieldCrypto: FieldCrypto;
  clock: () => Date;
}

type Admin = Extract<Actor, { kind: 'user' }>;

export function presentDevice(row: DeviceRow): DeviceView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    location: JSON.parse(row.location_json) as DeviceView['location'],
    regionId: row.region_id,
    districtId: row.district_id,
    beatId: row.beat_id,
    h3: row.h3,
    apiKeyId: row.api_key_id,
    createdAt: row.created_at.toISOString(),
    lastHeartbeatAt: row.last_heartbeat_at?.toISOString() ?? null,
    battery: row.battery,
    status: row.revoked_at ? 'revoked' : row.is_silent ? 'silent' : 'active',
    revokedAt: row.revoked_at?.toISOString() ?? null,
    rotatedAt: row.rotated_at?.toISOString() ?? null,
    eventTypes: (row.event_types as DeviceView['eventTypes']) ?? null,
  };
}

/** Event types belong to cameras: a button sends alarms only. */
export function checkEventTypes(kind: DeviceKind, eventTypes: readonly string[] | undefined): void {
  if (eventTypes !== undefined && kind !== 'camera') {
    throw new AppError('request.invalid', { detail: 'eventTypes are for cameras only' });
  }
}

const KEY_LABEL = { 'sos-button': 'SOS', camera: 'Camera' } as const;

/**
 * Registers an SOS button or a camera at a fixed place inside the admin's jurisdiction. Its key,
 * its row and the audit entry commit together; the key and the secret are in this answer and
 * never again.
 */
export async function registerDevice(deps: SosDeps, admin: Admin, input: RegisterDeviceRequest, ip: string) {
  const kind = input.kind ?? 'sos-button';
  checkEventTypes(kind, input.eventTypes);
  const [lon = NaN, lat = NaN] = input.location.coordinates;
  const place = await resolvePoint(deps.db, { lon, lat });
  if (!place) throw new AppError('geo.outside_kazakhstan');
  if (!covers(admin.jurisdiction, place)) throw new AppError('jurisdiction.outside');
  const secret = newDeviceSecret();
  const now = deps.clock();
  const id = await deps.db.transaction().execute(async (trx) => {
    const key = await createApiKey(trx, {
      kind: 'device',
      name: `${KEY_LABEL[kind]}: ${input.name}`,
      jurisdiction: { level: 'beat', regionId: place.regionId, districtId: place.districtId, beatId: place.beatId },
      createdBy: admin.userId,
    });
    const deviceId = await insertDevice(trx, {
      ...place,
      name: input.name,
      kind,
      eventTypes: input.eventTypes ?? null,
      lon,
      lat,
      secretEnc: deps.fieldCrypto.encrypt(secret),
      apiKeyId: key.id,
      createdBy: admin.userId,
      createdAt: now,
    });
    await recordAudit(trx, {
      action: 'sos_device.register',
      outcome: 'success',
      actor: { kind: 'user', id: admin.userId },
      target: { type: 'sos_device', id: deviceId },
      regionId: place.regionId,
      ip,
      details: { name: input.name, kind, apiKeyId: key.id, eventTypes: input.eventTypes ?? null },
      occurredAt: now,
    });
    return { deviceId, key: key.key };
  });
  const row = await findDevice(deps.db, admin.jurisdiction, id.deviceId);
  if (!row) throw new AppError('sos.device_not_found');
  return { device: presentDevice(row), apiKey: id.key, secret };
}
