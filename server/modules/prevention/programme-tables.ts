import type { Generated } from 'kysely';

export const PROGRAMME_KINDS = ['psycho-correction', 'counselling', 'addiction'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];
/** Why the aggressor attends: the court's special requirements (CoAO art. 54), their own will, or the risk conference. */
export const ENROLMENT_BASES = ['court-order', 'voluntary', 'conference-referral'] as const;
export type EnrolmentBasis = (typeof ENROLMENT_BASES)[number];
export const ENROLMENT_STATUSES = ['enrolled', 'completed', 'dropped-out'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export interface ProgrammeProvidersTable {
  id: Generated<string>;
  region_id: string;
  name: string;
  kind: ProgrammeKind;
  created_by: string;
  created_at: Date;
}

export interface ProgrammeEnrolmentsTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  provider_id: string;
  region_id: string;
  district_id: string;
  beat_id: string;
  basis: EnrolmentBasis;
  order_id: string | null;
  sessions_planned: number;
  misses_allowed: number;
  status: Generated<EnrolmentStatus>;
  ended_at: Date | null;
  violation_id: string | null;
  enrolled_by: string;
  enrolled_at: Date;
}

export interface ProgrammeSessionsTable {
  id: Generated<string>;
  enrolment_id: string;
  case_id: string;
  region_id: string;
  /** A calendar day, YYYY-MM-DD. */
  held_on: string;
  attended: boolean;
  /** Field-encrypted free text; dropped by retention. */
  missed_reason_enc: string | null;
  recorded_by: string;
  recorded_at: Date;
}

declare module '../../db/tables.js' {
  interface Tables {
    programme_providers: ProgrammeProvidersTable;
    programme_enrolments: ProgrammeEnrolmentsTable;
    programme_sessions: ProgrammeSessionsTable;
  }
}
