import { createHash } from 'node:crypto';
import type { Jurisdiction } from '../../../common/roles.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../http/errors.js';
import { incidentPointsForAnalysis } from '../incidents/index.js';
import { narrowArea, parseCategories } from './area.js';
import type { ForecastCache } from './forecast-cache.js';
import type { ForecastPool } from './forecast-pool.js';
import { MODEL_WINDOW_DAYS } from './forecast-run.js';
import { FORECAST_LIMITS, FORECAST_SHARES, type ForecastQuery, type ForecastView } from './forecast-schema.js';
import { projectUtm, utmZone } from './projection.js';
import type { SpaceTimeEvent } from './study-grid.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/**
 * ETAS is refitted for every back-tested period: this keeps one request to seconds, not minutes.
 * Room for the benchmark's 421 days of Philadelphia's crime (180,748), more than any region here
 * records; the fit runs on worker threads, so a large one holds no other request.
 */
export const MAX_FORECAST_INCIDENTS = 200_000;

const toDays = (date: Date) => date.getTime() / DAY_MS;

/** Refuses options outside FORECAST_LIMITS (and a share that is not one of FORECAST_SHARES) before anything is read. */
function checkForecastOptions(query: Pick<ForecastQuery, 'horizonDays' | 'cellSize' | 'periods' | 'share'>): void {
  const within = (value: number, { min, max }: { min: number; max: number }) =>
    Number.isInteger(value) && value >= min && value <= max;
  const valid =
    within(query.horizonDays, FORECAST_LIMITS.horizonDays) &&
    within(query.cellSize, FORECAST_LIMITS.cellSize) &&
    within(query.periods, FORECAST_LIMITS.periods) &&
    (FORECAST_SHARES as readonly number[]).includes(query.share);
  if (!valid) {
    const { horizonDays, cellSize, periods, share } = query;
    throw new AppError('analytics.forecast_options_invalid', { horizonDays, cellSize, periods, share });
  }
}

/**
 * Next-period risk per square cell over the caller's area, and beside it every model's rolling
 * back-test over the periods just before, each forecast from the incidents before its period only.
 * A forecast needs one region at least: square metre cells across the whole country would span
 * eight UTM zones. Without `start` the forecast starts at the beginning of the current hour, so
 * every visit within the hour asks the same question and the cache can answer it.
 */
export async function findForecast(
  deps: { db: Db; cache: ForecastCache; pool: ForecastPool },
  jurisdiction: Jurisdiction,
  query: ForecastQuery,
  now: Date,
): Promise<ForecastView> {
  checkForecastOptions(query);
  const categories = parseCategories(query.categories);
  const area = narrowArea(jurisdiction, query);
  if (area.regionId === undefined) throw new AppError('analytics.area_required', {});
  const startDate = query.start === undefined ? new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS) : new Date(query.start);
  if (startDate > now) throw new AppError('analytics.invalid_period', { start: query.start, now: now.toISOString() });

  const start = toDays(startDate);
  const historyFrom = start - query.periods * query.horizonDays - MODEL_WINDOW_DAYS;
  const points = await incidentPointsForAnalysis(deps.db, {
    ...area,
    from: new Date(historyFrom * DAY_MS),
    to: startDate,
    categories,
  });
  if (points.length > MAX_FORECAST_INCIDENTS) {
    throw new AppError('analytics.too_many_events', { count: points.length, max: MAX_FORECAST_INCIDENTS });
  }
  const zone = utmZone(points.reduce((sum, p) => sum + p.x, 0) / Math.max(1, points.length));
  const events: SpaceTimeEvent[] = points.map((p) => ({ ...projectUtm(p.x, p.y, zone), t: toDays(p.at) }));
  const settings = {
    model: query.model,
    start,
    horizonDays: query.horizonDays,
    cellSize: query.cellSize,
    periods: query.periods,
    share: query.share,
  };
  // The key holds the data itself (a digest of every point read), so a late report, a
  // cancellation or a merge in the window is a new key, never a stale answer.
  const key = JSON.stringify({ ...settings, zone, data: digest(events) });
  return deps.cache.get(key, () => deps.pool.forecast(events, zone, settings));
}

function digest(events: readonly SpaceTimeEvent[]): string {
  const values = new Float64Array(events.length * 3);
  events.forEach((e, i) => values.set([e.x, e.y, e.t], i * 3));
  return createHash('sha256').update(values).digest('base64url');
}
