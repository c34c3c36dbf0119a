import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import type { CameraEventOutcome, CameraEventType } from './camera-schema.js';
import './camera-tables.js';

export interface CameraEventClaim {
  deviceId: string;
  eventId: string;
  regionId: string;
  eventType: CameraEventType;
  confidence: number;
  occurredAt: Date;
  receivedAt: Date;
  snapshotSha256: string | null;
  incidentId: string | null;
  outcome: CameraEventOutcome;
}

/**
 * Records a camera's event with its outcome; returns the first outcome instead when the camera
 * already sent this eventId (a lost answer), else null. A twin sent at the same moment waits on
 * the key and then reads the first one's outcome.
 */
export async function claimCameraEvent(
  trx: Kysely<Tables>,
  e: CameraEventClaim,
): Promise<{ outcome: CameraEventOutcome; incidentId: string | null } | null> {
  const claimed = await trx
    .insertInto('camera_events')
    .values({
      device_id: e.deviceId,
      event_id: e.eventId,
      region_id: e.regionId,
      event_type: e.eventType,
      confidence: e.confidence,
      occurred_at: e.occurredAt,
      received_at: e.receivedAt,
      snapshot_sha256: e.snapshotSha256,
      incident_id: e.incidentId,
      outcome: e.outcome,
    })
    .onConflict((oc) => oc.columns(['device_id', 'event_id']).doNothing())
    .returning('event_id')
    .executeTakeFirst();
  if (claimed) return null;
  const first = await trx
    .selectFrom('camera_events')
    .select(['outcome', 'incident_id'])
    .where('device_id', '=', e.deviceId)
    .where('event_id', '=', e.eventId)
    .executeTakeFirstOrThrow();
  return { outcome: first.outcome, incidentId: first.incident_id };
}
