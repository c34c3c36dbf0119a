import { forecastMetrics, type ForecastMetrics } from './evaluation.js';
import type { ForecastModel } from './forecast.js';
import { countPerCell, firstAtOrAfter, studyGrid, type SpaceTimeEvent, type StudyGrid } from './study-grid.js';

export interface BacktestOptions {
  /** First forecast period starts here (days); periods of `horizon` days follow while they end by `to`. */
  from: number;
  to: number;
  horizon: number;
  cellSize: number;
  /** Shares of the study area flagged as hot spots, e.g. 0.01 and 0.05. */
  shares: readonly number[];
  models: readonly ForecastModel[];
}

export interface ModelEvaluation {
  name: string;
  /** Parameters of the last period's forecast (fitted ones for ETAS). */
  params: Record<string, number>;
  /** Means over the periods that had at least one crime, keyed by share. */
  pai: Record<string, number>;
  hitRate: Record<string, number>;
  peiStar: Record<string, number>;
}

export interface BacktestResult {
  periods: number;
  cells: number;
  models: ModelEvaluation[];
}

/** One period's metrics per model and share (null where the period had no crime). */
export type PeriodScores = (ForecastMetrics | null)[][];

/** The starts of the periods of `horizon` days from `from` that end by `to`. */
export function periodStarts(options: Pick<BacktestOptions, 'from' | 'to' | 'horizon'>): number[] {
  const starts: number[] = [];
  for (let start = options.from; start + options.horizon <= options.to; start += options.horizon) starts.push(start);
  return starts;
}

/**
 * Forecasts and scores the periods starting at `starts` (in order), each from the events before
 * it only; `sorted` is sorted by time and `grid` its study grid. Models that learn from one
 * period to the next (ETAS) carry over between the periods of one call, so a back-test can be
 * split into runs of consecutive periods, each with models of its own.
 */
export function scorePeriods(
  sorted: readonly SpaceTimeEvent[],
  grid: StudyGrid,
  starts: readonly number[],
  options: Pick<BacktestOptions, 'horizon' | 'shares' | 'models'>,
): { scores: PeriodScores[]; params: Record<string, number>[] } {
  const params = options.models.map(() => ({}) as Record<string, number>);
  const scores = starts.map((start) => {
    const history = sorted.slice(0, firstAtOrAfter(sorted, start));
    const observed = countPerCell(grid, sorted.slice(history.length, firstAtOrAfter(sorted, start + options.horizon)));
    return options.models.map((model, m) => {
      const forecast = model.forecast({ history, grid, start, horizon: options.horizon });
      params[m] = forecast.params;
      return options.shares.map((share) => forecastMetrics(forecast.scores, observed, share));
    });
  });
  return { scores, params };
}

/** Each model's mean metrics over the periods, summed in period order. */
export function summarise(
  periods: readonly PeriodScores[],
  names: readonly string[],
  shares: readonly number[],
  params: readonly Record<string, number>[],
): ModelEvaluation[] {
  const mean = (m: number, metric: keyof ForecastMetrics) =>
    Object.fromEntries(
      shares.map((share, s) => {
        let [sum, count] = [0, 0];
        for (const period of periods) {
          const metrics = period[m]![s];
          if (metrics) [sum, count] = [sum + metrics[metric], count + 1];
        }
        return [String(share), count ? sum / count : NaN];
      }),
    );
  return names.map((name, m) => ({
    name,
    params: params[m]!,
    pai: mean(m, 'pai'),
    hitRate: mean(m, 'hitRate'),
    peiStar: mean(m, 'peiStar'),
  }));
}

/**
 * Rolling-origin back-test: each period is forecast from the events before it only, then scored
 * against what happened in it.
 */
export function rollingBacktest(events: readonly SpaceTimeEvent[], options: BacktestOptions): BacktestResult {
  const sorted = [...events].sort((a, b) => a.t - b.t);
  const grid = studyGrid(sorted, options.cellSize);
  const { scores, params } = scorePeriods(sorted, grid, periodStarts(options), options);
  return {
    periods: scores.length,
    cells: grid.size,
    models: summarise(
      scores,
      options.models.map((model) => model.name),
      options.shares,
      params,
    ),
  };
}
