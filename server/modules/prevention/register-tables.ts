import type { ColumnType, Generated } from 'kysely';
import type {
  RegisterAgency,
  RegisterContactKind,
  RegisterKind,
  RegisterLaw,
  RegisterOutcome,
} from '../../../common/register-kinds.js';

/** A calendar day: written and read as YYYY-MM-DD (read it through `::text`). */
type DayColumn = ColumnType<string, string, string>;

/** Every `_enc` column is field-encrypted (server/secrets/field-crypto.ts) and emptied when the entry ends. */
export interface PreventionRegisterEntriesTable {
  id: Generated<string>;
  entry_number: string;
  kind: RegisterKind;
  legal_basis: RegisterLaw;
  region_id: string;
  district_id: string;
  beat_id: string;
  status: Generated<'active' | 'closed'>;
  name_enc: string | null;
  iin_enc: string | null;
  iin_hash: string | null;
  address_enc: string | null;
  phone_enc: string | null;
  /** `{"lon":…,"lat":…}` of the home, encrypted: the map point is for the responsible team only. */
  location_enc: string | null;
  /** The decision the entry rests on (a court ruling, a commission's decision), free text. */
  decision_enc: string | null;
  start_date: DayColumn;
  review_date: DayColumn;
  end_date: DayColumn;
  responsible_officer_id: string | null;
  partner_agency: RegisterAgency | null;
  review_flagged_on: DayColumn | null;
  closed_at: Date | null;
  close_reason: 'expired' | 'review' | null;
  anonymised_at: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface PreventionRegisterContactsTable {
  id: Generated<string>;
  entry_id: string;
  region_id: string;
  kind: RegisterContactKind;
  due_date: DayColumn;
  planned_by: string;
  planned_at: Date;
  outcome: RegisterOutcome | null;
  outcome_note_enc: string | null;
  done_at: Date | null;
  recorded_by: string | null;
}

export interface PreventionRegisterReviewsTable {
  id: Generated<string>;
  entry_id: string;
  region_id: string;
  decision: 'extend' | 'close';
  previous_end_date: DayColumn;
  end_date: DayColumn;
  review_date: DayColumn | null;
  reason_enc: string | null;
  decided_by: string;
  decided_at: Date;
}

/** An entry handed from one officer to another; previous_officer_id is null when only a partner had it. */
export interface PreventionRegisterHandoversTable {
  id: Generated<string>;
  entry_id: string;
  region_id: string;
  previous_officer_id: string | null;
  new_officer_id: string;
  reason_enc: string | null;
  handed_by: string;
  handed_at: Date;
}

declare module '../../db/tables.js' {
  interface Tables {
    prevention_register_entries: PreventionRegisterEntriesTable;
    prevention_register_contacts: PreventionRegisterContactsTable;
    prevention_register_reviews: PreventionRegisterReviewsTable;
    prevention_register_handovers: PreventionRegisterHandoversTable;
  }
}
