import type { Jurisdiction } from '../../../common/roles.js';
import { covers } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { normaliseJurisdiction } from '../geo/index.js';
import { caseFor } from './case-access.js';
import {
  completeAction as storeCompleteAction,
  conferenceActions,
  conferenceAgenda,
  findAction,
  findConference,
  insertAction,
  insertConference,
  listActions as storeListActions,
  partnerAgency,
  setPartnerAgency as storeSetPartnerAgency,
  type ActionRow,
} from './conference-store.js';
import { attendanceCorrections, decisionAmendments } from './conference-amendment-store.js';
import { conferenceDecisions } from './conference-decision-store.js';
import { auditStaff, type PreventionDeps } from './deps.js';
import { presentReferral } from './referrals.js';
import type { ActionRequest, ActionView, Agency, ConferenceRequest, ConferenceView } from './schema.js';
import { isUuid, type Caller } from './scope.js';
import { writeOpenCase } from './case-write.js';

export function presentAction(deps: PreventionDeps, row: ActionRow, now: Date): ActionView {
  return {
    id: row.id,
    caseId: row.case_id,
    conferenceId: row.conference_id,
    agency: row.agency,
    description: deps.fieldCrypto.decrypt(row.description_enc),
    dueAt: row.due_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
    isOverdue: row.completed_at === null && row.due_at < now,
  };
}

async function districtRegion(deps: PreventionDeps, districtId: string): Promise<string | undefined> {
  const place = await normaliseJurisdiction(deps.db, { level: 'district', regionId: null, districtId, beatId: null });
  return place?.regionId ?? undefined;
}

/** Calls a district's risk conference; every referral waiting in the district goes on its agenda. */
export async function createConference(deps: PreventionDeps, caller: Caller, input: ConferenceRequest): Promise<ConferenceView> {
  const regionId = await districtRegion(deps, input.districtId);
  if (!regionId) throw new AppError('jurisdiction.invalid');
  if (!covers(caller.user.jurisdiction, { regionId, districtId: input.districtId })) throw new AppError('jurisdiction.outside');
  const now = deps.clock();
  const id = await deps.db.transaction().execute(async (trx) => {
    const conferenceId = await insertConference(trx, {
      regionId,
      districtId: input.districtId,
      scheduledAt: new Date(input.scheduledAt),
      agencies: input.agencies,
      by: caller.user.userId,
      now,
    });
    await auditStaff(trx, caller, {
      action: 'prevention.conference.create',
      target: { type: 'risk_conference', id: conferenceId },
      regionId,
      details: { districtId: input.districtId, agencies: input.agencies },
      at: now,
    });
    return conferenceId;
  });
  return readConference(deps, caller, id);
}

export async function conferenceFor(deps: PreventionDeps, jurisdiction: Jurisdiction, id: string) {
  const row = await findConference(deps.db, jurisdiction, id);
  if (!row) throw new AppError('prevention.conference_not_found');
  return row;
}

/** The agenda (case numbers and why they were referred) and the safety plan; the read is audited. */
export async function readConference(deps: PreventionDeps, caller: Caller, id: string): Promise<ConferenceView> {
  const row = await conferenceFor(deps, caller.user.jurisdiction, id);
  const [agenda, actions, decisions, amendments, corrections] = await Promise.all([
    conferenceAgenda(deps.db, row.id),
    conferenceActions(deps.db, row.id),
    conferenceDecisions(deps.db, row.id),
    decisionAmendments(deps.db, row.id),
    attendanceCorrections(deps.db, row.id),
  ]);
  const open = (sealed: string) => deps.fieldCrypto.decrypt(sealed);
  const now = deps.clock();
  await auditStaff(deps.db, caller, {
    action: 'prevention.conference.read',
    target: { type: 'risk_conference', id: row.id },
    regionId: row.region_id,
    at: now,
  });
  return {
    id: row.id,
    regionId: row.region_id,
    districtId: row.district_id,
    scheduledAt: row.scheduled_at.toISOString(),
    agencies: row.agencies,
    attended: row.attended,
    agenda: agenda.map((r) => ({ ...presentReferral(r), caseClosed: r.case_status === 'closed' })),
    decisions: decisions.map((d) => ({
      id: d.id,
      caseId: d.case_id,
      decision: open(d.decision_enc),
      decidedAt: d.decided_at.toISOString(),
      amendedAt: d.amended_at?.toISOString() ?? null,
      history: amendments
        .filter((a) => a.decision_id === d.id)
        .map((a) => ({
          previousDecision: open(a.previous_decision_enc),
          reason: open(a.reason_enc),
          amendedAt: a.amended_at.toISOString(),
        })),
    })),
    actions: actions.map((a) => presentAction(deps, a, now)),
    attendanceCorrections: corrections.map((c) => ({
      previous: c.previous_attended,
      attended: c.attended,
      reason: open(c.reason_enc),
      correctedAt: c.corrected_at.toISOString(),
    })),
  };
}

