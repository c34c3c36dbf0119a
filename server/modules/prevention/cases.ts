import { isValidIin } from '../../../common/iin.js';
import type { RiskGrade } from '../../../common/risk-instruments.js';
import { AppError } from '../../http/errors.js';
import { presentClosing } from './case-closing-view.js';
import { placeOfCase } from './case-place.js';
import {
  appendTimeline,
  caseDetails,
  insertCase,
  insertOutcome,
  insertPeople,
  linkIncident as storeIncidentLink,
  listCases as storeListCases,
  updateCase,
  type CaseRow,
  type SealedPerson,
} from './case-store.js';
import { auditStaff, type PreventionDeps } from './deps.js';
import { checkReferral } from './referrals.js';
import { accessCase } from './case-access.js';
import { caseActions, caseReferrals, partnerAgency } from './conference-store.js';
import { presentAction } from './conferences.js';
import { caseOrders, caseViolations } from './order-store.js';
import { presentOrder, presentViolation } from './orders.js';
import { presentReferral } from './referrals.js';
import type {
  CaseFileView,
  CaseSummary,
  CreateCaseRequest,
  LinkIncidentRequest,
  OutcomeRequest,
  PersonInput,
  ReferralView,
} from './schema.js';
import type { Caller } from './scope.js';
import { writeOpenCase } from './case-write.js';

export function presentSummary(row: CaseRow): CaseSummary {
  return {
    id: row.id,
    caseNumber: row.case_number,
    regionId: row.region_id,
    districtId: row.district_id,
    beatId: row.beat_id,
    status: row.status,
    riskGrade: row.risk_grade,
    needsReassessment: row.needs_reassessment,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
  };
}

function sealPerson(deps: PreventionDeps, person: PersonInput): SealedPerson {
  if (person.iin !== undefined && !isValidIin(person.iin)) throw new AppError('iin.invalid');
  const seal = (value: string | undefined) => (value === undefined ? null : deps.fieldCrypto.encrypt(value));
  const phone = person.phone?.replace(/[\s()-]/g, '');
  return {
    role: person.role,
    nameEnc: deps.fieldCrypto.encrypt(person.name.trim()),
    iinEnc: seal(person.iin),
    iinHash: person.iin === undefined ? null : deps.fieldCrypto.lookupHash(person.iin),
    addressEnc: seal(person.address?.trim()),
    phoneEnc: seal(phone),
  };
}

/**
 * Opens a domestic-violence case at the victim's home, with its people and, when it comes from an
 * incident, that incident. The case lands in the place's district and beat, which must lie in
 * the officer's jurisdiction; the officer who opens it is responsible for it.
 */
export async function createCase(deps: PreventionDeps, caller: Caller, input: CreateCaseRequest): Promise<CaseFileView> {
  const place = await placeOfCase(deps, caller, input);
  const people = input.people.map((p) => sealPerson(deps, p));
  const now = deps.clock();
  const id = await deps.db.transaction().execute(async (trx) => {
    const created = await insertCase(trx, { ...place, officerId: caller.user.userId, now });
    await insertPeople(trx, created.id, place.regionId, people, now);
    await appendTimeline(trx, {
      caseId: created.id,
      regionId: place.regionId,
      at: now,
      kind: 'case.opened',
      actorId: caller.user.userId,
      legalBasis: input.legalBasis,
      details: { people: people.length, fromIncident: input.incident?.incidentId ?? null },
    });
    if (input.incident) {
      await storeIncidentLink(trx, {
        caseId: created.id,
        regionId: place.regionId,
        incidentId: input.incident.incidentId,
        occurredAt: new Date(input.incident.occurredAt),
        now,
      });
    }
    await auditStaff(trx, caller, {
      action: 'prevention.case.create',
      target: { type: 'dv_case', id: created.id },
      regionId: place.regionId,
      details: { caseNumber: created.caseNumber, people: people.length },
      at: now,
    });
    return created.id;
  });
  return readCase(deps, caller, id);
}

/**
 * The whole case file with its people decrypted, for a caller the case-access rules let in;
 * every read is in the audit log, with why the reader may read it.
 */
export async function readCase(deps: PreventionDeps, caller: Caller, id: string): Promise<CaseFileView> {
  const { row, access } = await accessCase(deps, caller, id);
  const now = deps.clock();
  // A partner on the team sees their own agency's part of the safety plan only.
  const agency = isPartnerOnly(caller) ? await partnerAgency(deps.db, caller.user.userId) : undefined;
  const [details, orders, violations, referrals, actions, closing] = await Promise.all([
    caseDetails(deps.db, row.id),
    caseOrders(deps.db, row.id),
    caseViolations(deps.db, row.id),
    caseReferrals(deps.db, row.id),
    caseActions(deps.db, row.id, agency),
    presentClosing(deps, row),
  ]);
  const open = (sealed: string | null) => (sealed === null ? null : deps.fieldCrypto.decrypt(sealed));
  await auditStaff(deps.db, caller, {
    action: 'prevention.case.read',
    target: { type: 'dv_case', id: row.id },
    regionId: row.region_id,
    details: { access, people: details.people.map((p) => p.id) },
    at: now,
  });
  return {
    ...presentSummary(row),
    access,
    responsibleOfficerId: row.responsible_officer_id,
    people: details.people.map((p) => ({
      id: p.id,
      role: p.role,
      name: deps.fieldCrypto.decrypt(p.name_enc),
      iin: open(p.iin_enc),
      address: open(p.address_enc),
      phone: open(p.phone_enc),
    })),
    incidents: details.incidents.map((i) => ({
      incidentId: i.incident_id,
      occurredAt: i.occurred_at.toISOString(),
      linkedAt: i.linked_at.toISOString(),
    })),
    timeline: details.timeline.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      legalBasis: e.legal_basis,
      details: e.details,
    })),
    orders: orders.map((o) => presentOrder(o, now)),
    violations: violations.map((v) => presentViolation(deps, v)),
    referrals: referrals.map(presentReferral),
    actions: actions.map((a) => presentAction(deps, a, now)),
    closing,
  };
}

