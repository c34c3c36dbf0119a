import type { Generated } from 'kysely';
import type { Agency } from './schema.js';

/** A decision's text before an amendment, and why it was amended (both encrypted). */
export interface RiskConferenceDecisionAmendmentsTable {
  id: Generated<string>;
  decision_id: string;
  conference_id: string;
  case_id: string;
  region_id: string;
  district_id: string;
  previous_decision_enc: string;
  reason_enc: string;
  amended_by: string;
  amended_at: Date;
}

/** A correction of a conference's recorded attendance: the list it replaced and why. */
export interface RiskConferenceAttendanceCorrectionsTable {
  id: Generated<string>;
  conference_id: string;
  region_id: string;
  district_id: string;
  previous_attended: Agency[];
  attended: Agency[];
  reason_enc: string;
  corrected_by: string;
  corrected_at: Date;
}

declare module '../../db/tables.js' {
  interface Tables {
    risk_conference_decision_amendments: RiskConferenceDecisionAmendmentsTable;
    risk_conference_attendance_corrections: RiskConferenceAttendanceCorrectionsTable;
  }
}
