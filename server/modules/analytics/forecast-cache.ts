import type { ForecastView } from './forecast-schema.js';

/**
 * Computed forecasts by question and data, newest use kept: a forecast of a busy region takes
 * seconds of CPU, and an analyst who opens the page again, switches language or goes back to an
 * earlier choice asks the same question.
 */
export interface ForecastCache {
  get(key: string, compute: () => ForecastView): ForecastView;
  readonly size: number;
}

export function createForecastCache(capacity = 32): ForecastCache {
  const entries = new Map<string, ForecastView>();
  return {
    get(key, compute) {
      let value = entries.get(key);
      if (value) entries.delete(key);
      else value = compute();
      entries.set(key, value);
      while (entries.size > capacity) entries.delete(entries.keys().next().value!);
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}
