import type { Generated } from 'kysely';

export type IndicatorId = 'sense-of-safety' | 'safe-walking-alone' | 'road-deaths' | 'trust-in-police' | 'police-effectiveness';

export interface IndicatorObservationsTable {
  id: Generated<string>;
  indicator: IndicatorId;
  region_id: string;
  year: number;
  /** survey: `numerator` of `denominator` respondents; register: a count over the population. */
  kind: 'survey' | 'register';
  numerator: number;
  denominator: number;
  source: string;
  demo: boolean;
  recorded_at: Generated<Date>;
}

declare module '../../db/tables.js' {
  interface Tables {
    indicator_observations: IndicatorObservationsTable;
  }
}
