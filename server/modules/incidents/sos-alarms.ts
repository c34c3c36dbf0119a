import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import { publishEvent } from '../../events/index.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { appendTimeline } from './report-store.js';
import type { SosDeps } from './sos-devices.js';
import type { AlarmReceipt, AlarmRequest, DeviceKind, HeartbeatRequest } from './sos-schema.js';
import { SOS_FRESHNESS_SECONDS, verifySosRequest, type SignedRequest } from './sos-signature.js';
import {
  claimAlarm,
  claimSignature,
  findDeviceByKey,
  findSilentDevices,
  incidentStatus,
  insertDeviceIncident,
  insertSilenceAlert,
  pruneSignatures,
  recordHeartbeat,
} from './sos-store.js';
import { triageReport } from './triage.js';
import { triageNote } from './system-notes.js';

export interface DeviceCaller {
  keyId: string;
  ip: string;
}

export type Device = NonNullable<Awaited<ReturnType<typeof findDeviceByKey>>>;

/**
 * Authenticates a device request beyond its key: the key must belong to a registered device (of
 * `kind`, when the request is one only that kind sends), the body must carry that device's fresh
 * signature, and the signature must be new. The signature is claimed in the caller's
 * transaction, so a refused request leaves it unspent.
 */
export async function verifiedDevice(
  deps: SosDeps,
  trx: Kysely<Tables>,
  caller: DeviceCaller,
  signed: SignedRequest,
  kind?: DeviceKind,
): Promise<Device> {
  const device = await findDeviceByKey(trx, caller.keyId);
  if (!device) throw new AppError('sos.device_unknown');
  const signedAt = verifySosRequest(deps.fieldCrypto.decrypt(device.secret_enc), signed, deps.clock());
  // After the signature, so only the device itself learns that it called the wrong route.
  if (kind && device.kind !== kind) throw new AppError('sos.device_wrong_kind', { kind: device.kind });
  const fresh = await claimSignature(trx, {
    deviceId: device.id,
    regionId: device.region_id,
    signature: signed.signature ?? '',
    signedAt,
  });
  if (!fresh) throw new AppError('sos.replay');
  return device;
}

/**
 * Turns a signed alarm into a P1 incident at the device's place: the incident, its timeline
 * entry, the audit entry and the outbox event commit together. A resent alarm (same alarmId)
 * answers the first incident and creates nothing.
 */
export async function receiveAlarm(
  deps: SosDeps,
  caller: DeviceCaller,
  signed: SignedRequest,
  input: AlarmRequest,
): Promise<AlarmReceipt & { replayed: boolean }> {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const device = await verifiedDevice(deps, trx, caller, signed, 'sos-button');
    const incidentId = crypto.randomUUID();
    const earlier = await claimAlarm(trx, {
      deviceId: device.id,
      alarmId: input.alarmId,
      regionId: device.region_id,
      incidentId,
      receivedAt: now,
    });
    if (earlier) return { incidentId: earlier, status: await incidentStatus(trx, earlier), replayed: true };
    const description = `SOS: ${device.name}`;
    const triage = triageReport({ category: 'emergency-sos', description, source: 'sos' });
    // A device's clock may lag; an alarm is never refused or dated in the future because of it.
    const pressed = input.pressedAt ? new Date(input.pressedAt) : now;
    const occurredAt = pressed.getTime() < now.getTime() ? pressed : now;
    await insertDeviceIncident(trx, {
      id: incidentId,
      device,
      category: 'emergency-sos',
      source: 'sos',
      priority: triage.priority,
      descriptionEnc: deps.fieldCrypto.encrypt(description),
      occurredAt,
      reportedAt: now,
    });
    await appendTimeline(trx, {
      incidentId,
      regionId: device.region_id,
      at: now,
      status: 'new',
      publicText: null,
      internalNoteEnc: null,
      systemNotes: [triageNote(triage), { kind: 'sos_alarm', deviceId: device.id, alarmId: input.alarmId }],
    });
    // An alarm is a sign of life too.
    await recordHeartbeat(trx, device.id, now, input.battery ?? null);
    await recordAudit(trx, {
      action: 'incident.sos_alarm',
      outcome: 'success',
      actor: { kind: 'apiKey', id: caller.keyId },
      target: { type: 'incident', id: incidentId },
      regionId: device.region_id,
      ip: caller.ip,
      details: { source: 'sos', deviceId: device.id, alarmId: input.alarmId, priority: triage.priority },
      occurredAt: now,
    });
    await publishEvent(trx, {
      type: 'incident.created',
      regionId: device.region_id,
      districtId: device.district_id,
      beatId: device.beat_id,
      payload: {
        incidentId,
        category: 'emergency-sos',
        priority: triage.priority,
        status: 'new',
        source: 'sos',
        districtId: device.district_id,
        deviceId: device.id,
      },
    });
    return { incidentId, status: 'new', replayed: false };
  });
}

/** A device's sign of life: its time and battery. Not audited: one a minute per device would drown the log. */
export async function receiveHeartbeat(deps: SosDeps, caller: DeviceCaller, signed: SignedRequest, input: HeartbeatRequest) {
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const device = await verifiedDevice(deps, trx, caller, signed);
    await recordHeartbeat(trx, device.id, now, input.battery ?? null);
  });
}

/**
 * Raises one maintenance alert for each device silent longer than the limit: an
 * `sos_device_alerts` row and a `sos.device_silent` event, once per silence (a heartbeat ends
 * it; the next silence gets its own alert). Also forgets signatures too old to be replayed.
 * Returns how many alerts were raised.
 */
export async function checkSosDevices(db: Kysely<Tables>, now: Date, maxSilenceMinutes: number): Promise<number> {
  await pruneSignatures(db, new Date(now.getTime() - 2 * SOS_FRESHNESS_SECONDS * 1000));
  let raised = 0;
  for (const device of await findSilentDevices(db, now, maxSilenceMinutes)) {
    const silentSince = new Date(device.silent_since);
    const isNew = await db.transaction().execute(async (trx) => {
      const inserted = await insertSilenceAlert(trx, {
        deviceId: device.id,
        regionId: device.region_id,
        silentSince,
        raisedAt: now,
      });
      if (!inserted) return false;
      await publishEvent(trx, {
        type: 'sos.device_silent',
        regionId: device.region_id,
        districtId: device.district_id,
        beatId: device.beat_id,
        payload: {
          deviceId: device.id,
          districtId: device.district_id,
          beatId: device.beat_id,
          silentSince: silentSince.toISOString(),
        },
      });
      return true;
    });
    if (isNew) raised += 1;
  }
  return raised;
}
