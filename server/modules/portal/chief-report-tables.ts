import type { ColumnType, Generated } from 'kysely';

/** A `date` column written as 'YYYY-MM-DD'; read it through to_char (the driver would make a local-time Date). */
type Day = ColumnType<string, string, string>;

export interface PortalChiefReportsTable {
  id: Generated<string>;
  region_id: string;
  /** Null for a region head's report. */
  district_id: string | null;
  period_start: Day;
  period_end: Day;
  state: 'draft' | 'published';
  /** Title and body by language (see chief-report-schema.ts); a draft may lack languages. */
  content: ColumnType<unknown, string, string>;
  created_at: Date;
  created_by: string | null;
  updated_at: Date;
  published_at: Date | null;
  published_by: string | null;
}

export interface PortalChiefReportQuestionsTable {
  id: Generated<string>;
  report_id: string;
  /** SHA-256 of the tracking code the asker holds; the code itself is never stored. */
  tracking_hash: string;
  display_name: string | null;
  text: string;
  /** SHA-256 of the normalised text, to spot the same question sent again. */
  text_hash: string;
  language: 'kk' | 'ru' | 'en';
  /** AES-256-GCM (field crypto) of the e-mail the asker left for a notification. */
  email_enc: string | null;
  /** The screen's reasons for a moderator to look twice (see chief-report-screen.ts). */
  flags: ColumnType<string[], string[], string[]>;
  state: 'pending' | 'approved' | 'rejected';
  received_at: Date;
  moderated_at: Date | null;
  moderated_by: string | null;
  reject_reason: string | null;
  answer: string | null;
  answered_at: Date | null;
  answered_by: string | null;
  /** When the asker was e-mailed the answer (the e-mail is erased then). */
  answer_mailed_at: ColumnType<Date | null, never, Date | null>;
}

declare module '../../db/tables.js' {
  interface Tables {
    portal_chief_reports: PortalChiefReportsTable;
    portal_chief_report_questions: PortalChiefReportQuestionsTable;
  }
}
