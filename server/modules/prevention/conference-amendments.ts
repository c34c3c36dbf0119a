import { AppError } from '../../http/errors.js';
import { caseFor } from './case-access.js';
import { recordCaseStep } from './case-step.js';
import {
  amendDecision as storeAmendDecision,
  correctAttendance as storeCorrectAttendance,
  findDecision,
} from './conference-amendment-store.js';
import type { AttendanceCorrectionRequest, DecisionAmendmentRequest } from './conference-amendment-schema.js';
import { conferenceFor, readConference } from './conferences.js';
import { auditStaff, type PreventionDeps } from './deps.js';
import type { ConferenceView } from './schema.js';
import { isUuid, type Caller } from './scope.js';
import { writeOpenCase } from './case-write.js';

/**
 * Amends a recorded decision. The text it replaces is kept, encrypted, with the reason, so the
 * conference's record shows what was decided first and why it changed. An anonymised case's
 * decision stays blank: retention took its text and an amendment must not bring it back.
 */
export async function amendDecision(
  deps: PreventionDeps,
  caller: Caller,
  conferenceId: string,
  decisionId: string,
  input: DecisionAmendmentRequest,
): Promise<ConferenceView> {
  const conference = await conferenceFor(deps, caller.user.jurisdiction, conferenceId);
  const decision = isUuid(decisionId) ? await findDecision(deps.db, conference.id, decisionId) : undefined;
  if (!decision) throw new AppError('prevention.decision_not_found');
  const row = await caseFor(deps, caller.user.jurisdiction, decision.case_id);
  if (row.anonymised_at !== null) throw new AppError('prevention.case_anonymised');
  const now = deps.clock();
  await writeOpenCase(deps.db, row.id, async (trx) => {
    await storeAmendDecision(trx, {
      decision,
      decisionEnc: deps.fieldCrypto.encrypt(input.decision.trim()),
      reasonEnc: deps.fieldCrypto.encrypt(input.reason.trim()),
      by: caller.user.userId,
      now,
    });
    await recordCaseStep(trx, caller, row, {
      at: now,
      kind: 'conference.decision_amended',
      action: 'prevention.conference.decision_amend',
      details: { conferenceId: conference.id, decisionId: decision.id },
      audit: { target: { type: 'risk_conference', id: conference.id }, details: { caseId: row.id, decisionId: decision.id } },
    });
  });
  return readConference(deps, caller, conference.id);
}

/**
 * Corrects the recorded attendance with a reason; the list it replaces is kept. Attendance not
 * yet recorded is recorded, not corrected (409), so every change after the first has a reason.
 */
export async function correctAttendance(
  deps: PreventionDeps,
  caller: Caller,
  conferenceId: string,
  input: AttendanceCorrectionRequest,
): Promise<ConferenceView> {
  const conference = await conferenceFor(deps, caller.user.jurisdiction, conferenceId);
  if (conference.attended === null) throw new AppError('prevention.attendance_not_recorded');
  const uninvited = input.attended.filter((a) => !conference.agencies.includes(a));
  if (uninvited.length > 0) throw new AppError('prevention.agency_not_participating', { agencies: uninvited });
  const attended = conference.agencies.filter((a) => input.attended.includes(a));
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    await storeCorrectAttendance(trx, {
      conference,
      previous: conference.attended!,
      attended,
      reasonEnc: deps.fieldCrypto.encrypt(input.reason.trim()),
      by: caller.user.userId,
      now,
    });
    await auditStaff(trx, caller, {
      action: 'prevention.conference.attendance_correct',
      target: { type: 'risk_conference', id: conference.id },
      regionId: conference.region_id,
      details: { previous: conference.attended, attended },
      at: now,
    });
  });
  return readConference(deps, caller, conference.id);
}
