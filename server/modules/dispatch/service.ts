import type { Kysely } from 'kysely';
import type { Jurisdiction, Role } from '../../../common/roles.js';
import type { Tables } from '../../db/tables.js';
import { publishEvent } from '../../events/index.js';
import { COUNTRY, covers } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import type { FieldCrypto } from '../../secrets/field-crypto.js';
import { recordAudit } from '../audit/index.js';
import { findIncidentInScope } from '../incidents/index.js';
import { normaliseJurisdiction } from '../geo/index.js';
import type { CautionLookup } from './caution.js';
import { presentUnit } from './present.js';
import type {
  CreateUnitRequest,
  Fix,
  ManualUnitStatus,
  MyUnitView,
  UnitListQuery,
  UnitStatus,
  UnitView,
  UpdateUnitRequest,
} from './schema.js';
import * as store from './store.js';
import type { TravelTimeEstimator } from './travel-time.js';

export interface DispatchDeps {
  db: Kysely<Tables>;
  clock: () => Date;
  /** Seals what a unit writes on an incident's timeline. */
  fieldCrypto: FieldCrypto;
  /** AMAN_STALE_POSITION_SECONDS. */
  stalePositionSeconds: number;
  travelTime: TravelTimeEstimator;
  caution: CautionLookup;
}

/** A signed-in staff member as the service needs them. */
export interface Staff {
  userId: string;
  roles: readonly Role[];
  jurisdiction: Jurisdiction;
  ip: string;
}

export const asActor = (staff: Staff) => ({ kind: 'user' as const, id: staff.userId });

/**
 * A unit the caller may act on: its members always may; others with one of `roles` may when the
 * unit is in their jurisdiction. A unit outside it answers 404 exactly like a missing one.
 */
export async function unitFor(deps: DispatchDeps, staff: Staff, id: string, roles: readonly Role[]): Promise<store.UnitRow> {
  const inScope = await store.findUnit(deps.db, store.unitScope(staff.jurisdiction), id);
  if (await store.isMember(deps.db, id, staff.userId)) {
    const own = inScope ?? (await store.findUnit(deps.db, {}, id));
    if (own) return own;
  }
  if (!inScope) throw new AppError('dispatch.unit_not_found');
  if (roles.some((role) => staff.roles.includes(role))) return inScope;
  throw new AppError('dispatch.not_unit_member');
}

const present = (deps: DispatchDeps, row: store.UnitRow) => presentUnit(row, deps.clock(), deps.stalePositionSeconds);

async function reread(deps: DispatchDeps, id: string): Promise<UnitView> {
  const row = await store.findUnit(deps.db, {}, id);
  if (!row) throw new AppError('dispatch.unit_not_found');
  return present(deps, row);
}

export async function listUnitsFor(deps: DispatchDeps, staff: Staff, query: UnitListQuery) {
  const page = await store.listUnits(deps.db, store.unitScope(staff.jurisdiction), query);
  return {
    items: page.items.map((row) => present(deps, row)),
    nextCursor: page.nextCursor,
    staleAfterSeconds: deps.stalePositionSeconds,
  };
}

export async function getUnit(deps: DispatchDeps, staff: Staff, id: string): Promise<UnitView> {
  return present(deps, await unitFor(deps, staff, id, staff.roles));
}

/**
 * The officer's mobile view: their units, each with the incident it is sent to and the caution
 * flag. Reading where an incident is counts as reading the incident, so it is audited.
 */
export async function myUnits(deps: DispatchDeps, staff: Staff): Promise<MyUnitView[]> {
  const rows = await store.unitsOfMember(deps.db, staff.userId);
  return Promise.all(
    rows.map(async (row) => {
      const { assignment, ...unit } = present(deps, row);
      if (!assignment) return { ...unit, orders: null };
      // Membership of the assigned unit, not jurisdiction, entitles the officer to the incident's place.
      const incident = await findIncidentInScope(deps.db, COUNTRY, assignment.incidentId);
      if (!incident) return { ...unit, orders: null };
      await recordAudit(deps.db, {
        action: 'incident.read',
        outcome: 'success',
        actor: asActor(staff),
        target: { type: 'incident', id: incident.id },
        regionId: incident.regionId,
        ip: staff.ip,
        details: { via: 'unit orders', unitId: row.id },
      });
      const caution = incident.location ? await deps.caution({ ...incident.location, regionId: incident.regionId }) : false;
      return {
        ...unit,
        orders: {
          assignmentId: assignment.id,
          incidentId: incident.id,
          status: assignment.status,
          category: incident.category,
          priority: incident.priority,
          location: incident.location
            ? { type: 'Point' as const, coordinates: [incident.location.lon, incident.location.lat] }
            : null,
          caution,
        },
      };
    }),
  );
}

