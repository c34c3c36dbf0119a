import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import { jurisdictionFilter } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { measurableIncidents } from '../incidents/index.js';
import type { ResponseFigures, ResponseTimes, ResponseTimesQuery } from './response-times-schema.js';
import type { Staff } from './service.js';

const MAX_PERIOD_MS = 366 * 86_400_000;

interface FiguresRow {
  by_priority: number;
  by_district: number;
  priority: number | null;
  district_id: string | null;
  region_id: string | null;
  incidents: number;
  dispatch_n: number;
  dispatch_p50: number | null;
  dispatch_p90: number | null;
  scene_n: number;
  scene_p50: number | null;
  scene_p90: number | null;
  resolved_n: number;
  resolved_p50: number | null;
  resolved_p90: number | null;
}

// PostgreSQL answers count(*) as bigint (the pg driver hands it over as a string) and percentiles as
// double; a tenth of a second is finer than any response is timed, and spares readers 204.00000000000003.
const num = (value: number | string | null) => (value === null ? null : Math.round(Number(value) * 10) / 10);

function figures(row: FiguresRow): ResponseFigures {
  return {
    incidents: Number(row.incidents),
    toDispatch: { count: Number(row.dispatch_n), medianSeconds: num(row.dispatch_p50), p90Seconds: num(row.dispatch_p90) },
    toOnScene: { count: Number(row.scene_n), medianSeconds: num(row.scene_p50), p90Seconds: num(row.scene_p90) },
    toResolved: { count: Number(row.resolved_n), medianSeconds: num(row.resolved_p50), p90Seconds: num(row.resolved_p90) },
  };
}

const EMPTY: ResponseFigures = {
  incidents: 0,
  toDispatch: { count: 0, medianSeconds: null, p90Seconds: null },
  toOnScene: { count: 0, medianSeconds: null, p90Seconds: null },
  toResolved: { count: 0, medianSeconds: null, p90Seconds: null },
};

/**
 * One pass with grouping sets gives the whole jurisdiction, each priority and each district. The
 * first unit assigned and the first on scene come from dispatch's own `unit_assignments` (a
 * recalled unit still counts: it was sent, and it arrived); the incidents and their resolution
 * from the incidents module's source.
 */
async function queryFigures(db: Kysely<Tables>, scope: ReturnType<typeof jurisdictionFilter>, from: Date, to: Date) {
  const { rows } = await sql<FiguresRow>`
    with incident as (${measurableIncidents(scope, from, to)}),
    times as (
      select i.priority, i.region_id, i.district_id,
        extract(epoch from (select min(a.assigned_at) from unit_assignments a where a.incident_id = i.id) - i.reported_at)::float8 as to_dispatch,
        extract(epoch from (select min(a.on_scene_at) from unit_assignments a where a.incident_id = i.id) - i.reported_at)::float8 as to_scene,
        extract(epoch from i.resolved_at - i.reported_at)::float8 as to_resolved
      from incident i
    )
    select grouping(priority) as by_priority, grouping(district_id) as by_district, priority, region_id, district_id,
      count(*) as incidents,
      count(to_dispatch) as dispatch_n,
      percentile_cont(0.5) within group (order by to_dispatch) as dispatch_p50,
      percentile_cont(0.9) within group (order by to_dispatch) as dispatch_p90,
      count(to_scene) as scene_n,
      percentile_cont(0.5) within group (order by to_scene) as scene_p50,
      percentile_cont(0.9) within group (order by to_scene) as scene_p90,
      count(to_resolved) as resolved_n,
      percentile_cont(0.5) within group (order by to_resolved) as resolved_p50,
      percentile_cont(0.9) within group (order by to_resolved) as resolved_p90
    from times
    group by grouping sets ((), (priority), (region_id, district_id))
    order by priority nulls last, region_id nulls last, district_id nulls last`.execute(db);
  return rows;
}

/**
 * The commander's response times for incidents reported in [from, to) inside the caller's
 * jurisdiction: median and 90th percentile (continuous, as PostgreSQL's percentile_cont) of the
 * time from the report to dispatch, to on scene and to resolution, by priority and by district.
 */
export async function responseTimesFor(
  deps: { db: Kysely<Tables> },
  staff: Staff,
  query: ResponseTimesQuery,
): Promise<ResponseTimes> {
  const from = new Date(query.from);
  const to = new Date(query.to);
  if (!(from < to)) throw new AppError('request.invalid', { detail: '`from` must be before `to`' });
  if (to.getTime() - from.getTime() > MAX_PERIOD_MS)
    throw new AppError('request.invalid', { detail: 'a period of 366 days at most' });
  const rows = await queryFigures(deps.db, jurisdictionFilter(staff.jurisdiction), from, to);
  const overall = rows.find((r) => Number(r.by_priority) === 1 && Number(r.by_district) === 1);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    overall: overall ? figures(overall) : EMPTY,
    byPriority: rows.filter((r) => Number(r.by_priority) === 0).map((r) => ({ priority: Number(r.priority), ...figures(r) })),
    byDistrict: rows
      .filter((r) => Number(r.by_district) === 0)
      .map((r) => ({ regionId: r.region_id ?? '', districtId: r.district_id, ...figures(r) })),
  };
}
