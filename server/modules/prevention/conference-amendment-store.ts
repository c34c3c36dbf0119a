import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import type { Agency } from './schema.js';

type Db = Kysely<Tables>;

/** A decision of the conference, or undefined (also for a malformed id: the caller checked the conference). */
export async function findDecision(db: Db, conferenceId: string, decisionId: string) {
  return db
    .selectFrom('risk_conference_decisions')
    .selectAll()
    .where('id', '=', decisionId)
    .where('conference_id', '=', conferenceId)
    .executeTakeFirst();
}

/** Replaces a decision's text, keeping the one it replaced and the reason in its history. */
export async function amendDecision(
  db: Db,
  input: {
    decision: {
      id: string;
      conference_id: string;
      case_id: string;
      region_id: string;
      district_id: string;
      decision_enc: string;
    };
    decisionEnc: string;
    reasonEnc: string;
    by: string;
    now: Date;
  },
): Promise<void> {
  const d = input.decision;
  await db
    .insertInto('risk_conference_decision_amendments')
    .values({
      decision_id: d.id,
      conference_id: d.conference_id,
      case_id: d.case_id,
      region_id: d.region_id,
      district_id: d.district_id,
      previous_decision_enc: d.decision_enc,
      reason_enc: input.reasonEnc,
      amended_by: input.by,
      amended_at: input.now,
    })
    .execute();
  await db
    .updateTable('risk_conference_decisions')
    .set({ decision_enc: input.decisionEnc, amended_at: input.now })
    .where('id', '=', d.id)
    .execute();
}

export async function decisionAmendments(db: Db, conferenceId: string) {
  return db
    .selectFrom('risk_conference_decision_amendments')
    .select(['decision_id', 'previous_decision_enc', 'reason_enc', 'amended_at'])
    .where('conference_id', '=', conferenceId)
    .orderBy('amended_at')
    .orderBy('id')
    .execute();
}

/** Records attendance the first time only; false when it was already recorded (a change is a correction). */
export async function recordAttendanceOnce(
  db: Db,
  input: { conferenceId: string; attended: Agency[]; by: string; now: Date },
): Promise<boolean> {
  const row = await db
    .updateTable('risk_conferences')
    .set({ attended: input.attended, attendance_recorded_by: input.by, attendance_recorded_at: input.now })
    .where('id', '=', input.conferenceId)
    .where('attended', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function correctAttendance(
  db: Db,
  input: {
    conference: { id: string; region_id: string; district_id: string };
    previous: Agency[];
    attended: Agency[];
    reasonEnc: string;
    by: string;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('risk_conference_attendance_corrections')
    .values({
      conference_id: input.conference.id,
      region_id: input.conference.region_id,
      district_id: input.conference.district_id,
      previous_attended: input.previous,
      attended: input.attended,
      reason_enc: input.reasonEnc,
      corrected_by: input.by,
      corrected_at: input.now,
    })
    .execute();
  await db
    .updateTable('risk_conferences')
    .set({ attended: input.attended, attendance_recorded_by: input.by, attendance_recorded_at: input.now })
    .where('id', '=', input.conference.id)
    .execute();
}

export async function attendanceCorrections(db: Db, conferenceId: string) {
  return db
    .selectFrom('risk_conference_attendance_corrections')
    .select(['previous_attended', 'attended', 'reason_enc', 'corrected_at'])
    .where('conference_id', '=', conferenceId)
    .orderBy('corrected_at')
    .orderBy('id')
    .execute();
}
