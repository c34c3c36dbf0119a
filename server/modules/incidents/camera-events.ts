import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import { publishEvent } from '../../events/index.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import type { CameraEventReceipt, CameraEventRequest } from './camera-schema.js';
import { claimCameraEvent } from './camera-store.js';
import { compatibleCategories, openIncidentsNear } from './duplicates.js';
import { noteIncident } from './lifecycle.js';
import { identifyMedia, mediaStore, storeMediaBuffer, type ReceivedMedia } from './media.js';
import { discardUnreferenced, insertMedia } from './media-store.js';
import { appendTimeline } from './report-store.js';
import { verifiedDevice, type DeviceCaller, type Device } from './sos-alarms.js';
import type { SosDeps } from './sos-devices.js';
import type { SignedRequest } from './sos-signature.js';
import { insertDeviceIncident, recordHeartbeat } from './sos-store.js';
import { triageReport, type Triage } from './triage.js';
import { triageNote, type SystemNote } from './system-notes.js';

export interface CameraDeps extends SosDeps {
  /** Root of the media store, where snapshots are kept beside citizens' photos. */
  mediaDir: string;
  /** Events less sure than this are recorded and make no incident (AMAN_CAMERA_MIN_CONFIDENCE). */
  cameraMinConfidence: number;
}

const SNAPSHOT_TYPES = new Set(['image/jpeg', 'image/png']);

/** The snapshot's bytes, refused unless their content is a JPEG or PNG image. */
async function checkedSnapshot(base64: string | undefined): Promise<Buffer | null> {
  if (base64 === undefined) return null;
  const bytes = Buffer.from(base64, 'base64');
  const identified = await identifyMedia(bytes);
  if (!identified || !SNAPSHOT_TYPES.has(identified.mediaType)) throw new AppError('camera.snapshot_invalid');
  return bytes;
}

/** Stores a snapshot; one that looks like an image but does not decode is refused like any non-image. */
async function keptSnapshot(mediaDir: string, bytes: Buffer): Promise<ReceivedMedia> {
  try {
    return await storeMediaBuffer(mediaDir, bytes);
  } catch (error) {
    if (error instanceof AppError && error.code === 'media.unsupported_type') throw new AppError('camera.snapshot_invalid');
    throw error;
  }
}

/** An event as received, before its device is verified. */
interface Seen {
  input: CameraEventRequest;
  triage: Triage;
  occurredAt: Date;
  now: Date;
  media: ReceivedMedia[];
  caller: DeviceCaller;
}

const percent = (confidence: number) => `${Math.round(confidence * 100)}%`;

function cameraNote(device: Device, { input, triage }: Seen): SystemNote {
  const { eventType, confidence, eventId } = input;
  return { kind: 'camera', camera: device.name, eventType, confidence, priority: triage.priority, eventId };
}

async function createIncident(
  deps: CameraDeps,
  trx: Kysely<Tables>,
  device: Device,
  seen: Seen,
  incidentId: string,
): Promise<void> {
  const { input, triage, now, media } = seen;
  await insertDeviceIncident(trx, {
    id: incidentId,
    device,
    category: 'camera-alert',
    source: 'camera',
    priority: triage.priority,
    descriptionEnc: deps.fieldCrypto.encrypt(`Camera ${device.name}: ${input.eventType} (${percent(input.confidence)})`),
    occurredAt: seen.occurredAt,
    reportedAt: now,
  });
  await insertMedia(trx, { id: incidentId, regionId: device.region_id }, media);
  await appendTimeline(trx, {
    incidentId,
    regionId: device.region_id,
    at: now,
    status: 'new',
    publicText: null,
    internalNoteEnc: null,
    systemNotes: [triageNote(triage), cameraNote(device, seen)],
  });
  await publishEvent(trx, {
    type: 'incident.created',
    regionId: device.region_id,
    districtId: device.district_id,
    beatId: device.beat_id,
    payload: {
      incidentId,
      category: 'camera-alert',
      priority: triage.priority,
      status: 'new',
      source: 'camera',
      districtId: device.district_id,
      deviceId: device.id,
      eventType: input.eventType,
      media: media.length,
    },
  });
}

/** A second sighting of an open incident: timestamped on it, its snapshot added, consoles told. */
async function attachToIncident(trx: Kysely<Tables>, device: Device, seen: Seen, incidentId: string): Promise<void> {
  const { input, triage, now, media } = seen;
  const incident = await noteIncident(trx, {
    incidentId,
    at: now,
    systemNotes: [cameraNote(device, seen)],
  });
  await insertMedia(trx, { id: incidentId, regionId: incident.regionId }, media);
  await publishEvent(trx, {
    type: 'incident.camera_event',
    regionId: incident.regionId,
    districtId: incident.districtId,
    beatId: incident.beatId,
    // The event's own priority, so a console can flag a weapon seen at a minor incident.
    payload: { incidentId, deviceId: device.id, eventType: input.eventType, priority: triage.priority, media: media.length },
  });
}

