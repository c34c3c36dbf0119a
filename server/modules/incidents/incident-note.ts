import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import { publishEvent } from '../../events/index.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { findIncidentInScope, noteIncident, type Operator } from './lifecycle.js';
import { appendTimeline } from './report-store.js';
import type { ReportDeps } from './reports.js';
import { sealNote } from './sealed-text.js';
import type { SystemNote } from './system-notes.js';

/**
 * An operator's internal note on an open incident's timeline, under its current status. Staff
 * only: the reporter's timeline never shows it. Refused (409) on an ended incident.
 */
export async function addInternalNote(deps: ReportDeps, operator: Operator, id: string, text: string): Promise<void> {
  const incident = await findIncidentInScope(deps.db, operator.jurisdiction, id);
  if (!incident) throw new AppError('incident.not_found');
  const at = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    await noteIncident(trx, { incidentId: id, at, internalNoteEnc: sealNote(deps.fieldCrypto, text.trim()) });
    await recordAudit(trx, {
      action: 'incident.note',
      outcome: 'success',
      actor: { kind: 'user', id: operator.userId },
      target: { type: 'incident', id },
      regionId: incident.regionId,
      ip: operator.ip,
      occurredAt: at,
    });
    await announceNoted(trx, incident);
  });
}

/**
 * What staff recorded on an incident (its circumstances, an investigation outcome), written down
 * in the same transaction: a system note on the staff timeline under the unchanged status (the
 * reporter's timeline shows no such step), the audit entry, and the event other consoles reload on.
 */
export async function noteStaffRecord(
  trx: Kysely<Tables>,
  record: {
    operator: Operator;
    incident: NotedIncident;
    at: Date;
    status: string;
    note: SystemNote;
    action: string;
    details: Record<string, unknown>;
  },
): Promise<void> {
  const { operator, incident, at } = record;
  await appendTimeline(trx, {
    incidentId: incident.id,
    regionId: incident.regionId,
    at,
    status: record.status,
    publicText: null,
    internalNoteEnc: null,
    systemNotes: [record.note],
  });
  await recordAudit(trx, {
    action: record.action,
    outcome: 'success',
    actor: { kind: 'user', id: operator.userId },
    target: { type: 'incident', id: incident.id },
    regionId: incident.regionId,
    ip: operator.ip,
    details: record.details,
    occurredAt: at,
  });
  await announceNoted(trx, incident);
}

type NotedIncident = { id: string; regionId: string; districtId: string | null; beatId: string | null };

/** Other consoles showing the incident reload it; what was written is never in the event. */
async function announceNoted(trx: Kysely<Tables>, incident: NotedIncident): Promise<void> {
  await publishEvent(trx, {
    type: 'incident.noted',
    regionId: incident.regionId,
    districtId: incident.districtId,
    beatId: incident.beatId,
    payload: { incidentId: incident.id },
  });
}
