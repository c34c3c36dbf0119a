import type { ColumnType, Generated } from 'kysely';
import type { Names } from '../geo/index.js';

/** PostGIS columns are read and written through SQL functions, never as raw values. */
type Geography = ColumnType<unknown, never, never>;
/** A `date` column, compared and written as 'YYYY-MM-DD'; read it through to_char, as the driver would make a local-time Date of it. */
type Day = ColumnType<string, string, string>;

export interface PortalMonthsTable {
  month: Day;
  published_at: Date;
  crimes: number;
}

export interface PortalLocationsTable {
  id: Generated<number>;
  h3: string;
  resolution: number;
  point: Geography;
  region_id: string;
  district_id: string;
  /** The "on or near" name in each language. */
  names: ColumnType<Names, string, string>;
}

export interface PortalCrimesTable {
  id: Generated<number>;
  persistent_id: string;
  month: Day;
  /** A data.police.uk slug. */
  category: string;
  region_id: string;
  /** Null when the crime has no published point (crimes-no-location). */
  location_id: number | null;
  outcome_code: string | null;
  outcome_month: Day | null;
}

export interface PortalAreaCountsTable {
  month: Day;
  category: string;
  level: 'country' | 'region' | 'district' | 'beat';
  area_id: string;
  region_id: string | null;
  /** Null when hidden; a zero shown is no row at all. */
  count: number | null;
  mark: 'count' | 'fewer-than-5' | 'withheld';
}

export interface PortalGuidesTable {
  id: Generated<string>;
  slug: string;
  kind: 'advice' | 'what-to-do';
  /** Pages a person may need to leave at once (domestic violence): a quick-exit button. */
  quick_exit: boolean;
  created_at: Date;
  created_by: string | null;
}

export interface PortalGuideVersionsTable {
  guide_id: string;
  version: number;
  state: 'draft' | 'in_review' | 'approved' | 'published';
  /** The text by language (see guide-schema.ts); a draft may lack languages. */
  content: ColumnType<unknown, string, string>;
  created_at: Date;
  created_by: string | null;
  /** The author's user name as it was then; null for seeded text. */
  created_by_name: string | null;
  submitted_at: Date | null;
  /** Set by a second editor, never the author; every published version has it. */
  approved_at: Date | null;
  approved_by: string | null;
  approved_by_name: string | null;
  published_at: Date | null;
  published_by: string | null;
}

declare module '../../db/tables.js' {
  interface Tables {
    portal_months: PortalMonthsTable;
    portal_locations: PortalLocationsTable;
    portal_crimes: PortalCrimesTable;
    portal_area_counts: PortalAreaCountsTable;
    portal_guides: PortalGuidesTable;
    portal_guide_versions: PortalGuideVersionsTable;
  }
}