/** Adds a safety-plan action for a case on the agenda, assigned to a participating agency. */
export async function addAction(
  deps: PreventionDeps,
  caller: Caller,
  conferenceId: string,
  input: ActionRequest,
): Promise<ActionView> {
  const conference = await conferenceFor(deps, caller.user.jurisdiction, conferenceId);
  const agenda = await conferenceAgenda(deps.db, conference.id);
  if (!agenda.some((r) => r.case_id === input.caseId)) throw new AppError('prevention.case_not_on_agenda');
  if (!conference.agencies.includes(input.agency)) throw new AppError('prevention.agency_not_participating');
  const row = await caseFor(deps, caller.user.jurisdiction, input.caseId);
  const now = deps.clock();
  return writeOpenCase(deps.db, row.id, async (trx) => {
    const action = await insertAction(trx, {
      caseId: row.id,
      conferenceId: conference.id,
      regionId: row.region_id,
      districtId: row.district_id,
      beatId: row.beat_id,
      agency: input.agency,
      descriptionEnc: deps.fieldCrypto.encrypt(input.description),
      dueAt: new Date(input.dueAt),
      by: caller.user.userId,
      now,
    });
    await auditStaff(trx, caller, {
      action: 'prevention.action.create',
      target: { type: 'safety_plan_action', id: action.id },
      regionId: row.region_id,
      details: { caseId: row.id, conferenceId: conference.id, agency: input.agency, dueAt: input.dueAt },
      at: now,
    });
    return presentAction(deps, action, now);
  });
}

/** Safety-plan actions in the caller's jurisdiction; `overdue` keeps those open past their deadline. */
export async function listActions(
  deps: PreventionDeps,
  caller: Caller,
  query: { cursor?: string; limit: number; overdue?: boolean },
  agency?: Agency,
) {
  const now = deps.clock();
  const page = await storeListActions(deps.db, caller.user.jurisdiction, {
    cursor: query.cursor,
    limit: query.limit,
    agency,
    overdueAt: query.overdue ? now : undefined,
  });
  // One entry per action read, so an action's history shows each reader; one transaction for the page.
  await deps.db.transaction().execute(async (trx) => {
    for (const action of page.items) {
      await auditStaff(trx, caller, {
        action: 'prevention.action.read',
        target: { type: 'safety_plan_action', id: action.id },
        regionId: action.region_id,
        at: now,
      });
    }
  });
  return { items: page.items.map((a) => presentAction(deps, a, now)), nextCursor: page.nextCursor };
}

/** The agency a partner user speaks for; a partner without one sees nothing. */
async function agencyOf(deps: PreventionDeps, caller: Caller): Promise<Agency> {
  const agency = await partnerAgency(deps.db, caller.user.userId);
  if (!agency) throw new AppError('prevention.partner_without_agency');
  return agency;
}

/** A partner's own actions: only those assigned to their agency, inside their jurisdiction. */
export async function listPartnerActions(
  deps: PreventionDeps,
  caller: Caller,
  query: { cursor?: string; limit: number; overdue?: boolean },
) {
  return listActions(deps, caller, query, await agencyOf(deps, caller));
}

/** A partner marks one of their agency's actions done; another agency's action does not exist for them. */
export async function completePartnerAction(deps: PreventionDeps, caller: Caller, id: string): Promise<ActionView> {
  const agency = await agencyOf(deps, caller);
  const action = await findAction(deps.db, caller.user.jurisdiction, id);
  if (!action || action.agency !== agency) throw new AppError('prevention.action_not_found');
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const done = await storeCompleteAction(trx, action.id, caller.user.userId, now);
    if (!done) throw new AppError('prevention.action_completed');
    await auditStaff(trx, caller, {
      action: 'prevention.action.complete',
      target: { type: 'safety_plan_action', id: action.id },
      regionId: action.region_id,
      details: { agency },
      at: now,
    });
    return presentAction(deps, done, now);
  });
}

/** Says which agency a partner user acts for (national admins; the user must exist). */
export async function setPartnerAgency(deps: PreventionDeps, caller: Caller, userId: string, agency: Agency) {
  if (!isUuid(userId)) throw new AppError('user.not_found');
  const now = deps.clock();
  try {
    await deps.db.transaction().execute(async (trx) => {
      await storeSetPartnerAgency(trx, { userId, agency, by: caller.user.userId, now });
      await auditStaff(trx, caller, {
        action: 'prevention.partner_agency.set',
        target: { type: 'user', id: userId },
        regionId: null,
        details: { agency },
        at: now,
      });
    });
  } catch (error) {
    // The user is identity's; the foreign key is what says it exists.
    if ((error as { code?: string }).code === '23503') throw new AppError('user.not_found');
    throw error;
  }
  return { userId, agency };
}
