import { AppError } from '../../http/errors.js';
import { caseFor } from './case-access.js';
import { recordCaseStep } from './case-step.js';
import { recordAttendanceOnce } from './conference-amendment-store.js';
import { insertDecision, listConferences as storeListConferences } from './conference-decision-store.js';
import { conferenceAgenda } from './conference-store.js';
import { conferenceFor, readConference } from './conferences.js';
import { auditStaff, type PreventionDeps } from './deps.js';
import type { AttendanceRequest, ConferenceDecisionRequest, ConferenceSummary, ConferenceView } from './schema.js';
import type { Caller } from './scope.js';
import { writeOpenCase } from './case-write.js';

/** The district's conferences in the caller's jurisdiction, latest first: dates, agencies, agenda size, open actions. */
export async function listConferences(deps: PreventionDeps, caller: Caller, page: { cursor?: string; limit: number }) {
  const result = await storeListConferences(deps.db, caller.user.jurisdiction, page);
  const items: ConferenceSummary[] = result.items.map((c) => ({
    id: c.id,
    regionId: c.region_id,
    districtId: c.district_id,
    scheduledAt: c.scheduled_at.toISOString(),
    agencies: c.agencies,
    attended: c.attended,
    agendaCount: Number(c.agenda_count),
    openActions: Number(c.open_actions),
  }));
  return { items, nextCursor: result.nextCursor };
}

/**
 * Records which of the invited agencies attended, once: a second record is refused (409) and a
 * change goes through a correction with a reason (conference-amendments.ts). An agency that was
 * not invited cannot have attended.
 */
export async function recordAttendance(
  deps: PreventionDeps,
  caller: Caller,
  conferenceId: string,
  input: AttendanceRequest,
): Promise<ConferenceView> {
  const conference = await conferenceFor(deps, caller.user.jurisdiction, conferenceId);
  if (conference.attended !== null) throw new AppError('prevention.attendance_already_recorded');
  const uninvited = input.attended.filter((a) => !conference.agencies.includes(a));
  if (uninvited.length > 0) throw new AppError('prevention.agency_not_participating', { agencies: uninvited });
  const now = deps.clock();
  // Kept in the invitation's order, so the record reads the same however the form sent it.
  const attended = conference.agencies.filter((a) => input.attended.includes(a));
  await deps.db.transaction().execute(async (trx) => {
    // Two chairs saving at once: the second finds it recorded.
    if (!(await recordAttendanceOnce(trx, { conferenceId: conference.id, attended, by: caller.user.userId, now })))
      throw new AppError('prevention.attendance_already_recorded');
    await auditStaff(trx, caller, {
      action: 'prevention.conference.attendance',
      target: { type: 'risk_conference', id: conference.id },
      regionId: conference.region_id,
      details: { attended },
      at: now,
    });
  });
  return readConference(deps, caller, conference.id);
}

/** Records the conference's decision on a case on its agenda; the text is encrypted, the case's timeline notes it. */
export async function recordDecision(
  deps: PreventionDeps,
  caller: Caller,
  conferenceId: string,
  input: ConferenceDecisionRequest,
): Promise<ConferenceView> {
  const conference = await conferenceFor(deps, caller.user.jurisdiction, conferenceId);
  const agenda = await conferenceAgenda(deps.db, conference.id);
  if (!agenda.some((r) => r.case_id === input.caseId)) throw new AppError('prevention.case_not_on_agenda');
  const row = await caseFor(deps, caller.user.jurisdiction, input.caseId);
  const now = deps.clock();
  await writeOpenCase(deps.db, row.id, async (trx) => {
    const decision = await insertDecision(trx, {
      conferenceId: conference.id,
      caseId: row.id,
      regionId: row.region_id,
      districtId: row.district_id,
      decisionEnc: deps.fieldCrypto.encrypt(input.decision.trim()),
      by: caller.user.userId,
      now,
    });
    await recordCaseStep(trx, caller, row, {
      at: now,
      kind: 'conference.decision',
      action: 'prevention.conference.decision',
      details: { conferenceId: conference.id, decisionId: decision.id },
      audit: { target: { type: 'risk_conference', id: conference.id }, details: { caseId: row.id, decisionId: decision.id } },
    });
  });
  return readConference(deps, caller, conference.id);
}
