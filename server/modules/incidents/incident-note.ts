import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import { publishEvent } from '../../events/index.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { findIncidentInScope, noteIncident, type Operator } from './lifecycle.js';
import type { ReportDeps } from './reports.js';
import { sealNote } from './sealed-text.js';

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

/** Other consoles showing the incident reload it; what was written is never in the event. */
export async function announceNoted(
  trx: Kysely<Tables>,
  incident: { id: string; regionId: string; districtId: string | null; beatId: string | null },
): Promise<void> {
  await publishEvent(trx, {
    type: 'incident.noted',
    regionId: incident.regionId,
    districtId: incident.districtId,
    beatId: incident.beatId,
    payload: { incidentId: incident.id },
  });
}
