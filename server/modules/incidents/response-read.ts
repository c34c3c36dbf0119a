import { sql, type RawBuilder } from 'kysely';

export interface ResponseScope {
  regionId?: string;
  districtId?: string;
  beatId?: string;
}

/** One row of `measurableIncidents`. */
export interface MeasurableIncident {
  id: string;
  priority: number;
  region_id: string;
  district_id: string | null;
  reported_at: Date;
  /** The first time the incident was resolved, or null. */
  resolved_at: Date | null;
}

/**
 * Incidents reported in [from, to) in an area whose response can be timed, as a SQL source:
 * dispatch joins its own assignments to it, so a commander's percentiles stay one statement. A
 * duplicate merged into another is the same call twice, and imported history has no timeline to
 * measure; both are left out. Resolution is the first `resolved` entry on the timeline, since an
 * operator may resolve an incident that no unit attended.
 */
export function measurableIncidents(scope: ResponseScope, from: Date, to: Date): RawBuilder<MeasurableIncident> {
  const region = scope.regionId !== undefined ? sql`and i.region_id = ${scope.regionId}` : sql``;
  const district = scope.districtId !== undefined ? sql`and i.district_id = ${scope.districtId}` : sql``;
  const beat = scope.beatId !== undefined ? sql`and i.beat_id = ${scope.beatId}` : sql``;
  return sql<MeasurableIncident>`
    select i.id, i.priority, i.region_id, i.district_id, i.reported_at,
      (select min(t.at) from incident_timeline t where t.incident_id = i.id and t.status = 'resolved') as resolved_at
    from incidents i
    where i.reported_at >= ${from} and i.reported_at < ${to}
      and i.status <> 'merged' and i.source <> 'historical'
      ${region} ${district} ${beat}`;
}