async function homeOf(deps: DispatchDeps, staff: Staff, districtId: string) {
  const place = await normaliseJurisdiction(deps.db, { level: 'district', regionId: null, districtId, beatId: null });
  if (!place?.regionId) throw new AppError('request.invalid', { detail: 'districtId' });
  if (!covers(staff.jurisdiction, { regionId: place.regionId, districtId })) throw new AppError('jurisdiction.outside');
  return { regionId: place.regionId, districtId };
}

/** Runs a write and turns a broken unique or foreign key into the caller's 409 or 422. */
async function writing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw store.constraintError(error) ?? error;
  }
}

export async function createUnit(deps: DispatchDeps, staff: Staff, input: CreateUnitRequest): Promise<UnitView> {
  const home = await homeOf(deps, staff, input.districtId);
  const at = deps.clock();
  const id = await writing(() =>
    deps.db.transaction().execute(async (trx) => {
      const unitId = await store.insertUnit(trx, { ...home, ...input, status: input.status ?? 'off_duty', at });
      await store.replaceMembers(trx, unitId, home.regionId, input.memberIds ?? []);
      await recordAudit(trx, {
        action: 'unit.create',
        outcome: 'success',
        actor: asActor(staff),
        target: { type: 'unit', id: unitId },
        regionId: home.regionId,
        ip: staff.ip,
        details: { callSign: input.callSign, agency: input.agency, kind: input.kind, memberIds: input.memberIds ?? [] },
        occurredAt: at,
      });
      await publishEvent(trx, {
        type: 'unit.created',
        regionId: home.regionId,
        districtId: home.districtId,
        payload: { unitId, agency: input.agency, kind: input.kind },
      });
      return unitId;
    }),
  );
  return reread(deps, id);
}

export async function updateUnitBy(deps: DispatchDeps, staff: Staff, id: string, input: UpdateUnitRequest): Promise<UnitView> {
  const unit = await unitFor(deps, staff, id, ['admin', 'supervisor']);
  const home = input.districtId
    ? await homeOf(deps, staff, input.districtId)
    : { regionId: unit.region_id, districtId: unit.district_id };
  const at = deps.clock();
  await writing(() =>
    deps.db.transaction().execute(async (trx) => {
      await store.updateUnit(trx, id, { ...input, ...home });
      if (input.memberIds) await store.replaceMembers(trx, id, home.regionId, input.memberIds);
      await recordAudit(trx, {
        action: 'unit.update',
        outcome: 'success',
        actor: asActor(staff),
        target: { type: 'unit', id },
        regionId: home.regionId,
        ip: staff.ip,
        details: { ...input },
        occurredAt: at,
      });
      await publishEvent(trx, {
        type: 'unit.updated',
        regionId: home.regionId,
        districtId: home.districtId,
        payload: { unitId: id },
      });
    }),
  );
  return reread(deps, id);
}

/** Writes a unit's status change with its audit entry and `unit.status_changed`, in the caller's transaction. */
export async function recordUnitStatus(
  trx: Kysely<Tables>,
  change: {
    unit: { id: string; regionId: string; districtId: string };
    from: UnitStatus;
    to: UnitStatus;
    at: Date;
    actor: { kind: 'user' | 'system'; id: string | null };
    ip?: string | null;
    incidentId?: string;
  },
): Promise<void> {
  if (change.from === change.to) return;
  await recordAudit(trx, {
    action: 'unit.status',
    outcome: 'success',
    actor: change.actor,
    target: { type: 'unit', id: change.unit.id },
    regionId: change.unit.regionId,
    ip: change.ip ?? null,
    details: { from: change.from, to: change.to, ...(change.incidentId ? { incidentId: change.incidentId } : {}) },
    occurredAt: change.at,
  });
  await publishEvent(trx, {
    type: 'unit.status_changed',
    regionId: change.unit.regionId,
    districtId: change.unit.districtId,
    payload: { unitId: change.unit.id, from: change.from, to: change.to, incidentId: change.incidentId ?? null },
  });
}

