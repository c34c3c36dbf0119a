import type { ColumnType, Generated } from 'kysely';
import type { AnswerSource, Answer, RiskGrade } from '../../../common/risk-instruments.js';
import type { Agency, AssessmentReason, OrderCondition, ReferralCriterion } from './schema.js';

export type PersonRole = 'victim' | 'aggressor' | 'child' | 'other';

export interface DvCasesTable {
  id: Generated<string>;
  case_number: string;
  region_id: string;
  district_id: string;
  beat_id: string;
  /** PostGIS geometry of the victim's home; written through ST_MakePoint, never sent out. */
  location: unknown;
  status: Generated<'open' | 'closed'>;
  risk_grade: RiskGrade | null;
  needs_reassessment: Generated<boolean>;
  responsible_officer_id: string;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  /** When the case was closed, null while open; retention counts from it (case-closing.ts). */
  closed_at: Generated<Date | null>;
  /** Set when the retention job dropped the closed case's personal data (retention.ts). */
  anonymised_at: Generated<Date | null>;
}

/** Every `_enc` column is field-encrypted (server/secrets/field-crypto.ts). */
export interface DvCasePeopleTable {
  id: Generated<string>;
  case_id: string;
  region_id: string;
  role: PersonRole;
  name_enc: string;
  iin_enc: string | null;
  iin_hash: string | null;
  address_enc: string | null;
  phone_enc: string | null;
  added_at: Date;
}

export interface DvCaseIncidentsTable {
  case_id: string;
  incident_id: string;
  region_id: string;
  occurred_at: Date;
  linked_at: Date;
}

export interface DvCaseTimelineTable {
  id: Generated<number>;
  case_id: string;
  region_id: string;
  at: Date;
  kind: string;
  actor_id: string | null;
  legal_basis: string | null;
  /** Never personal data: ids, grades, counts. */
  details: ColumnType<Record<string, unknown>, string, string>;
}

export interface StoredAnswer {
  question: string;
  answer: Answer;
  source: AnswerSource;
}

export interface DvRiskAssessmentsTable {
  id: Generated<string>;
  case_id: string;
  region_id: string;
  instrument_version: string;
  answers: ColumnType<StoredAnswer[], string, string>;
  yes_count: number;
  score_grade: RiskGrade;
  final_grade: RiskGrade;
  rationale_enc: string | null;
  reason: AssessmentReason;
  incident_id: string | null;
  assessed_by: string;
  assessed_at: Date;
}

export interface DvCaseOutcomesTable {
  id: Generated<string>;
  case_id: string;
  region_id: string;
  kind: 'revictimised' | 'no-further-abuse';
  occurred_at: Date;
  incident_id: string | null;
  recorded_by: string;
  recorded_at: Date;
}

export interface RiskConferencesTable {
  id: Generated<string>;
  region_id: string;
  district_id: string;
  scheduled_at: Date;
  agencies: Agency[];
  /** The invited agencies that came; null until the chair records attendance. */
  attended: Agency[] | null;
  attendance_recorded_by: string | null;
  attendance_recorded_at: Date | null;
  created_by: string;
  created_at: Date;
}

export interface RiskConferenceDecisionsTable {
  id: Generated<string>;
  conference_id: string;
  case_id: string;
  region_id: string;
  district_id: string;
  decision_enc: string;
  decided_by: string;
  decided_at: Date;
  /** When the text was last amended (conference-amendments.ts); the replaced texts are kept. */
  amended_at: Generated<Date | null>;
}

export interface RiskReferralsTable {
  id: Generated<string>;
  case_id: string;
  region_id: string;
  district_id: string;
  beat_id: string;
  criteria: ReferralCriterion[];
  is_repeat: boolean;
  referred_at: Date;
  conference_id: string | null;
}

