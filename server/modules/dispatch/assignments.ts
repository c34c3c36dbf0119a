import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import { publishEvent } from '../../events/index.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import {
  advanceIncident,
  findIncidentInScope,
  followIncident,
  noteIncident,
  reasonNotes,
  sealNote,
  type IncidentInScope,
  type LifecycleActor,
  type MovedIncident,
  type StoredSystemNote,
} from '../incidents/index.js';
import { presentAssignment } from './present.js';
import type { AssignmentStatus, AssignmentView, UnitStatus } from './schema.js';
import { asActor, recordUnitStatus, unitFor, type DispatchDeps, type Staff } from './service.js';
import * as store from './store.js';

async function incidentFor(deps: DispatchDeps, staff: Staff, id: string): Promise<IncidentInScope> {
  const incident = await findIncidentInScope(deps.db, staff.jurisdiction, id);
  if (!incident) throw new AppError('incident.not_found');
  return incident;
}

type Step = {
  assignment: { id: string; unitId: string; incidentId: string; regionId: string };
  status: AssignmentStatus;
  at: Date;
  actor: LifecycleActor;
  ip?: string | null;
  /** Why an assignment ended before its unit finished, as a code: `recalled`, `incident cancelled` … */
  endReason?: string;
};

/** The audit entry and `incident.assignment_updated` of one step of an assignment. */
async function recordStep(trx: Kysely<Tables>, step: Step, incident: MovedIncident): Promise<void> {
  await recordAudit(trx, {
    action: `assignment.${step.status}`,
    outcome: 'success',
    actor: step.actor,
    target: { type: 'incident', id: step.assignment.incidentId },
    regionId: step.assignment.regionId,
    ip: step.ip ?? null,
    details: {
      assignmentId: step.assignment.id,
      unitId: step.assignment.unitId,
      ...(step.endReason ? { endReason: step.endReason } : {}),
    },
    occurredAt: step.at,
  });
  await publishEvent(trx, {
    type: 'incident.assignment_updated',
    regionId: incident.regionId,
    districtId: incident.districtId,
    beatId: incident.beatId,
    payload: {
      assignmentId: step.assignment.id,
      incidentId: step.assignment.incidentId,
      unitId: step.assignment.unitId,
      status: step.status,
    },
  });
}

async function moveUnit(
  trx: Kysely<Tables>,
  unitId: string,
  to: UnitStatus,
  step: Pick<Step, 'at' | 'actor' | 'ip'> & { incidentId: string },
): Promise<void> {
  const unit = await trx
    .selectFrom('units')
    .select(['region_id', 'district_id'])
    .where('id', '=', unitId)
    .executeTakeFirstOrThrow();
  const from = await store.setUnitStatus(trx, unitId, to, step.at);
  if (from === undefined) return;
  await recordUnitStatus(trx, {
    unit: { id: unitId, regionId: unit.region_id, districtId: unit.district_id },
    from,
    to,
    at: step.at,
    actor: step.actor.kind === 'user' ? { kind: 'user', id: step.actor.id } : { kind: 'system', id: null },
    ip: step.ip,
    incidentId: step.incidentId,
  });
}

/**
 * Sends a unit to an incident. The unit must be available; the partial unique index on active
 * assignments decides between two operators sending one unit to two incidents at once, and the
 * loser hears dispatch.unit_busy (409). The incident becomes dispatched (a second unit only
 * timestamps its timeline), the unit dispatched, and `incident.assigned` is published.
 */
