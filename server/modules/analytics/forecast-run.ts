import { periodStarts, scorePeriods, summarise, type PeriodScores } from './backtest.js';
import { etasModel } from './etas.js';
import { kernelDensityModel, lastPeriodModel, longTermAverageModel, type Forecast, type ForecastModel } from './forecast.js';
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
 * The back-test's periods and the next period's forecast are fitted in this many runs of
 * consecutive fits, each with models of its own (ETAS learns from one period to the next within a
 * run), so a pool of workers can fit them side by side. Fixed, not the number of cores, so the
 * answer is the same on every machine.
 */
export const FORECAST_RUNS = 2;

/** One run: the back-test periods starting at `starts`, then the next period's forecast if `next`. */
export interface ForecastPart {
  starts: number[];
  next: boolean;
}

export interface ForecastPartResult {
  scores: PeriodScores[];
  /** Each model's parameters of its last period in the run. */
  params: Record<string, number>[];
  next: Forecast | null;
}

/** The runs of a forecast, in order: the fits (periods, then the next forecast) split evenly. */
export function forecastParts(settings: ForecastSettings): ForecastPart[] {
  const { start, horizonDays } = settings;
  const starts = periodStarts({ from: start - settings.periods * horizonDays, to: start, horizon: horizonDays });
  const size = Math.ceil((starts.length + 1) / FORECAST_RUNS);
  return Array.from({ length: FORECAST_RUNS }, (_, k) => ({
    starts: starts.slice(k * size, (k + 1) * size),
    next: k === FORECAST_RUNS - 1,
  }));
}

/**
 * One run of the forecast on events already projected to UTM (metres, days), sorted by time and
 * all before the forecast's start: no database and nothing shared, so a worker can run it.
 */
export function runForecastPart(
  events: readonly SpaceTimeEvent[],
  settings: ForecastSettings,
  part: ForecastPart,
): ForecastPartResult {
  const { start, horizonDays, cellSize } = settings;
  const grid = studyGrid(events, cellSize);
  const all = models(cellSize);
  const { scores, params } = scorePeriods(events, grid, part.starts, {
    horizon: horizonDays,
    shares: FORECAST_SHARES,
    models: Object.values(all),
  });
  const next =
    part.next && events.length > 0 ? all[settings.model].forecast({ history: events, grid, start, horizon: horizonDays }) : null;
  return { scores, params, next };
}

/**
 * The forecast and its rolling back-test on events already projected to UTM `zone`, run by run
 * in this thread: the service hands the runs to its worker pool instead, with the same answer.
 */
export function runForecast(events: readonly SpaceTimeEvent[], zone: number, settings: ForecastSettings): ForecastView {
  const parts = forecastParts(settings).map((part) => runForecastPart(events, settings, part));
  return assembleForecast(events, zone, settings, parts);
}

/** The view of a forecast from its runs' results (in the order of `forecastParts`). */
export function assembleForecast(
  events: readonly SpaceTimeEvent[],
  zone: number,
  settings: ForecastSettings,
  parts: readonly ForecastPartResult[],
): ForecastView {
  const { start, horizonDays, cellSize } = settings;
  const evaluationFrom = start - settings.periods * horizonDays;
  const grid = studyGrid(events, cellSize);
  const scores = parts.flatMap((part) => part.scores);
  const names = Object.keys(models(cellSize));
  const params = parts.findLast((part) => part.scores.length > 0)?.params ?? names.map(() => ({}));
  const next = parts.at(-1)?.next ?? null;
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
      periods: scores.length,
      from: toIso(evaluationFrom),
      to: toIso(start),
      crimes: events.filter((e) => e.t >= evaluationFrom).length,
      models: summarise(scores, names, FORECAST_SHARES, params).map((m) => ({
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
