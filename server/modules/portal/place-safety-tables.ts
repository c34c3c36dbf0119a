import type { ColumnType, Generated } from 'kysely';
import type { Names } from '../geo/index.js';

/** PostGIS columns are read and written through SQL functions, never as raw values. */
type Geometry = ColumnType<unknown, never, never>;
/** A `date` column written as 'YYYY-MM-DD'; read it through to_char. */
type Day = ColumnType<string, string, string>;

export type PlaceKind = 'park' | 'mall' | 'market' | 'station' | 'entertainment';

export interface PortalPlacesTable {
  id: Generated<string>;
  kind: PlaceKind;
  names: ColumnType<Names, string, string>;
  region_id: string;
  district_id: string;
  beat_id: string | null;
  geom: Geometry;
  centre: Geometry;
  /** Set when the place was entered as a point and a radius (the outline is then its buffer). */
  radius_m: number | null;
  area_ha: number;
  visitor_hours_per_month: number | null;
  visitor_source: string | null;
  visitor_as_of: Day | null;
  /** Marks a demo place so the seed stays idempotent. */
  seed_key: string | null;
  created_at: Date;
  created_by: string | null;
  updated_at: Date;
  updated_by: string | null;
  /** Set while the place is retired: off the public pages, no reviews taken, its history kept. */
  retired_at: Date | null;
  retired_by: string | null;
  /** Plain, like the portal's other moderation reasons (see migration 0071). */
  retire_reason: string | null;
}

export interface PortalPlaceMonthsTable {
  place_id: string;
  month: Day;
}

export interface PortalPlaceCountsTable {
  place_id: string;
  month: Day;
  /** A data.police.uk street-level slug; sensitive categories are never counted here. */
  category: string;
  count: number;
}

export interface PortalPlaceReviewsTable {
  id: Generated<string>;
  place_id: string;
  stars: number;
  text: string | null;
  display_name: string | null;
  /** SHA-256 of the normalised text, to spot the same review sent again. */
  text_hash: string | null;
  language: 'kk' | 'ru' | 'en';
  flags: ColumnType<string[], string[], string[]>;
  state: 'pending' | 'approved' | 'rejected';
  received_at: Date;
  moderated_at: Date | null;
  moderated_by: string | null;
  reject_reason: string | null;
}

/** The true point of a published crime, frozen with its month; never read by a public route. */
export interface PortalCrimePointsTable {
  crime_id: number;
  month: Day;
  point: Geometry;
}

/** A published month whose crimes' true points are frozen. */
export interface PortalMonthPointsTable {
  month: Day;
}

declare module '../../db/tables.js' {
  interface Tables {
    portal_places: PortalPlacesTable;
    portal_place_months: PortalPlaceMonthsTable;
    portal_place_counts: PortalPlaceCountsTable;
    portal_place_reviews: PortalPlaceReviewsTable;
    portal_crime_points: PortalCrimePointsTable;
    portal_month_points: PortalMonthPointsTable;
  }
}