async function recordEvent(
  deps: CameraDeps,
  trx: Kysely<Tables>,
  seen: Seen,
  signed: SignedRequest,
): Promise<CameraEventReceipt & { replayed: boolean }> {
  const { input, now, caller } = seen;
  const device = await verifiedDevice(deps, trx, caller, signed, 'camera');
  // After the signature, like the kind: only the camera itself learns what it may report.
  if (device.event_types && !device.event_types.includes(input.eventType)) {
    throw new AppError('camera.event_type_not_registered', { eventType: input.eventType });
  }
  let incidentId: string | null = null;
  let outcome: CameraEventReceipt['outcome'] = 'below_threshold';
  if (input.confidence >= deps.cameraMinConfidence) {
    const near = await openIncidentsNear(trx, {
      regionId: device.region_id,
      lon: device.lon,
      lat: device.lat,
      at: seen.occurredAt,
    });
    const open = near.find((i) => compatibleCategories(i.category, 'camera-alert'));
    incidentId = open?.id ?? crypto.randomUUID();
    outcome = open ? 'attached' : 'created';
  }
  const earlier = await claimCameraEvent(trx, {
    deviceId: device.id,
    eventId: input.eventId,
    regionId: device.region_id,
    eventType: input.eventType,
    confidence: input.confidence,
    occurredAt: seen.occurredAt,
    receivedAt: now,
    snapshotSha256: seen.media[0]?.sha256 ?? null,
    incidentId,
    outcome,
  });
  if (earlier) return { eventId: input.eventId, ...earlier, replayed: true };
  if (incidentId && outcome === 'created') await createIncident(deps, trx, device, seen, incidentId);
  if (incidentId && outcome === 'attached') await attachToIncident(trx, device, seen, incidentId);
  // An event is a sign of life too.
  await recordHeartbeat(trx, device.id, now, null);
  if (incidentId) {
    await recordAudit(trx, {
      action: 'incident.camera_event',
      outcome: 'success',
      actor: { kind: 'apiKey', id: caller.keyId },
      target: { type: 'incident', id: incidentId },
      regionId: device.region_id,
      ip: caller.ip,
      details: {
        source: 'camera',
        deviceId: device.id,
        eventId: input.eventId,
        eventType: input.eventType,
        confidence: input.confidence,
        outcome,
        priority: seen.triage.priority,
        snapshot: seen.media[0]?.sha256 ?? null,
      },
      occurredAt: now,
    });
  }
  return { eventId: input.eventId, outcome, incidentId, replayed: false };
}

/**
 * A signed video-analytics event: recorded always; when the camera is sure enough, it joins an
 * open incident nearby (duplicate detection's radius, window and categories) or becomes a
 * `camera-alert` incident prioritised by what was seen. The event, the incident or the note on
 * it, the snapshot's row, the audit entry and the outbox event commit together. A resent
 * eventId answers its first outcome and creates nothing.
 */
export async function receiveCameraEvent(
  deps: CameraDeps,
  caller: DeviceCaller,
  signed: SignedRequest,
  input: CameraEventRequest,
): Promise<CameraEventReceipt & { replayed: boolean }> {
  const now = deps.clock();
  const snapshot = await checkedSnapshot(input.snapshot);
  // A camera's clock may lag; an event is never dated in the future because of it.
  const occurred = new Date(input.occurredAt);
  const occurredAt = occurred.getTime() < now.getTime() ? occurred : now;
  // Only what makes or joins an incident is kept: a frame of passers-by that led nowhere is not evidence.
  const keeps = snapshot !== null && input.confidence >= deps.cameraMinConfidence;
  // Written before the transaction, as a report's files are, so no database lock waits on the disk.
  const media = keeps ? [await keptSnapshot(deps.mediaDir, snapshot)] : [];
  // The camera's words alone: its name ("Kindergarten No. 5") must not read as a child involved.
  const triage = triageReport({
    category: 'camera-alert',
    description: input.eventType,
    source: 'camera',
    cameraEvent: input.eventType,
  });
  const seen: Seen = { input, triage, occurredAt, now, media, caller };
  try {
    const receipt = await deps.db.transaction().execute((trx) => recordEvent(deps, trx, seen, signed));
    // A resend carrying other bytes than the first must not leave them behind.
    if (receipt.replayed) await discardUnreferenced(deps.db, mediaStore(deps.mediaDir), media);
    return receipt;
  } catch (error) {
    await discardUnreferenced(deps.db, mediaStore(deps.mediaDir), media);
    throw error;
  }
}
