import { sql } from 'kysely';
import { CIRCUMSTANCE_FIELDS, type CircumstanceField } from '../../../common/incident-circumstances.js';
import type { Db } from '../../db/connection.js';
import { CIRCUMSTANCE_COLUMN } from './circumstances.js';
import { NOT_RECORDED_STATUSES } from './publication-read.js';

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
  const rows = await located(db, filter).orderBy('occurred_at').execute();
  return rows.map(toPoint);
}

/**
 * One incident as `incidentPointsForAnalysis` would return it under the same filter, or null
 * when that read would leave it out: a live analysis adds an incident without re-reading the period.
 */
export async function incidentPointForAnalysis(db: Db, id: string, filter: AnalysisFilter): Promise<AnalysisPoint | null> {
  if (filter.categories.length === 0) return null;
  const row = await located(db, filter).where('id', '=', id).executeTakeFirst();
  return row ? toPoint(row) : null;
}

function located(db: Db, filter: AnalysisFilter) {
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
  return query;
}

function toPoint(r: { x: number; y: number; occurred_at: Date; category: string; h3: string | null }): AnalysisPoint {
  return { x: r.x, y: r.y, at: r.occurred_at, category: r.category, h3: r.h3 };
}

/** Incidents in one region and UTC hour: the finest grain local-time analysis needs, as Kazakhstan's offsets are whole hours. */
export interface HourCount {
  regionId: string;
  hour: Date;
  count: number;
}

export interface CountFilter extends AnalysisFilter {
  /**
   * Count recorded offences only, as the portal publishes them: reports still `new` (never
   * assessed) are left out too (`NOT_RECORDED_STATUSES`). Every count that is published or set
   * beside a published one (the National Report, the akim rating) asks for this. Left unset, a
   * count is of incoming demand, where a report nobody has assessed yet still matters.
   */
  recorded?: boolean;
}

function counted(db: Db, filter: CountFilter) {
  const leftOut = filter.recorded ? NOT_RECORDED_STATUSES : (['cancelled', 'merged'] as const);
  let query = db
    .selectFrom('incidents')
    .where('occurred_at', '>=', filter.from)
    .where('occurred_at', '<', filter.to)
    .where('category', 'in', [...filter.categories])
    .where('status', 'not in', [...leftOut]);
  if (filter.regionId !== undefined) query = query.where('region_id', '=', filter.regionId);
  if (filter.districtId !== undefined) query = query.where('district_id', '=', filter.districtId);
  if (filter.beatId !== undefined) query = query.where('beat_id', '=', filter.beatId);
  return query;
}

/**
 * Counts per region and hour of incidents in [from, to), located or not: cancelled and merged
 * reports left out, and those still `new` too when `recorded`.
 */
export async function incidentHoursForAnalysis(db: Db, filter: CountFilter): Promise<HourCount[]> {
  if (filter.categories.length === 0) return [];
  const hour = sql<Date>`date_trunc('hour', occurred_at)`;
  const rows = await counted(db, filter)
    .select(['region_id', hour.as('hour'), sql<number>`count(*)::int`.as('count')])
    .groupBy(['region_id', hour])
    .execute();
  return rows.map((r) => ({ regionId: r.region_id, hour: new Date(r.hour), count: r.count }));
}

/** Counts per region and category of incidents in [from, to). */
export async function incidentCountsForAnalysis(
  db: Db,
  filter: CountFilter,
): Promise<{ regionId: string; category: string; count: number }[]> {
  if (filter.categories.length === 0) return [];
  const rows = await counted(db, filter)
    .select(['region_id', 'category', sql<number>`count(*)::int`.as('count')])
    .groupBy(['region_id', 'category'])
    .execute();
  return rows.map((r) => ({ regionId: r.region_id, category: r.category, count: r.count }));
}

/** How many of the incidents a count would include are the demo seeder's generated history (`source = 'historical'`). */
export async function demoIncidentsForAnalysis(db: Db, filter: CountFilter): Promise<number> {
  if (filter.categories.length === 0) return 0;
  const row = await counted(db, filter)
    .where('source', '=', 'historical')
    .select(sql<number>`count(*)::int`.as('count'))
    .executeTakeFirst();
  return row?.count ?? 0;
}

/** How many incidents of a region and category had one value recorded for one circumstance. */
export interface CircumstanceCount {
  regionId: string;
  category: string;
  field: CircumstanceField;
  value: string;
  count: number;
}

/**
 * Counts per region, category, circumstance and recorded value of incidents in [from, to), with
 * the exclusions of the counts above. Values not recorded (null) are left out: the report counts
 * them as coverage from `incidentCountsForAnalysis`, never as a value.
 */
export async function incidentCircumstancesForAnalysis(db: Db, filter: CountFilter): Promise<CircumstanceCount[]> {
  if (filter.categories.length === 0) return [];
  // One pass over the period's incidents, unpivoted: a row per incident and recorded field.
  const recorded = counted(db, filter)
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom(
            sql<{ field: CircumstanceField; value: string | null }>`(values ${sql.join(
              CIRCUMSTANCE_FIELDS.map((field) => sql`(${field}, ${sql.ref(`incidents.${CIRCUMSTANCE_COLUMN[field]}`)})`),
            )})`.as(sql`c(field, value)`),
          )
          .selectAll()
          .as('c'),
      (join) => join.onTrue(),
    )
    .where('c.value', 'is not', null);
  const rows = await recorded
    .select(['region_id', 'category', 'c.field', 'c.value', sql<number>`count(*)::int`.as('count')])
    .groupBy(['region_id', 'category', 'c.field', 'c.value'])
    .execute();
  return rows.map((r) => ({ regionId: r.region_id, category: r.category, field: r.field, value: r.value!, count: r.count }));
}
