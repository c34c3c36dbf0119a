import type { ForecastPart, ForecastPartResult, ForecastSettings } from './forecast-run.js';
import type { SpaceTimeEvent } from './study-grid.js';

/** One run of a forecast for a worker (which runs one at a time): the events as x, y, t triples. */
export interface ForecastJob {
  events: Float64Array;
  settings: ForecastSettings;
  part: ForecastPart;
}

export type ForecastReply = { result: ForecastPartResult } | { error: { name: string; message: string; stack?: string } };

/** Events as one typed array: a worker receives them as a single copy, not 180,000 objects. */
export function packEvents(events: readonly SpaceTimeEvent[]): Float64Array {
  const values = new Float64Array(events.length * 3);
  events.forEach((e, i) => {
    values[3 * i] = e.x;
    values[3 * i + 1] = e.y;
    values[3 * i + 2] = e.t;
  });
  return values;
}

export function unpackEvents(values: Float64Array): SpaceTimeEvent[] {
  return Array.from({ length: values.length / 3 }, (_, i) => ({
    x: values[3 * i]!,
    y: values[3 * i + 1]!,
    t: values[3 * i + 2]!,
  }));
}
