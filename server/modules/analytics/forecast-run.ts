import { rollingBacktest } from './backtest.js';
import { etasModel } from './etas.js';
import { kernelDensityModel, lastPeriodModel, longTermAverageModel, type ForecastModel } from './forecast.js';
import { FORECAST_SHARES, type ForecastModelName, type ForecastView } from './forecast-schema.js';
import { unprojectUtm } from './projection.js';
import { studyGrid, type SpaceTimeEvent, type StudyGrid } from './study-grid.js';

const DAY_MS = 86_400_000;
/** The longest window any model looks back over (ETAS's fit, the long-term average, the kernel density). */
export const MODEL_WINDOW_DAYS = 365;

/** The four models of issue 6, with windows and bandwidths fixed in advance (as in the command-line back-test). */
function models(cellSize: number): Record<ForecastModelName, ForecastModel> {
  return {
    etas: etasModel(),
    'last-period': lastPeriodModel(),
    kde: kernelDensityModel({ windowDays: MODEL_WINDOW_DAYS, bandwidth: 2 * cellSize }),
    'long-term-average': longTermAverageModel(MODEL_WINDOW_DAYS),
  };
}

export interface ForecastSettings {
  model: ForecastModelName;
  /** Start of the forecast period, in days since 1970. */
  start: number;
  horizonDays: number;
  cellSize: number;
  periods: number;
  /** The share of the study area whose cells are listed (one of FORECAST_SHARES). */
  share: number;
}

const toIso = (days: number) => new Date(Math.round(days * DAY_MS)).toISOString();
const finiteOrNull = (record: Record<string, number>) =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, Number.isFinite(value) ? value : null]));

/**
 * The forecast and its rolling back-test on events already projected to UTM `zone` (metres, days),
 * sorted by time and all before `start`: no database, so the service and the benchmark run the
 * very same computation.
 */
export function runForecast(events: readonly SpaceTimeEvent[], zone: number, settings: ForecastSettings): ForecastView {
  const { start, horizonDays, cellSize } = settings;
  const evaluationFrom = start - settings.periods * horizonDays;
  const all = models(cellSize);
  const evaluated = rollingBacktest(events, {
    from: evaluationFrom,
    to: start,
    horizon: horizonDays,
    cellSize,
    shares: FORECAST_SHARES,
    models: Object.values(all),
  });
  const grid = studyGrid(events, cellSize);
  const next = events.length === 0 ? null : all[settings.model].forecast({ history: events, grid, start, horizon: horizonDays });
  return {
    model: settings.model,
    start: toIso(start),
    end: toIso(start + horizonDays),
    horizonDays,
    cellSize,
    share: settings.share,
    historyFrom: toIso(evaluationFrom - MODEL_WINDOW_DAYS),
    incidents: events.length,
    studyCells: grid.size,
    params: next?.params ?? {},
    cells: next ? topCells(next.scores, grid, zone, settings.share) : [],
    evaluation: {
      periods: evaluated.periods,
      from: toIso(evaluationFrom),
      to: toIso(start),
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

/** The cells a patrol plan would get at each share up to `upTo`; cells scored 0 are never flagged. */
function topCells(scores: Float64Array, grid: StudyGrid, zone: number, upTo: number): ForecastView['cells'] {
  const shares = FORECAST_SHARES.filter((share) => share <= upTo);
  const flagged = shares.map((share) => Math.max(1, Math.round(share * grid.size)));
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
      share: shares[flagged.findIndex((count) => index < count)]!,
    };
  });
}
