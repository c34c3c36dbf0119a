import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import { covers } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { teamCase } from './case-access.js';
import { recordCaseStep } from './case-step.js';
import { updateCase, type CaseRow } from './case-store.js';
import { auditStaff, type PreventionDeps } from './deps.js';
import { findOrder } from './order-store.js';
import { recordViolationIn } from './orders.js';
import type {
  EnrolmentEndRequest,
  EnrolmentRequest,
  EnrolmentView,
  ProviderRequest,
  ProviderView,
  SessionRequest,
} from './programme-schema.js';
import {
  caseEnrolments,
  countMissed,
  endEnrolment,
  enrolmentSessions,
  findEnrolment,
  findProvider,
  insertEnrolment,
  insertProvider,
  insertSession,
  isCaseAggressor,
  listProviders as storeListProviders,
  lockEnrolmentViolation,
  setEnrolmentViolation,
  type EnrolmentRow,
  type ProviderRow,
  type SessionRow,
} from './programme-store.js';
import type { Caller } from './scope.js';
import { writeOpenCase } from './case-write.js';

/** What a breach of the programme requirement rests on, for the order's violation record. */
export const PROGRAMME_BREACH_BASIS =
  'Code of Administrative Offences, art. 54: special requirement to attend a psycho-correction programme not kept';

function presentProvider(row: ProviderRow): ProviderView {
  return { id: row.id, regionId: row.region_id, name: row.name, kind: row.kind };
}

function presentEnrolment(deps: PreventionDeps, row: EnrolmentRow, sessions: SessionRow[]): EnrolmentView {
  const own = sessions.filter((s) => s.enrolment_id === row.id);
  return {
    id: row.id,
    caseId: row.case_id,
    personId: row.person_id,
    provider: { id: row.provider_id, regionId: row.provider_region_id, name: row.provider_name, kind: row.provider_kind },
    basis: row.basis,
    orderId: row.order_id,
    sessionsPlanned: row.sessions_planned,
    missesAllowed: row.misses_allowed,
    attended: own.filter((s) => s.attended).length,
    missed: own.filter((s) => !s.attended).length,
    status: row.status,
    endedAt: row.ended_at?.toISOString() ?? null,
    violationId: row.violation_id,
    enrolledAt: row.enrolled_at.toISOString(),
    sessions: own.map((s) => ({
      id: s.id,
      heldOn: s.held_on,
      attended: s.attended,
      missedReason: s.missed_reason_enc === null ? null : deps.fieldCrypto.decrypt(s.missed_reason_enc),
    })),
  };
}

async function enrolmentView(deps: PreventionDeps, id: string, caller: Caller): Promise<EnrolmentView> {
  const row = await findEnrolment(deps.db, caller.user.jurisdiction, id);
  return presentEnrolment(deps, row!, await enrolmentSessions(deps.db, [id]));
}

/** Registers a provider of aggressor programmes in a region of the caller's jurisdiction. */
export async function registerProvider(deps: PreventionDeps, caller: Caller, input: ProviderRequest): Promise<ProviderView> {
  if (!covers(caller.user.jurisdiction, { regionId: input.regionId })) throw new AppError('jurisdiction.outside');
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const row = await insertProvider(trx, input, caller.user.userId, now);
    await auditStaff(trx, caller, {
      action: 'prevention.programme_provider.register',
      target: { type: 'programme_provider', id: row.id },
      regionId: row.region_id,
      details: { name: row.name, kind: row.kind },
      at: now,
    });
    return presentProvider(row);
  });
}

/** The providers of the caller's region (every region's for the country level). */
export async function listProviders(deps: PreventionDeps, caller: Caller): Promise<ProviderView[]> {
  const j = caller.user.jurisdiction;
  return (await storeListProviders(deps.db, j.level === 'country' ? null : j.regionId)).map(presentProvider);
}

/**
 * Enrols the case's aggressor with a provider of the case's region. A court-ordered enrolment
 * rests on the court's special requirements on the case, whose breach it will record.
 */
export async function enrol(
  deps: PreventionDeps,
  caller: Caller,
  caseId: string,
  input: EnrolmentRequest,
): Promise<EnrolmentView> {
  const row = await teamCase(deps, caller, caseId);
  const provider = await findProvider(deps.db, input.providerId);
  if (!provider || provider.region_id !== row.region_id) throw new AppError('prevention.programme_provider_not_found');
  if (!(await isCaseAggressor(deps.db, row.id, input.personId))) throw new AppError('prevention.programme_person_not_aggressor');
  if ((input.basis === 'court-order') !== (input.orderId !== undefined)) throw new AppError('prevention.programme_order_invalid');
  if (input.orderId !== undefined) {
    const order = await findOrder(deps.db, caller.user.jurisdiction, input.orderId);
    if (order?.case_id !== row.id || order.kind !== 'court-special-requirements')
      throw new AppError('prevention.programme_order_invalid');
  }
  const now = deps.clock();
  const id = await writeOpenCase(deps.db, row.id, async (trx) => {
    const enrolmentId = await insertEnrolment(trx, {
      ...input,
      caseId: row.id,
      regionId: row.region_id,
      districtId: row.district_id,
      beatId: row.beat_id,
      by: caller.user.userId,
      now,
    });
    const details = { enrolmentId, providerKind: provider.kind, basis: input.basis, sessionsPlanned: input.sessionsPlanned };
    await recordStep(trx, caller, row, now, { kind: 'programme.enrolled', action: 'prevention.programme.enrol', details });
    return enrolmentId;
  });
  return enrolmentView(deps, id, caller);
}

