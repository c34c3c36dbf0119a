import { publishEvent } from '../../events/index.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { appendTimeline } from './report-store.js';
import { findAlert, markAcknowledged, type AlertRow } from './sos-alert-store.js';
import type { SosDeps } from './sos-devices.js';
import type { SosAlertView } from './sos-schema.js';

type Operator = Extract<Actor, { kind: 'user' }>;

export function presentAlert(row: AlertRow): SosAlertView {
  return {
    incidentId: row.incident_id,
    alarmId: row.alarm_id,
    receivedAt: row.received_at.toISOString(),
    device: {
      id: row.device_id,
      name: row.device_name,
      location: JSON.parse(row.location_json) as SosAlertView['device']['location'],
      regionId: row.region_id,
      districtId: row.district_id,
      beatId: row.beat_id,
      battery: row.battery,
    },
    incidentStatus: row.incident_status,
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    acknowledgedBy: row.acknowledged_by_name,
  };
}

/**
 * An operator says "seen" to an SOS press in their jurisdiction. Only the first acknowledgement
 * counts; a second operator is told it was taken. The mark, a timeline note, the audit entry and
 * an event for the other consoles commit together.
 */
export async function acknowledgeAlert(deps: SosDeps, operator: Operator, incidentId: string, ip: string) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const row = await findAlert(trx, operator.jurisdiction, incidentId);
    if (!row) throw new AppError('sos.alert_not_found');
    const marked = await markAcknowledged(trx, {
      incidentId: row.incident_id,
      userId: operator.userId,
      username: operator.username,
      at: now,
    });
    if (!marked) throw new AppError('sos.alert_acknowledged');
    await appendTimeline(trx, {
      incidentId: row.incident_id,
      regionId: row.region_id,
      at: now,
      status: row.incident_status,
      publicText: null,
      internalNoteEnc: null,
      systemNotes: [{ kind: 'sos_acknowledged', operator: operator.username }],
    });
    await recordAudit(trx, {
      action: 'sos_alert.acknowledge',
      outcome: 'success',
      actor: { kind: 'user', id: operator.userId },
      target: { type: 'incident', id: row.incident_id },
      regionId: row.region_id,
      ip,
      details: { deviceId: row.device_id, alarmId: row.alarm_id },
      occurredAt: now,
    });
    await publishEvent(trx, {
      type: 'sos.alert_acknowledged',
      regionId: row.region_id,
      districtId: row.district_id,
      beatId: row.beat_id,
      payload: { incidentId: row.incident_id, deviceId: row.device_id, districtId: row.district_id },
    });
    const acknowledged = await findAlert(trx, operator.jurisdiction, incidentId);
    return presentAlert(acknowledged ?? row);
  });
}
