import { forecastMetrics } from './evaluation.js';
import type { ForecastModel } from './forecast.js';
import { countPerCell, firstAtOrAfter, studyGrid, type SpaceTimeEvent } from './study-grid.js';

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

/**
 * Rolling-origin back-test: each period is forecast from the events before it only, then scored
 * against what happened in it.
 */
export function rollingBacktest(events: readonly SpaceTimeEvent[], options: BacktestOptions): BacktestResult {
  const sorted = [...events].sort((a, b) => a.t - b.t);
  const grid = studyGrid(sorted, options.cellSize);
  const sums = options.models.map(() => options.shares.map(() => ({ pai: 0, hitRate: 0, peiStar: 0, periods: 0 })));
  const params = options.models.map(() => ({}) as Record<string, number>);
  let periods = 0;
  for (let start = options.from; start + options.horizon <= options.to; start += options.horizon) {
    periods++;
    const history = sorted.slice(0, firstAtOrAfter(sorted, start));
    const observed = countPerCell(grid, sorted.slice(history.length, firstAtOrAfter(sorted, start + options.horizon)));
    options.models.forEach((model, m) => {
      const forecast = model.forecast({ history, grid, start, horizon: options.horizon });
      params[m] = forecast.params;
      options.shares.forEach((share, s) => {
        const metrics = forecastMetrics(forecast.scores, observed, share);
        if (!metrics) return;
        const sum = sums[m]![s]!;
        sum.pai += metrics.pai;
        sum.hitRate += metrics.hitRate;
        sum.peiStar += metrics.peiStar;
        sum.periods++;
      });
    });
  }
  const mean = (m: number, metric: 'pai' | 'hitRate' | 'peiStar') =>
    Object.fromEntries(
      options.shares.map((share, s) => [String(share), sums[m]![s]!.periods ? sums[m]![s]![metric] / sums[m]![s]!.periods : NaN]),
    );
  return {
    periods,
    cells: grid.size,
    models: options.models.map((model, m) => ({
      name: model.name,
      params: params[m]!,
      pai: mean(m, 'pai'),
      hitRate: mean(m, 'hitRate'),
      peiStar: mean(m, 'peiStar'),
    })),
  };
}
