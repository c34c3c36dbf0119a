import type { Jurisdiction } from '../../../common/roles.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../http/errors.js';
import { incidentPointsForAnalysis } from '../incidents/index.js';
import { narrowArea, parseCategories } from './area.js';
import { rollingBacktest } from './backtest.js';
import { etasModel } from './etas.js';
import { kernelDensityModel, lastPeriodModel, longTermAverageModel, type ForecastModel } from './forecast.js';
import { FORECAST_SHARES, type ForecastModelName, type ForecastQuery, type ForecastView } from './forecast-schema.js';
import { projectUtm, unprojectUtm, utmZone } from './projection.js';
import { studyGrid, type SpaceTimeEvent, type StudyGrid } from './study-grid.js';

const DAY_MS = 86_400_000;
/** The longest window any model looks back over (ETAS's fit, the long-term average, the kernel density). */
const MODEL_WINDOW_DAYS = 365;
/** ETAS is refitted for every back-tested period: this keeps one request to seconds, not minutes. */
export const MAX_FORECAST_INCIDENTS = 100_000;

/** The four models of issue 6, with windows and bandwidths fixed in advance (as in the command-line back-test). */
function models(cellSize: number): Record<ForecastModelName, ForecastModel> {
  return {
    etas: etasModel(),
    'last-period': lastPeriodModel(),
    kde: kernelDensityModel({ windowDays: MODEL_WINDOW_DAYS, bandwidth: 2 * cellSize }),
    'long-term-average': longTermAverageModel(MODEL_WINDOW_DAYS),
  };
}

const toDays = (date: Date) => date.getTime() / DAY_MS;
const toIso = (days: number) => new Date(Math.round(days * DAY_MS)).toISOString();
const finiteOrNull = (record: Record<string, number>) =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, Number.isFinite(value) ? value : null]));

/**
 * Next-period risk per square cell over the caller's area, and beside it every model's rolling
 * back-test over the periods just before, each forecast from the incidents before its period only.
 * A forecast needs one region at least: square metre cells across the whole country would span
 * eight UTM zones.
 */
export async function findForecast(db: Db, jurisdiction: Jurisdiction, query: ForecastQuery, now: Date): Promise<ForecastView> {
  const categories = parseCategories(query.categories);
  const area = narrowArea(jurisdiction, query);
  if (area.regionId === undefined) throw new AppError('analytics.area_required', {});
  const startDate = query.start === undefined ? now : new Date(query.start);
  if (startDate > now) throw new AppError('analytics.invalid_period', { start: query.start, now: now.toISOString() });

  const start = toDays(startDate);
  const evaluationFrom = start - query.periods * query.horizonDays;
  const historyFrom = evaluationFrom - MODEL_WINDOW_DAYS;
  const points = await incidentPointsForAnalysis(db, {
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
  const all = models(query.cellSize);
  const evaluated = rollingBacktest(events, {
    from: evaluationFrom,
    to: start,
    horizon: query.horizonDays,
    cellSize: query.cellSize,
    shares: FORECAST_SHARES,
    models: Object.values(all),
  });
  const grid = studyGrid(events, query.cellSize);
  const next =
    events.length === 0 ? null : all[query.model].forecast({ history: events, grid, start, horizon: query.horizonDays });

  return {
    model: query.model,
    start: startDate.toISOString(),
    end: toIso(start + query.horizonDays),
    horizonDays: query.horizonDays,
    cellSize: query.cellSize,
    historyFrom: toIso(historyFrom),
    incidents: events.length,
    studyCells: grid.size,
    params: next?.params ?? {},
    cells: next ? topCells(next.scores, grid, zone) : [],
    evaluation: {
      periods: evaluated.periods,
      from: toIso(evaluationFrom),
      to: startDate.toISOString(),
      crimes: events.filter((e) => e.t >= evaluationFrom).length,
      models: evaluated.models.map((m) => ({
        name: m.name,
        hitRate: finiteOrNull(m.hitRate),
        pai: finiteOrNull(m.pai),
        peiStar: finiteOrNull(m.peiStar),
      })),
    },
  };
}

/** The cells a patrol plan would get at 1% and 5% of the area; cells scored 0 are never flagged. */
function topCells(scores: Float64Array, grid: StudyGrid, zone: number): ForecastView['cells'] {
  const flagged = FORECAST_SHARES.map((share) => Math.max(1, Math.round(share * grid.size)));
  const order = Array.from(scores.keys())
    .filter((i) => scores[i]! > 0)
    .sort((a, b) => scores[b]! - scores[a]!)
    .slice(0, flagged.at(-1));
  const { originX, originY, cellSize } = grid.bounds;
  return order.map((cell, index) => {
    const x = originX + grid.columns[cell]! * cellSize;
    const y = originY + grid.rows[cell]! * cellSize;
    const corner = (dx: number, dy: number): [number, number] => {
      const { lon, lat } = unprojectUtm(x + dx * cellSize, y + dy * cellSize, zone);
      return [lon, lat];
    };
    return {
      rank: index + 1,
      score: scores[cell]!,
      centre: corner(0.5, 0.5),
      ring: [corner(0, 0), corner(1, 0), corner(1, 1), corner(0, 1), corner(0, 0)],
      share: FORECAST_SHARES[flagged.findIndex((count) => index < count)]!,
    };
  });
}