export async function assignUnit(deps: DispatchDeps, staff: Staff, incidentId: string, unitId: string): Promise<AssignmentView> {
  const incident = await incidentFor(deps, staff, incidentId);
  const unit = await unitFor(deps, staff, unitId, ['operator', 'supervisor']);
  if (unit.assignment_id) throw new AppError('dispatch.unit_busy', { assignmentId: unit.assignment_id });
  if (unit.status !== 'available' || unit.emergency_at) throw new AppError('dispatch.unit_unavailable', { status: unit.status });
  const at = deps.clock();
  const actor = asActor(staff);
  const id = await deps.db
    .transaction()
    .execute(async (trx) => {
      const assignmentId = await store.insertAssignment(trx, {
        unitId,
        incidentId,
        regionId: incident.regionId,
        assignedBy: staff.userId,
        at,
      });
      const from = await store.setUnitStatus(trx, unitId, 'dispatched', at, ['available']);
      if (from === undefined) throw new AppError('dispatch.unit_unavailable');
      const moved = await followIncident(trx, {
        incidentId,
        to: 'dispatched',
        at,
        actor,
        ip: staff.ip,
        systemNotes: [{ kind: 'unit', callSign: unit.call_sign, step: 'assigned' }],
      });
      await recordUnitStatus(trx, {
        unit: { id: unitId, regionId: unit.region_id, districtId: unit.district_id },
        from,
        to: 'dispatched',
        at,
        actor,
        ip: staff.ip,
        incidentId,
      });
      await recordAudit(trx, {
        action: 'incident.assign',
        outcome: 'success',
        actor,
        target: { type: 'incident', id: incidentId },
        regionId: incident.regionId,
        ip: staff.ip,
        details: { assignmentId, unitId },
        occurredAt: at,
      });
      await publishEvent(trx, {
        type: 'incident.assigned',
        regionId: moved.regionId,
        districtId: moved.districtId,
        beatId: moved.beatId,
        payload: { incidentId, unitId, assignmentId, priority: incident.priority },
      });
      return assignmentId;
    })
    .catch((error: unknown) => {
      throw store.constraintError(error) ?? error;
    });
  return presentAssignment(await store.findAssignment(deps.db, id));
}

/** The assignment of an incident whose unit the officer belongs to; 404 outside it, 403 for another unit's. */
async function ownAssignment(deps: DispatchDeps, staff: Staff, incidentId: string, assignmentId: string) {
  const found = await store.findAssignmentOfIncident(deps.db, incidentId, assignmentId);
  if (!found) throw new AppError('dispatch.assignment_not_found');
  await unitFor(deps, staff, found.unit_id, []).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'dispatch.unit_not_found')
      throw new AppError('dispatch.assignment_not_found');
    throw error;
  });
  return found;
}

const STEPS = {
  accepted: { from: ['assigned'], unit: 'en_route', incident: 'en_route' },
  on_scene: { from: ['accepted'], unit: 'on_scene', incident: 'on_scene' },
  resolved: { from: ['accepted', 'on_scene'], unit: 'available', incident: 'resolved' },
} as const satisfies Record<string, { from: readonly AssignmentStatus[]; unit: UnitStatus; incident: string }>;

/**
 * The officer's steps: accept (unit en route), on scene, resolved (the assignment ends and the
 * unit is available again). The incident follows the furthest unit, and is resolved when its
 * last active assignment is.
 */
export async function advanceAssignment(
  deps: DispatchDeps,
  staff: Staff,
  incidentId: string,
  assignmentId: string,
  status: keyof typeof STEPS,
  note?: string,
): Promise<AssignmentView> {
  const found = await ownAssignment(deps, staff, incidentId, assignmentId);
  const rule = STEPS[status];
  const at = deps.clock();
  const actor = asActor(staff);
  await deps.db.transaction().execute(async (trx) => {
    const row = await store.lockAssignment(trx, incidentId, assignmentId);
    if (!row || !(rule.from as readonly string[]).includes(row.status)) {
      throw new AppError('dispatch.assignment_state', { status: row?.status ?? found.status, to: status });
    }
    await store.updateAssignment(trx, row.id, { status, at });
    await moveUnit(trx, row.unit_id, rule.unit, { at, actor, ip: staff.ip, incidentId });
    const others = status === 'resolved' ? await store.activeAssignmentsOfIncident(trx, incidentId) : [];
    const callSign = await store.callSignOf(trx, row.unit_id);
    const said = {
      internalNoteEnc: sealNote(deps.fieldCrypto, note),
      systemNotes: [{ kind: 'unit', callSign, step: status } as const],
    };
    // Another unit still at work keeps the incident open: the step is only timestamped.
    const moved =
      others.length > 0
        ? await noteIncident(trx, { incidentId, at, ...said })
        : await followIncident(trx, { incidentId, to: rule.incident, at, actor, ip: staff.ip, ...said });
    const step = {
      assignment: { id: row.id, unitId: row.unit_id, incidentId, regionId: row.region_id },
      status,
      at,
      actor,
      ip: staff.ip,
    };
    await recordStep(trx, step, moved);
  });
  return presentAssignment(await store.findAssignment(deps.db, assignmentId));
}

