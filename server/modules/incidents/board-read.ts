import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';

/** Where a count is taken: the caller's jurisdiction, as region, district and beat ids. */
export interface BoardArea {
  regionId?: string;
  districtId?: string;
  beatId?: string;
}

/** Statuses of an incident still being worked on: not yet resolved, closed, cancelled or merged. */
export const OPEN_INCIDENT_STATUSES = ['new', 'triaged', 'dispatched', 'en_route', 'on_scene'] as const;

export interface IncidentCount {
  regionId: string;
  districtId: string | null;
  priority: number;
  status: string;
  count: number;
}

function inArea(db: Db, area: BoardArea) {
  let query = db.selectFrom('incidents');
  if (area.regionId !== undefined) query = query.where('region_id', '=', area.regionId);
  if (area.districtId !== undefined) query = query.where('district_id', '=', area.districtId);
  if (area.beatId !== undefined) query = query.where('beat_id', '=', area.beatId);
  return query;
}

function counted(query: ReturnType<typeof inArea>): Promise<IncidentCount[]> {
  return query
    .select(['region_id as regionId', 'district_id as districtId', 'priority', 'status', sql<number>`count(*)::int`.as('count')])
    .groupBy(['region_id', 'district_id', 'priority', 'status'])
    .execute();
}

/** Open incidents in the area, counted by district, priority and status: the situation board's picture. */
export function openIncidentCounts(db: Db, area: BoardArea): Promise<IncidentCount[]> {
  return counted(inArea(db, area).where('status', 'in', [...OPEN_INCIDENT_STATUSES]));
}

/**
 * Incidents reported in [from, to) in the area, counted by district, priority and status (merged
 * duplicates left out: they are one incident, counted once under the one they joined).
 */
export function reportedIncidentCounts(db: Db, area: BoardArea, period: { from: Date; to: Date }): Promise<IncidentCount[]> {
  return counted(
    inArea(db, area).where('reported_at', '>=', period.from).where('reported_at', '<', period.to).where('status', '!=', 'merged'),
  );
}

export interface ClearanceCount {
  regionId: string;
  districtId: string | null;
  /** Reported in the period, less cancelled reports and merged duplicates. */
  reported: number;
  /** Resolved or closed, first recorded so before the period's end. */
  clearedByEnd: number;
  /** Resolved or closed, first recorded so at or after the period's end. */
  clearedLater: number;
  /** Resolved or closed with no time recorded (history imported without its timeline). */
  clearedUndated: number;
  /** Not resolved or closed now. */
  open: number;
}

/**
 * Incidents reported in [from, to) in the area, per district, by whether and when they were
 * resolved or closed: the data of a clearance rate. When is read from the incident's timeline.
 */
export async function clearanceCounts(db: Db, area: BoardArea, period: { from: Date; to: Date }): Promise<ClearanceCount[]> {
  const reported = inArea(db, area)
    .where('reported_at', '>=', period.from)
    .where('reported_at', '<', period.to)
    .where('status', 'not in', ['cancelled', 'merged'])
    .select([
      'region_id',
      'district_id',
      // A reopened incident counts as open whatever its timeline once said.
      sql<boolean>`status in ('resolved', 'closed')`.as('cleared'),
      sql<Date | null>`(select min(t.at) from incident_timeline t
        where t.incident_id = incidents.id and t.status in ('resolved', 'closed'))`.as('cleared_at'),
    ])
    .as('i');
  const count = (condition: ReturnType<typeof sql>) => sql<number>`(count(*) filter (where ${condition}))::int`;
  return db
    .selectFrom(reported)
    .select([
      'i.region_id as regionId',
      'i.district_id as districtId',
      sql<number>`count(*)::int`.as('reported'),
      count(sql`i.cleared and i.cleared_at < ${period.to}`).as('clearedByEnd'),
      count(sql`i.cleared and i.cleared_at >= ${period.to}`).as('clearedLater'),
      count(sql`i.cleared and i.cleared_at is null`).as('clearedUndated'),
      count(sql`not i.cleared`).as('open'),
    ])
    .groupBy(['i.region_id', 'i.district_id'])
    .execute();
}
