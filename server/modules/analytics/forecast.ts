import { quarticDensity } from './density.js';
import { countPerCell, firstAtOrAfter, type SpaceTimeEvent, type StudyGrid } from './study-grid.js';

/**
 * A forecast of the next period: a risk score per study cell, of which only the order matters
 * to hot-spot metrics. `history` is every event before `start`, sorted by time; a model must not
 * look at anything else.
 */
export interface ForecastInput {
  history: readonly SpaceTimeEvent[];
  grid: StudyGrid;
  start: number;
  horizon: number;
}

export interface Forecast {
  scores: Float64Array;
  /** What the model used or fitted, reported beside its evaluation. */
  params: Record<string, number>;
}

export interface ForecastModel {
  name: string;
  forecast(input: ForecastInput): Forecast;
}

function eventsSince(history: readonly SpaceTimeEvent[], from: number): readonly SpaceTimeEvent[] {
  return history.slice(firstAtOrAfter(history, from));
}

/** Last period: the counts of the period just before, as if crime stayed where it just was. */
export function lastPeriodModel(): ForecastModel {
  return {
    name: 'last-period',
    forecast: ({ history, grid, start, horizon }) => ({
      scores: countPerCell(grid, eventsSince(history, start - horizon)),
      params: { windowDays: horizon },
    }),
  };
}

/** Long-term average: each cell's mean count per period over a long window (a year by default). */
export function longTermAverageModel(windowDays = 365): ForecastModel {
  return {
    name: 'long-term-average',
    forecast: ({ history, grid, start, horizon }) => {
      const scores = countPerCell(grid, eventsSince(history, start - windowDays));
      for (let i = 0; i < scores.length; i++) scores[i]! *= horizon / windowDays;
      return { scores, params: { windowDays } };
    },
  };
}

/**
 * Retrospective kernel density: a quartic kernel over the window's events, read at each study
 * cell's centre (the classic hot-spot map used as a forecast).
 */
export function kernelDensityModel(options: { windowDays?: number; bandwidth: number }): ForecastModel {
  const windowDays = options.windowDays ?? 365;
  return {
    name: 'kde',
    forecast: ({ history, grid, start }) => {
      const surface = quarticDensity(eventsSince(history, start - windowDays), grid.bounds, options.bandwidth);
      const scores = new Float64Array(grid.size);
      for (let i = 0; i < grid.size; i++) scores[i] = surface[grid.rows[i]! * grid.bounds.columns + grid.columns[i]!]!;
      return { scores, params: { windowDays, bandwidth: options.bandwidth } };
    },
  };
}