export interface SafetyPlanActionsTable {
  id: Generated<string>;
  case_id: string;
  conference_id: string;
  region_id: string;
  district_id: string;
  beat_id: string;
  agency: Agency;
  description_enc: string;
  due_at: Date;
  completed_at: Date | null;
  completed_by: string | null;
  created_by: string;
  created_at: Date;
}

export interface PreventionPartnerAgenciesTable {
  user_id: string;
  agency: Agency;
  assigned_by: string;
  assigned_at: Date;
}

export interface ProtectionOrdersTable {
  id: Generated<string>;
  case_id: string;
  region_id: string;
  district_id: string;
  beat_id: string;
  kind: 'police-protection' | 'court-special-requirements';
  conditions: OrderCondition[];
  legal_basis: string;
  location: unknown;
  issued_at: Date;
  expires_at: Date;
  issued_by: string;
}

export interface ProtectionOrderViolationsTable {
  id: Generated<string>;
  order_id: string;
  case_id: string;
  region_id: string;
  occurred_at: Date;
  legal_basis: string;
  incident_id: string | null;
  /** What happened, sealed; null when none was written (a programme's breach, or from before 0075). */
  description_enc: string | null;
  recorded_by: string;
  recorded_at: Date;
}

export interface CrisisCentresTable {
  id: Generated<string>;
  region_id: string;
  name: string;
  kind: 'crisis-centre' | 'shelter';
  phone: string | null;
  beds_total: number;
  beds_occupied: Generated<number>;
  accepts_children: boolean;
  occupancy_updated_at: Date;
  created_at: Date;
}

export interface CrisisCentreReferralsTable {
  id: Generated<string>;
  centre_id: string;
  case_id: string | null;
  region_id: string;
  beds: number;
  status: 'pending' | 'accepted' | 'refused';
  /** Only in rows from before 0072 not yet sealed at start; new reasons are in `refusal_reason_enc`. */
  refusal_reason: string | null;
  refusal_reason_enc: string | null;
  referred_by: string;
  referred_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
}

export interface DvCaseTeamTable {
  case_id: string;
  user_id: string;
  region_id: string;
  added_by: string;
  added_at: Date;
}

export interface DvCaseBreakGlassTable {
  id: Generated<string>;
  case_id: string;
  region_id: string;
  user_id: string;
  username: string;
  reason_enc: string;
  at: Date;
}

export type ReminderKind = 'order-expiring' | 'action-overdue' | 'break-glass';

export interface PreventionRemindersTable {
  id: Generated<string>;
  kind: ReminderKind;
  item_id: string;
  /** The calendar day (UTC, YYYY-MM-DD) the reminder is for: one per item per day. */
  day: ColumnType<string, string, string>;
  case_id: string;
  case_number: string;
  region_id: string;
  district_id: string;
  beat_id: string;
  recipient_user_id: string | null;
  recipient_agency: Agency | null;
  due_at: Date;
  created_at: Date;
}

declare module '../../db/tables.js' {
  interface Tables {
    dv_cases: DvCasesTable;
    dv_case_people: DvCasePeopleTable;
    dv_case_incidents: DvCaseIncidentsTable;
    dv_case_timeline: DvCaseTimelineTable;
    dv_risk_assessments: DvRiskAssessmentsTable;
    dv_case_outcomes: DvCaseOutcomesTable;
    risk_conferences: RiskConferencesTable;
    risk_referrals: RiskReferralsTable;
    risk_conference_decisions: RiskConferenceDecisionsTable;
    safety_plan_actions: SafetyPlanActionsTable;
    prevention_partner_agencies: PreventionPartnerAgenciesTable;
    protection_orders: ProtectionOrdersTable;
    protection_order_violations: ProtectionOrderViolationsTable;
    crisis_centres: CrisisCentresTable;
    crisis_centre_referrals: CrisisCentreReferralsTable;
    dv_case_team: DvCaseTeamTable;
    dv_case_break_glass: DvCaseBreakGlassTable;
    prevention_reminders: PreventionRemindersTable;
  }
}
