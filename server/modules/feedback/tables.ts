import type { Generated } from 'kysely';

export interface ServiceRatingsTable {
  id: Generated<string>;
  incident_id: string;
  region_id: string;
  district_id: string | null;
  score: number;
  /** The citizen's words may name people: field-encrypted. */
  comment_enc: string | null;
  channel: 'web' | 'telegram';
  unit_ids: string[];
  officer_ids: string[];
  rated_at: Date;
}

declare module '../../db/tables.js' {
  interface Tables {
    service_ratings: ServiceRatingsTable;
  }
}
