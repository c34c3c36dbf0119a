import type { Generated } from 'kysely';

export interface IncidentsTable {
  id: Generated<string>;
  region_id: string;
  district_id: string | null;
  beat_id: string | null;
  h3: string | null;
  category: string;
  status: string;
  priority: number;
  source: string;
  occurred_at: Date;
  reported_at: Date;
  /** PostGIS geometry; read it through ST_AsGeoJSON, write it through ST_MakePoint. */
  location: unknown;
  created_at: Generated<Date>;
}

export interface OffenceCountsMonthlyTable {
  district_id: string;
  region_id: string;
  month: Date;
  category: string;
  count: number;
}

declare module '../../db/tables.js' {
  interface Tables {
    incidents: IncidentsTable;
    offence_counts_monthly: OffenceCountsMonthlyTable;
  }
}
