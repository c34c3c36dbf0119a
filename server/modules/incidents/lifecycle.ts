import type { Kysely } from 'kysely';
import type { Jurisdiction } from '../../../common/roles.js';
import type { Tables } from '../../db/tables.js';
import { publishEvent } from '../../events/index.js';
import { AppError } from '../../http/errors.js';
import type { FieldCrypto } from '../../secrets/field-crypto.js';
import { recordAudit, type AuditEntry } from '../audit/index.js';
import { appendTimeline } from './report-store.js';
import { reasonNotes, type StoredSystemNote, type SystemNote } from './system-notes.js';
import { isIncidentStatus, type IncidentStatus } from './status.js';
import { sealNote } from './sealed-text.js';
import { findIncident } from './store.js';

/**
 * Where an incident may go from each status. The field statuses may fall back to `triaged` when
 * every unit is recalled, and a resolved incident may be dispatched again when it flares up.
 */
const NEXT: { readonly [S in IncidentStatus]: readonly IncidentStatus[] } = {
  new: ['triaged', 'dispatched', 'cancelled', 'merged'],
  triaged: ['dispatched', 'resolved', 'cancelled', 'merged'],
  // A unit may settle a call before it arrives (the caller rings back: it's over).
  dispatched: ['en_route', 'on_scene', 'resolved', 'triaged', 'cancelled', 'merged'],
  en_route: ['on_scene', 'resolved', 'triaged', 'cancelled', 'merged'],
  on_scene: ['resolved', 'triaged', 'cancelled', 'merged'],
  resolved: ['closed', 'dispatched', 'cancelled'],
  closed: [],
  cancelled: [],
  merged: [],
};

/** The order a unit's progress moves an incident in; a unit reporting behind it never moves it back. */
const FIELD_ORDER: readonly IncidentStatus[] = ['new', 'triaged', 'dispatched', 'en_route', 'on_scene', 'resolved'];

const NEEDS_REASON: ReadonlySet<IncidentStatus> = new Set(['cancelled', 'merged']);

/** Statuses after which nothing more happens to an incident. */
const ENDED: ReadonlySet<IncidentStatus> = new Set(['closed', 'cancelled', 'merged']);

export function canMoveIncident(from: IncidentStatus, to: IncidentStatus): boolean {
  return NEXT[from].includes(to);
}

export type LifecycleActor = AuditEntry['actor'];

export interface IncidentMove {
  incidentId: string;
  to: IncidentStatus;
  at: Date;
  actor: LifecycleActor;
  ip?: string | null;
  /**
   * Why, field-encrypted (`sealNote`): required for cancel and merge; kept on the timeline, never
   * shown to the reporter. The audit entry records that a reason was given, not its words.
   */
  reasonEnc?: string | null;
  /** What the reporter reads on the timeline; null means the status's own words. */
  publicText?: string | null;
  /** What a person wrote, field-encrypted (`sealNote`); staff only. */
  internalNoteEnc?: string | null;
  /** What the system says about the step; staff only. */
  systemNotes?: StoredSystemNote[];
}

/** Something to timestamp on an incident without moving it. */
export interface IncidentNote {
  incidentId: string;
  at: Date;
  /** Field-encrypted (`sealNote`). */
  internalNoteEnc?: string | null;
  systemNotes?: StoredSystemNote[];
  publicText?: string | null;
}

export interface MovedIncident {
  id: string;
  regionId: string;
  districtId: string | null;
  beatId: string | null;
  from: IncidentStatus;
  status: IncidentStatus;
  moved: boolean;
}

/**
 * Runs inside the transaction that ends an incident (closed, cancelled, merged). Incidents cannot
 * import the modules that depend on it (dispatch releases its units here), so they register.
 */
export type IncidentEndedHook = (
  trx: Kysely<Tables>,
  ended: MovedIncident & { at: Date; actor: LifecycleActor },
) => Promise<void>;

const endedHooks = new Set<IncidentEndedHook>();

/** Registers a hook once; registering the same function again (a second app in one process) is a no-op. */
export function onIncidentEnded(hook: IncidentEndedHook): void {
  endedHooks.add(hook);
}

async function lockIncident(trx: Kysely<Tables>, incidentId: string) {
  const row = await trx
    .selectFrom('incidents')
    .select(['id', 'region_id', 'district_id', 'beat_id', 'status', 'priority'])
    .where('id', '=', incidentId)
    .forUpdate()
    .executeTakeFirst();
  if (!row || !isIncidentStatus(row.status)) throw new AppError('incident.not_found');
  return { ...row, status: row.status };
}

type LockedIncident = Awaited<ReturnType<typeof lockIncident>>;

