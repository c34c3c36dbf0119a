import type { Generated } from 'kysely';
import type { CaseCloseOutcome } from './case-closing-schema.js';

/** One close or reopen of a case; `_enc` columns are field-encrypted (server/secrets/field-crypto.ts). */
export interface DvCaseClosingsTable {
  id: Generated<string>;
  case_id: string;
  region_id: string;
  step: 'close' | 'reopen';
  outcome: CaseCloseOutcome | null;
  outcome_note_enc: string | null;
  reason_enc: string;
  /** What was still open when the closer confirmed closing anyway. */
  open_actions: Generated<number>;
  active_orders: Generated<number>;
  by_user: string;
  at: Date;
}

declare module '../../db/tables.js' {
  interface Tables {
    dv_case_closings: DvCaseClosingsTable;
  }
}
