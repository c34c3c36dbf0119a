import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import { covers, type Actor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { resolvePoint } from '../geo/index.js';
import { moveApiKey, revokeApiKey } from '../identity/index.js';
import { markDeviceRevoked, replaceDeviceSecret, updateDeviceRow, type DeviceChanges } from './sos-admin-store.js';
import { checkEventTypes, presentDevice, type SosDeps } from './sos-devices.js';
import type { DeviceView, RotatedSecret, UpdateDeviceRequest } from './sos-schema.js';
import { newDeviceSecret } from './sos-signature.js';
import { findDevice, type DeviceRow } from './sos-store.js';

type Admin = Extract<Actor, { kind: 'user' }>;

/**
 * Runs one change to a device inside the admin's jurisdiction: a device outside it is not found,
 * a revoked one cannot change any more. The change and its audit entry commit together.
 */
async function changeDevice(
  deps: SosDeps,
  admin: Admin,
  id: string,
  change: (trx: Kysely<Tables>, row: DeviceRow, now: Date) => Promise<void>,
): Promise<DeviceView> {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const row = await findDevice(trx, admin.jurisdiction, id);
    if (!row) throw new AppError('sos.device_not_found');
    if (row.revoked_at) throw new AppError('sos.device_revoked');
    await change(trx, row, now);
    const changed = await findDevice(trx, admin.jurisdiction, id);
    // A move outside the admin's jurisdiction was refused before this; the row is still theirs.
    if (!changed) throw new AppError('sos.device_not_found');
    return presentDevice(changed);
  });
}

function audit(trx: Kysely<Tables>, admin: Admin, row: DeviceRow, action: string, ip: string, now: Date, details = {}) {
  return recordAudit(trx, {
    action,
    outcome: 'success',
    actor: { kind: 'user', id: admin.userId },
    target: { type: 'sos_device', id: row.id },
    regionId: row.region_id,
    ip,
    details: { name: row.name, kind: row.kind, ...details },
    occurredAt: now,
  });
}

/** Takes a device out of service for good: its key is revoked, so its alarms and events are refused. */
export function revokeDevice(deps: SosDeps, admin: Admin, id: string, ip: string): Promise<DeviceView> {
  return changeDevice(deps, admin, id, async (trx, row, now) => {
    await markDeviceRevoked(trx, row.id, admin.userId, now);
    await revokeApiKey(trx, admin.userId, row.api_key_id, now);
    await audit(trx, admin, row, 'sos_device.revoke', ip, now);
  });
}

/**
 * Gives a device a new signing secret, shown in this answer only. The old one stops working at
 * once: a request signed with it fails the signature check.
 */
export async function rotateDeviceSecret(deps: SosDeps, admin: Admin, id: string, ip: string): Promise<RotatedSecret> {
  const secret = newDeviceSecret();
  const device = await changeDevice(deps, admin, id, async (trx, row, now) => {
    await replaceDeviceSecret(trx, row.id, deps.fieldCrypto.encrypt(secret), now);
    await audit(trx, admin, row, 'sos_device.rotate', ip, now);
  });
  return { device, secret };
}

/** Renames or moves a device, or changes what a camera reports; a move must stay inside the admin's jurisdiction. */
export function updateDevice(
  deps: SosDeps,
  admin: Admin,
  id: string,
  input: UpdateDeviceRequest,
  ip: string,
): Promise<DeviceView> {
  return changeDevice(deps, admin, id, async (trx, row, now) => {
    checkEventTypes(row.kind, input.eventTypes);
    const changes: DeviceChanges = { name: input.name, eventTypes: input.eventTypes };
    if (input.location) {
      const [lon = NaN, lat = NaN] = input.location.coordinates;
      const place = await resolvePoint(trx, { lon, lat });
      if (!place) throw new AppError('geo.outside_kazakhstan');
      if (!covers(admin.jurisdiction, place)) throw new AppError('jurisdiction.outside');
      changes.place = { ...place, lon, lat };
      const { regionId, districtId, beatId } = place;
      await moveApiKey(trx, row.api_key_id, { level: 'beat', regionId, districtId, beatId });
    }
    await updateDeviceRow(trx, row.id, changes, now);
    await audit(trx, admin, row, 'sos_device.update', ip, now, {
      changed: Object.keys(input),
      ...(changes.place ? { from: row.beat_id, to: changes.place.beatId } : {}),
    });
  });
}
