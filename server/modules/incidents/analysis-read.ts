import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';

/** An incident as the analytics engine reads it: a point, a time and a category, nothing else. */
export interface AnalysisPoint {
  /** Longitude and latitude (WGS 84). */
  x: number;
  y: number;
  at: Date;
  category: string;
  h3: string | null;
}

export interface AnalysisFilter {
  regionId?: string;
  districtId?: string;
  beatId?: string;
  from: Date;
  to: Date;
  categories: readonly string[];
}

/**
 * Located incidents that occurred in [from, to) in the given categories and area. Cancelled
 * reports and duplicates merged into another are left out: a duplicate would count as a repeat
 * at the very same place and time.
 */
export async function incidentPointsForAnalysis(db: Db, filter: AnalysisFilter): Promise<AnalysisPoint[]> {
  if (filter.categories.length === 0) return [];
  let query = db
    .selectFrom('incidents')
    .select(['occurred_at', 'category', 'h3', sql<number>`ST_X(location)`.as('x'), sql<number>`ST_Y(location)`.as('y')])
    .where('occurred_at', '>=', filter.from)
    .where('occurred_at', '<', filter.to)
    .where('category', 'in', [...filter.categories])
    .where('status', 'not in', ['cancelled', 'merged'])
    .where('location', 'is not', null);
  if (filter.regionId !== undefined) query = query.where('region_id', '=', filter.regionId);
  if (filter.districtId !== undefined) query = query.where('district_id', '=', filter.districtId);
  if (filter.beatId !== undefined) query = query.where('beat_id', '=', filter.beatId);
  const rows = await query.orderBy('occurred_at').execute();
  return rows.map((r) => ({ x: r.x, y: r.y, at: r.occurred_at, category: r.category, h3: r.h3 }));
}
