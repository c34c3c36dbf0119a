import type { ColumnType } from 'kysely';

export interface Open311RequestsTable {
  incident_id: string;
  service_code: string;
  region_id: string;
  api_key_id: string;
  requested_at: Date;
  /** The client's answers to the service's attributes, by attribute code. */
  attributes: ColumnType<Record<string, string | string[]>, string, string>;
  /** Null for a confidential service: its description is the police's alone. */
  public_description: string | null;
}

declare module '../../../db/tables.js' {
  interface Tables {
    open311_requests: Open311RequestsTable;
  }
}