function isPartnerOnly(caller: Caller): boolean {
  const roles = caller.user.roles;
  return roles.includes('partner') && !roles.some((r) => r === 'officer' || r === 'supervisor' || r === 'prosecutor');
}

/** Cases in the caller's jurisdiction (or only those of their team): numbers, places, grades and dates — nobody's identity. */
export async function listCases(
  deps: PreventionDeps,
  caller: Caller,
  page: { cursor?: string; limit: number; riskGrade?: RiskGrade; mine?: boolean },
) {
  const result = await storeListCases(deps.db, caller.user.jurisdiction, {
    ...page,
    teamOf: page.mine ? caller.user : undefined,
  });
  return { items: result.items.map(presentSummary), nextCursor: result.nextCursor };
}

export async function addPerson(
  deps: PreventionDeps,
  caller: Caller,
  caseId: string,
  person: PersonInput,
): Promise<CaseFileView> {
  const { row } = await accessCase(deps, caller, caseId);
  const sealed = sealPerson(deps, person);
  const now = deps.clock();
  await writeOpenCase(deps.db, row.id, async (trx) => {
    await insertPeople(trx, row.id, row.region_id, [sealed], now);
    await appendTimeline(trx, {
      caseId: row.id,
      regionId: row.region_id,
      at: now,
      kind: 'person.added',
      actorId: caller.user.userId,
      details: { role: person.role },
    });
    await updateCase(trx, row.id, { now });
    await auditStaff(trx, caller, {
      action: 'prevention.person.add',
      target: { type: 'dv_case', id: row.id },
      regionId: row.region_id,
      details: { role: person.role },
      at: now,
    });
  });
  return readCase(deps, caller, row.id);
}

/**
 * Links a new incident to the case. A new incident calls for a reassessment, and may send the
 * case to the risk conference on its own (escalation, or a repeat after a referral).
 */
export async function linkIncident(
  deps: PreventionDeps,
  caller: Caller,
  caseId: string,
  input: LinkIncidentRequest,
): Promise<{ referral: ReferralView | null }> {
  const { row } = await accessCase(deps, caller, caseId);
  const now = deps.clock();
  return writeOpenCase(deps.db, row.id, async (trx) => {
    const added = await storeIncidentLink(trx, {
      caseId: row.id,
      regionId: row.region_id,
      incidentId: input.incidentId,
      occurredAt: new Date(input.occurredAt),
      now,
    });
    if (!added) return { referral: null };
    await updateCase(trx, row.id, { needsReassessment: true, now });
    await appendTimeline(trx, {
      caseId: row.id,
      regionId: row.region_id,
      at: now,
      kind: 'incident.linked',
      actorId: caller.user.userId,
      details: { incidentId: input.incidentId, occurredAt: input.occurredAt },
    });
    await auditStaff(trx, caller, {
      action: 'prevention.incident.link',
      target: { type: 'dv_case', id: row.id },
      regionId: row.region_id,
      details: { incidentId: input.incidentId },
      at: now,
    });
    return { referral: await checkReferral(trx, caller, row, now) };
  });
}

/** Records what happened after the case (re-victimisation or not), to validate the instrument later. */
export async function recordOutcome(deps: PreventionDeps, caller: Caller, caseId: string, input: OutcomeRequest) {
  const { row } = await accessCase(deps, caller, caseId);
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const outcome = await insertOutcome(trx, {
      caseId: row.id,
      regionId: row.region_id,
      kind: input.kind,
      occurredAt: new Date(input.occurredAt),
      incidentId: input.incidentId ?? null,
      by: caller.user.userId,
      now,
    });
    await appendTimeline(trx, {
      caseId: row.id,
      regionId: row.region_id,
      at: now,
      kind: 'outcome.recorded',
      actorId: caller.user.userId,
      details: { kind: input.kind },
    });
    await auditStaff(trx, caller, {
      action: 'prevention.outcome.record',
      target: { type: 'dv_case', id: row.id },
      regionId: row.region_id,
      details: { kind: input.kind },
      at: now,
    });
    return { id: outcome.id, caseId: row.id, kind: outcome.kind, occurredAt: outcome.occurred_at.toISOString() };
  });
}
