import { AppError } from '../../http/errors.js';
import { accessCase } from './case-access.js';
import { anonymisedAt, caseDecisions, caseOutcomes } from './case-export-store.js';
import type { CaseExport } from './case-export-schema.js';
import { caseDetails, listAssessments, type CaseRow } from './case-store.js';
import { caseActions, caseReferrals, partnerAgency } from './conference-store.js';
import { auditStaff, type PreventionDeps } from './deps.js';
import { initialsOf } from './masked-case.js';
import { caseOrders } from './order-store.js';
import { caseEnrolments, enrolmentSessions } from './programme-store.js';
import type { Caller } from './scope.js';

/** A reason shorter than this says nothing a reviewer could check (as for breaking the glass). */
export const FULL_EXPORT_REASON_MIN_LENGTH = 20;

/**
 * Whom a redacted export may go to: whoever may work the case. A full one, with names, IINs,
 * addresses, phones and free text, only the case team, with a written reason kept in the audit log.
 */
async function exportAccess(deps: PreventionDeps, caller: Caller, caseId: string, full: boolean, reason: string | undefined) {
  const { row, access } = await accessCase(deps, caller, caseId);
  if (!full) return row;
  if (access !== 'team') throw new AppError('prevention.full_export_team_only');
  if ((reason?.trim().length ?? 0) < FULL_EXPORT_REASON_MIN_LENGTH) throw new AppError('prevention.export_reason_required');
  return row;
}

/**
 * The case for printing or handing over. Redacted by default: people as role and initials; no
 * address, phone, IIN or free text (rationales, decisions, action descriptions, missed-session
 * reasons, statutes typed in); grades, dates, area and actions stay. Every export is audited,
 * a full one with its reason.
 */
export async function exportCase(
  deps: PreventionDeps,
  caller: Caller,
  caseId: string,
  query: { full?: boolean; reason?: string; format?: 'json' | 'pdf' },
): Promise<CaseExport> {
  const full = query.full === true;
  const row = await exportAccess(deps, caller, caseId, full, query.reason);
  const now = deps.clock();
  const exported = await buildExport(deps, caller, row, full, now);
  await auditStaff(deps.db, caller, {
    action: full ? 'prevention.case.export_full' : 'prevention.case.export',
    target: { type: 'dv_case', id: row.id },
    regionId: row.region_id,
    details: { format: query.format ?? 'json', ...(full && { reason: query.reason!.trim() }) },
    at: now,
  });
  return exported;
}

async function buildExport(deps: PreventionDeps, caller: Caller, row: CaseRow, full: boolean, now: Date): Promise<CaseExport> {
  // A partner on the team exports their own agency's part of the safety plan, as they read it.
  const roles = caller.user.roles;
  const partnerOnly =
    roles.includes('partner') && !roles.some((r) => r === 'officer' || r === 'supervisor' || r === 'prosecutor');
  const agency = partnerOnly ? await partnerAgency(deps.db, caller.user.userId) : undefined;
  const [details, assessments, orders, referrals, decisions, actions, enrolments, outcomes, anonymised] = await Promise.all([
    caseDetails(deps.db, row.id),
    listAssessments(deps.db, row.id),
    caseOrders(deps.db, row.id),
    caseReferrals(deps.db, row.id),
    caseDecisions(deps.db, row.id),
    caseActions(deps.db, row.id, agency),
    caseEnrolments(deps.db, row.id),
    caseOutcomes(deps.db, row.id),
    anonymisedAt(deps.db, row.id),
  ]);
  const sessions = await enrolmentSessions(
    deps.db,
    enrolments.map((e) => e.id),
  );
  const open = (sealed: string | null) => (sealed === null ? null : deps.fieldCrypto.decrypt(sealed));
  const iso = (at: Date) => at.toISOString();
  return {
    caseNumber: row.case_number,
    redacted: !full,
    exportedAt: iso(now),
    regionId: row.region_id,
    districtId: row.district_id,
    beatId: row.beat_id,
    status: row.status,
    riskGrade: row.risk_grade,
    openedAt: iso(row.created_at),
    anonymisedAt: anonymised ? iso(anonymised) : null,
    people: details.people.map((p) => {
      const name = deps.fieldCrypto.decrypt(p.name_enc);
      const person = { role: p.role, initials: initialsOf(name) };
      return full ? { ...person, name, iin: open(p.iin_enc), address: open(p.address_enc), phone: open(p.phone_enc) } : person;
    }),
    incidents: details.incidents.map((i) => ({ occurredAt: iso(i.occurred_at) })),
    assessments: assessments.map((a) => ({
      assessedAt: iso(a.assessed_at),
      instrumentVersion: a.instrument_version,
      yesCount: a.yes_count,
      scoreGrade: a.score_grade,
      finalGrade: a.final_grade,
      reason: a.reason,
      ...(full && { rationale: open(a.rationale_enc) }),
    })),
    orders: orders.map((o) => ({
      kind: o.kind,
      conditions: o.conditions,
      issuedAt: iso(o.issued_at),
      expiresAt: iso(o.expires_at),
      violations: Number(o.violations ?? 0),
    })),
    referrals: referrals.map((r) => ({ referredAt: iso(r.referred_at), criteria: r.criteria, isRepeat: r.is_repeat })),
    decisions: decisions.map((d) => ({ decidedAt: iso(d.decided_at), ...(full && { decision: open(d.decision_enc) }) })),
    actions: actions.map((a) => ({
      agency: a.agency,
      dueAt: iso(a.due_at),
      completedAt: a.completed_at ? iso(a.completed_at) : null,
      ...(full && { description: open(a.description_enc) }),
    })),
    programmes: enrolments.map((e) => {
      const own = sessions.filter((s) => s.enrolment_id === e.id);
      return {
        providerKind: e.provider_kind,
        basis: e.basis,
        sessionsPlanned: e.sessions_planned,
        attended: own.filter((s) => s.attended).length,
        missed: own.filter((s) => !s.attended).length,
        status: e.status,
        endedAt: e.ended_at ? iso(e.ended_at) : null,
        breachRecorded: e.violation_id !== null,
        ...(full && {
          provider: e.provider_name,
          missedReasons: own.flatMap((s) =>
            s.missed_reason_enc === null ? [] : [deps.fieldCrypto.decrypt(s.missed_reason_enc)],
          ),
        }),
      };
    }),
    outcomes: outcomes.map((o) => ({ kind: o.kind, occurredAt: iso(o.occurred_at) })),
    timeline: details.timeline.map((e) => ({ at: iso(e.at), kind: e.kind })),
  };
}