/** Available, busy, off duty: by the unit's officers, or by an operator for a unit that radios in. */
export async function changeUnitStatus(deps: DispatchDeps, staff: Staff, id: string, to: ManualUnitStatus): Promise<UnitView> {
  const unit = await unitFor(deps, staff, id, ['operator', 'supervisor']);
  if (unit.assignment_id) throw new AppError('dispatch.unit_on_assignment', { assignmentId: unit.assignment_id });
  const at = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const from = await store.setUnitStatus(trx, id, to, at, ['available', 'busy', 'off_duty']);
    if (from === undefined) throw new AppError('dispatch.unit_on_assignment');
    const place = { id, regionId: unit.region_id, districtId: unit.district_id };
    await recordUnitStatus(trx, { unit: place, from, to, at, actor: asActor(staff), ip: staff.ip });
  });
  return reread(deps, id);
}

/**
 * Panic. Only the unit's own officers raise it; they or a supervisor of the area clear it. While
 * raised, the unit heads every unit list of its area and is never recommended for another call.
 */
export async function setUnitEmergency(deps: DispatchDeps, staff: Staff, id: string, active: boolean): Promise<UnitView> {
  const unit = await unitFor(deps, staff, id, active ? [] : ['supervisor']);
  if ((unit.emergency_at !== null) === active) return present(deps, unit);
  const at = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    await store.setEmergency(trx, id, active ? at : null);
    await recordAudit(trx, {
      action: active ? 'unit.emergency_raise' : 'unit.emergency_clear',
      outcome: 'success',
      actor: asActor(staff),
      target: { type: 'unit', id },
      regionId: unit.region_id,
      ip: staff.ip,
      occurredAt: at,
    });
    await publishEvent(trx, {
      type: active ? 'unit.emergency_raised' : 'unit.emergency_cleared',
      regionId: unit.region_id,
      districtId: unit.district_id,
      payload: { unitId: id, incidentId: unit.incident_id },
    });
  });
  return reread(deps, id);
}

// A fix is a point in Kazakhstan (its bounding box, with a margin); an exact outline test per fix would cost more than the write.
const KZ = { west: 46, east: 88, south: 40, north: 56 };
// A phone's clock a little ahead is not a fix from the future.
const CLOCK_SKEW_MS = 60_000;

/**
 * A batch of fixes from a unit's officer. Only the newest is kept, and only when it is newer
 * than the one stored, so batches may arrive late or twice. Fixes are not audited one by one:
 * at a fix every few seconds per unit the log would be nothing else.
 */
export async function recordPositions(deps: DispatchDeps, staff: Staff, id: string, fixes: readonly Fix[]) {
  const unit = await store.unitPlace(deps.db, id);
  if (!unit || !(await store.isMember(deps.db, id, staff.userId))) {
    const visible = unit && store.inUnitScope(staff.jurisdiction, unit);
    throw new AppError(visible ? 'dispatch.not_unit_member' : 'dispatch.unit_not_found');
  }
  const now = deps.clock();
  let newest: (Fix & { time: Date }) | null = null;
  for (const fix of fixes) {
    const time = new Date(fix.at);
    if (time.getTime() > now.getTime() + CLOCK_SKEW_MS)
      throw new AppError('request.invalid', { detail: 'a fix is in the future' });
    if (fix.lon < KZ.west || fix.lon > KZ.east || fix.lat < KZ.south || fix.lat > KZ.north)
      throw new AppError('geo.outside_kazakhstan');
    if (!newest || time > newest.time) newest = { ...fix, time };
  }
  if (!newest) throw new AppError('request.invalid', { detail: 'fixes' });
  const latest = await store.upsertPosition(deps.db, {
    unitId: id,
    regionId: unit.region_id,
    lon: newest.lon,
    lat: newest.lat,
    recordedAt: newest.time,
    receivedAt: now,
    accuracyM: newest.accuracyM ?? null,
    headingDeg: newest.headingDeg ?? null,
    speedKmh: newest.speedKmh ?? null,
  });
  return { accepted: fixes.length, latestAt: latest.toISOString() };
}