/**
 * Ends an active assignment without its unit finishing. A recalled unit's incident, left without
 * units, goes back to triaged for another dispatch; an incident that is itself ending
 * (`endingIncident`) is left to the change that ends it.
 */
async function endAssignment(
  trx: Kysely<Tables>,
  row: store.AssignmentRow,
  step: {
    at: Date;
    actor: LifecycleActor;
    ip?: string | null;
    endReason: string;
    /** The operator's words, field-encrypted: on the incident's timeline only. */
    reasonEnc?: string | null;
    endingIncident: MovedIncident | null;
  },
): Promise<void> {
  await store.updateAssignment(trx, row.id, { status: 'cancelled', at: step.at, endReason: step.endReason });
  await moveUnit(trx, row.unit_id, 'available', { ...step, incidentId: row.incident_id });
  let place = step.endingIncident;
  if (!place) {
    const callSign = await store.callSignOf(trx, row.unit_id);
    const systemNotes: StoredSystemNote[] = [{ kind: 'unit', callSign, step: 'recalled' }, ...reasonNotes(step.reasonEnc)];
    const left = await store.activeAssignmentsOfIncident(trx, row.incident_id);
    const move = { incidentId: row.incident_id, at: step.at, actor: step.actor, ip: step.ip, systemNotes };
    place =
      left.length === 0
        ? await advanceIncident(trx, { ...move, to: 'triaged' }).catch((error: unknown) => {
            if (error instanceof AppError && error.code === 'incident.invalid_transition') return noteIncident(trx, move);
            throw error;
          })
        : await noteIncident(trx, move);
  }
  const assignment = { id: row.id, unitId: row.unit_id, incidentId: row.incident_id, regionId: row.region_id };
  await recordStep(trx, { assignment, status: 'cancelled', ...step }, place);
}

/** The operator recalls a unit from an incident (another call is more urgent, or it was sent by mistake). */
export async function cancelAssignment(
  deps: DispatchDeps,
  staff: Staff,
  incidentId: string,
  assignmentId: string,
  reason: string,
): Promise<AssignmentView> {
  await incidentFor(deps, staff, incidentId);
  const at = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const row = await store.lockAssignment(trx, incidentId, assignmentId);
    if (!row) throw new AppError('dispatch.assignment_not_found');
    if (row.ended_at) throw new AppError('dispatch.assignment_state', { status: row.status, to: 'cancelled' });
    await endAssignment(trx, row, {
      at,
      actor: asActor(staff),
      ip: staff.ip,
      endReason: 'recalled',
      reasonEnc: sealNote(deps.fieldCrypto, reason.trim()),
      endingIncident: null,
    });
  });
  return presentAssignment(await store.findAssignment(deps.db, assignmentId));
}

/**
 * Registered with incidents' lifecycle: an incident that is cancelled, merged or closed releases
 * its units in the same transaction, so no unit stays tied to an incident nobody works on.
 */
export async function releaseUnitsOfEndedIncident(
  trx: Kysely<Tables>,
  ended: MovedIncident & { at: Date; actor: LifecycleActor },
): Promise<void> {
  for (const row of await store.activeAssignmentsOfIncident(trx, ended.id)) {
    await endAssignment(trx, row, {
      at: ended.at,
      actor: ended.actor,
      endReason: `incident ${ended.status}`,
      endingIncident: ended,
    });
  }
}