/** The case's programmes with their attendance, for the case team (audited: missed reasons are decrypted). */
export async function caseProgrammes(deps: PreventionDeps, caller: Caller, caseId: string): Promise<EnrolmentView[]> {
  const row = await teamCase(deps, caller, caseId);
  const rows = await caseEnrolments(deps.db, row.id);
  const sessions = await enrolmentSessions(
    deps.db,
    rows.map((r) => r.id),
  );
  await auditStaff(deps.db, caller, {
    action: 'prevention.programme.read',
    target: { type: 'dv_case', id: row.id },
    regionId: row.region_id,
    at: deps.clock(),
  });
  return rows.map((r) => presentEnrolment(deps, r, sessions));
}

/** A running enrolment the caller may work on, with its case. */
async function runningEnrolment(deps: PreventionDeps, caller: Caller, id: string) {
  const enrolment = await findEnrolment(deps.db, caller.user.jurisdiction, id);
  if (!enrolment) throw new AppError('prevention.programme_not_found');
  const row = await teamCase(deps, caller, enrolment.case_id);
  if (enrolment.status !== 'enrolled') throw new AppError('prevention.programme_ended');
  return { enrolment, row };
}

/**
 * A court-ordered programme not kept is a breach of the court's order: recorded as any breach
 * (the case needs a reassessment, the referral rules run, the district inspector hears of it), in
 * the transaction of the session or end that made it, so neither commits without the other. Once
 * per enrolment: the enrolment row is locked, so two misses entered at once make one breach. An
 * order no longer in force cannot be breached, so then nothing is recorded.
 */
async function breachOrder(trx: Kysely<Tables>, caller: Caller, enrolment: EnrolmentRow, row: CaseRow, now: Date): Promise<void> {
  if (enrolment.order_id === null || (await lockEnrolmentViolation(trx, enrolment.id)) !== null) return;
  const order = await findOrder(trx, caller.user.jurisdiction, enrolment.order_id);
  if (!order || now < order.issued_at || now >= order.expires_at) return;
  const input = { occurredAt: now.toISOString(), legalBasis: PROGRAMME_BREACH_BASIS };
  const violation = await recordViolationIn(trx, caller, order, row, input, now);
  await setEnrolmentViolation(trx, enrolment.id, violation.id);
}

/** Records one session's attendance; a court-ordered aggressor missing more than allowed breaches the order. */
export async function recordSession(
  deps: PreventionDeps,
  caller: Caller,
  enrolmentId: string,
  input: SessionRequest,
): Promise<EnrolmentView> {
  const reason = input.missedReason?.trim();
  if (input.attended === (reason !== undefined)) throw new AppError('prevention.programme_missed_reason');
  const { enrolment, row } = await runningEnrolment(deps, caller, enrolmentId);
  const now = deps.clock();
  await writeOpenCase(deps.db, row.id, async (trx) => {
    const added = await insertSession(trx, {
      enrolmentId: enrolment.id,
      caseId: row.id,
      regionId: row.region_id,
      heldOn: input.heldOn,
      attended: input.attended,
      missedReasonEnc: reason === undefined ? null : deps.fieldCrypto.encrypt(reason),
      by: caller.user.userId,
      now,
    });
    if (!added) throw new AppError('prevention.programme_session_exists');
    const details = { enrolmentId: enrolment.id, heldOn: input.heldOn, attended: input.attended };
    await recordStep(trx, caller, row, now, { kind: 'programme.session', action: 'prevention.programme.session', details });
    if ((await countMissed(trx, enrolment.id)) > enrolment.misses_allowed) await breachOrder(trx, caller, enrolment, row, now);
  });
  return enrolmentView(deps, enrolment.id, caller);
}

/** Ends the programme: completed, or dropped out (a breach of a court's order). */
export async function endProgramme(
  deps: PreventionDeps,
  caller: Caller,
  enrolmentId: string,
  input: EnrolmentEndRequest,
): Promise<EnrolmentView> {
  const { enrolment, row } = await runningEnrolment(deps, caller, enrolmentId);
  const now = deps.clock();
  await writeOpenCase(deps.db, row.id, async (trx) => {
    if (!(await endEnrolment(trx, enrolment.id, input.status, new Date(`${input.endedOn}T00:00:00Z`))))
      throw new AppError('prevention.programme_ended');
    const details = { enrolmentId: enrolment.id, status: input.status, endedOn: input.endedOn };
    await recordStep(trx, caller, row, now, { kind: `programme.${input.status}`, action: 'prevention.programme.end', details });
    if (input.status === 'dropped-out') await breachOrder(trx, caller, enrolment, row, now);
  });
  return enrolmentView(deps, enrolment.id, caller);
}

/** A programme step on the case: its timeline entry, the case's last change and the audit entry, in one transaction. */
async function recordStep(
  trx: Kysely<Tables>,
  caller: Caller,
  row: { id: string; region_id: string },
  now: Date,
  step: { kind: string; action: string; details: Record<string, unknown> },
): Promise<void> {
  await recordCaseStep(trx, caller, row, { at: now, ...step });
  await updateCase(trx, row.id, { now });
}