/** The incident as a step left it: moved to `status`, or still where it was. */
function outcome(row: LockedIncident, status: IncidentStatus = row.status): MovedIncident {
  return {
    id: row.id,
    regionId: row.region_id,
    districtId: row.district_id,
    beatId: row.beat_id,
    from: row.status,
    status,
    moved: status !== row.status,
  };
}

function notesWithReason(move: IncidentMove): StoredSystemNote[] {
  return [...(move.systemNotes ?? []), ...reasonNotes(move.reasonEnc)];
}

async function applyMove(trx: Kysely<Tables>, row: LockedIncident, move: IncidentMove): Promise<MovedIncident> {
  if (!canMoveIncident(row.status, move.to)) {
    throw new AppError('incident.invalid_transition', { from: row.status, to: move.to });
  }
  if (NEEDS_REASON.has(move.to) && !move.reasonEnc) throw new AppError('incident.reason_required', { to: move.to });
  await trx.updateTable('incidents').set({ status: move.to }).where('id', '=', row.id).execute();
  await appendTimeline(trx, {
    incidentId: row.id,
    regionId: row.region_id,
    at: move.at,
    status: move.to,
    publicText: move.publicText ?? null,
    internalNoteEnc: move.internalNoteEnc ?? null,
    systemNotes: notesWithReason(move),
  });
  await recordAudit(trx, {
    action: 'incident.status',
    outcome: 'success',
    actor: move.actor,
    target: { type: 'incident', id: row.id },
    regionId: row.region_id,
    ip: move.ip ?? null,
    details: { from: row.status, to: move.to, ...(move.reasonEnc ? { reasonGiven: true } : {}) },
    occurredAt: move.at,
  });
  await publishEvent(trx, {
    type: 'incident.status_changed',
    regionId: row.region_id,
    districtId: row.district_id,
    beatId: row.beat_id,
    payload: { incidentId: row.id, from: row.status, to: move.to },
  });
  const moved = outcome(row, move.to);
  if (ENDED.has(move.to)) {
    for (const hook of endedHooks) await hook(trx, { ...moved, at: move.at, actor: move.actor });
  }
  return moved;
}

/**
 * Moves an incident to `to` inside the caller's transaction: checks the transition, updates the
 * status, writes the timeline entry, the audit entry and `incident.status_changed`. Throws
 * incident.not_found, incident.invalid_transition (409) or incident.reason_required (422).
 */
export async function advanceIncident(trx: Kysely<Tables>, move: IncidentMove): Promise<MovedIncident> {
  return applyMove(trx, await lockIncident(trx, move.incidentId), move);
}

/**
 * Timestamps a step on the incident's timeline under its current status, without moving it (a
 * second unit sent to an incident already dispatched). Never on an ended incident.
 */
export async function noteIncident(trx: Kysely<Tables>, note: IncidentNote): Promise<MovedIncident> {
  return noteOn(trx, await lockIncident(trx, note.incidentId), note);
}

async function noteOn(
  trx: Kysely<Tables>,
  row: LockedIncident,
  note: Omit<IncidentNote, 'incidentId'> & { to?: IncidentStatus },
): Promise<MovedIncident> {
  if (ENDED.has(row.status)) throw new AppError('incident.invalid_transition', { from: row.status, to: note.to ?? row.status });
  await appendTimeline(trx, {
    incidentId: row.id,
    regionId: row.region_id,
    at: note.at,
    status: row.status,
    publicText: note.publicText ?? null,
    internalNoteEnc: note.internalNoteEnc ?? null,
    systemNotes: note.systemNotes,
  });
  return outcome(row);
}

/**
 * A unit's progress: moves the incident forward to `to` when it is behind (and sends a resolved
 * incident that flares up back to dispatched), and otherwise only timestamps the step on its
 * timeline (a second unit arriving at an incident already on scene). Never moves it back.
 */
export async function followIncident(trx: Kysely<Tables>, move: IncidentMove): Promise<MovedIncident> {
  const row = await lockIncident(trx, move.incidentId);
  const behind = FIELD_ORDER.includes(row.status) && FIELD_ORDER.indexOf(row.status) < FIELD_ORDER.indexOf(move.to);
  const reopen = row.status === 'resolved' && move.to === 'dispatched';
  if ((behind || reopen) && canMoveIncident(row.status, move.to)) return applyMove(trx, row, move);
  return noteOn(trx, row, { ...move, systemNotes: notesWithReason(move) });
}

/**
 * The operator's triage: a new incident becomes triaged, and a given priority overrides the rules'
 * (audited with the one it replaced, and published as `incident.priority_changed`).
 */
