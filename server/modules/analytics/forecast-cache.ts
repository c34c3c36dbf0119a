import type { ForecastView } from './forecast-schema.js';

/**
 * Computed forecasts by question and data, newest use kept: a forecast of a busy region takes
 * seconds of CPU, and an analyst who opens the page again, switches language or goes back to an
 * earlier choice asks the same question. A forecast still being computed is shared too, so a
 * second visit while the first waits does not fit it again; a failed one is forgotten.
 */
export interface ForecastCache {
  get(key: string, compute: () => Promise<ForecastView>): Promise<ForecastView>;
  readonly size: number;
}

export function createForecastCache(capacity = 32): ForecastCache {
  const entries = new Map<string, Promise<ForecastView>>();
  return {
    get(key, compute) {
      let value = entries.get(key);
      if (value) entries.delete(key);
      else {
        const computing = new Promise<ForecastView>((resolve) => resolve(compute()));
        computing.catch(() => entries.get(key) === computing && entries.delete(key));
        value = computing;
      }
      entries.set(key, value);
      while (entries.size > capacity) entries.delete(entries.keys().next().value!);
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}