export async function triageIncident(
  trx: Kysely<Tables>,
  input: {
    incidentId: string;
    priority?: number;
    at: Date;
    actor: LifecycleActor;
    ip?: string | null;
    internalNoteEnc?: string | null;
  },
): Promise<MovedIncident> {
  const row = await lockIncident(trx, input.incidentId);
  if (ENDED.has(row.status)) throw new AppError('incident.invalid_transition', { from: row.status, to: 'triaged' });
  let result = outcome(row);
  if (input.priority !== undefined && input.priority !== row.priority) {
    await trx.updateTable('incidents').set({ priority: input.priority }).where('id', '=', row.id).execute();
    await recordAudit(trx, {
      action: 'incident.priority',
      outcome: 'success',
      actor: input.actor,
      target: { type: 'incident', id: row.id },
      regionId: row.region_id,
      ip: input.ip ?? null,
      details: { from: row.priority, to: input.priority },
      occurredAt: input.at,
    });
    await publishEvent(trx, {
      type: 'incident.priority_changed',
      regionId: row.region_id,
      districtId: row.district_id,
      beatId: row.beat_id,
      payload: { incidentId: row.id, from: row.priority, to: input.priority },
    });
  }
  const systemNotes: SystemNote[] =
    input.priority !== undefined && input.priority !== row.priority
      ? [{ kind: 'priority', from: row.priority, to: input.priority, by: 'operator' }]
      : [];
  const internalNoteEnc = input.internalNoteEnc ?? null;
  if (row.status === 'new') {
    const move = { incidentId: row.id, to: 'triaged' as const, at: input.at, actor: input.actor, ip: input.ip };
    result = await applyMove(trx, row, { ...move, internalNoteEnc, systemNotes });
  } else if (internalNoteEnc || systemNotes.length > 0) {
    await appendTimeline(trx, {
      incidentId: row.id,
      regionId: row.region_id,
      at: input.at,
      status: row.status,
      publicText: null,
      internalNoteEnc,
      systemNotes,
    });
  }
  return result;
}

/**
 * An incident inside the jurisdiction, with what dispatch needs to send units to it; undefined
 * when it does not exist or lies outside, so both answer alike.
 */
export async function findIncidentInScope(db: Kysely<Tables>, jurisdiction: Jurisdiction, id: string) {
  const row = await findIncident(db, jurisdiction, id);
  if (!row || !isIncidentStatus(row.status)) return undefined;
  const point = row.location_json ? (JSON.parse(row.location_json) as { coordinates: [number, number] }).coordinates : null;
  return {
    id: row.id,
    regionId: row.region_id,
    districtId: row.district_id,
    beatId: row.beat_id,
    status: row.status,
    priority: row.priority,
    category: row.category,
    location: point ? { lon: point[0], lat: point[1] } : null,
  };
}

export type IncidentInScope = NonNullable<Awaited<ReturnType<typeof findIncidentInScope>>>;

export interface Operator {
  userId: string;
  jurisdiction: Jurisdiction;
  ip: string;
}

async function inScopeOrThrow(db: Kysely<Tables>, operator: Operator, id: string) {
  const incident = await findIncidentInScope(db, operator.jurisdiction, id);
  if (!incident) throw new AppError('incident.not_found');
  return incident;
}

/** The operator triages an incident of their jurisdiction, optionally overriding its priority. */
export async function triageByOperator(
  deps: { db: Kysely<Tables>; fieldCrypto: FieldCrypto; clock: () => Date },
  operator: Operator,
  id: string,
  input: { priority?: number; internalNote?: string },
): Promise<void> {
  await inScopeOrThrow(deps.db, operator, id);
  await deps.db.transaction().execute((trx) =>
    triageIncident(trx, {
      incidentId: id,
      priority: input.priority,
      internalNoteEnc: sealNote(deps.fieldCrypto, input.internalNote),
      at: deps.clock(),
      actor: { kind: 'user', id: operator.userId },
      ip: operator.ip,
    }),
  );
}

/** The operator closes a resolved incident or cancels an open one (with a reason). */
export async function setStatusByOperator(
  deps: { db: Kysely<Tables>; fieldCrypto: FieldCrypto; clock: () => Date },
  operator: Operator,
  id: string,
  input: { status: 'closed' | 'cancelled'; reason?: string; publicText?: string; internalNote?: string },
): Promise<void> {
  await inScopeOrThrow(deps.db, operator, id);
  await deps.db.transaction().execute((trx) =>
    advanceIncident(trx, {
      incidentId: id,
      to: input.status,
      reasonEnc: sealNote(deps.fieldCrypto, input.reason?.trim()),
      publicText: input.publicText,
      internalNoteEnc: sealNote(deps.fieldCrypto, input.internalNote),
      at: deps.clock(),
      actor: { kind: 'user', id: operator.userId },
      ip: operator.ip,
    }),
  );
}
