import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { createForecastPool, spawnForecastWorker } from './forecast-pool.js';
import { runForecast, type ForecastSettings } from './forecast-run.js';
import { seededRandom } from './random.js';
import type { SpaceTimeEvent } from './study-grid.js';

/** Repeats around a few hundred addresses of a 4 km square over 420 days, sorted by time. */
function addresses(count: number): SpaceTimeEvent[] {
  const random = seededRandom(17);
  const places = Array.from({ length: 300 }, () => ({ x: 500_000 + 4000 * random(), y: 4_800_000 + 4000 * random() }));
  return Array.from({ length: count }, () => {
    const place = places[Math.floor(random() ** 2 * places.length)]!;
    return { x: place.x + 30 * random(), y: place.y + 30 * random(), t: 17_000 + 420 * random() };
  }).sort((a, b) => a.t - b.t);
}

const events = addresses(6000);
const settings: ForecastSettings = { model: 'etas', start: 17_420, horizonDays: 7, cellSize: 250, periods: 6, share: 0.05 };

describe('forecast worker pool', () => {
  let spawned = 0;
  const pool = createForecastPool({ size: 2, spawn: () => (spawned++, spawnForecastWorker()) });
  afterAll(() => pool.close());

  it('answers exactly as the forecast computed in this thread, its runs fitted side by side', { timeout: 120_000 }, async () => {
    const view = await pool.forecast(events, 32, settings);
    expect(view.evaluation.periods).toBe(6);
    expect(view.cells.length).toBeGreaterThan(0);
    expect(view).toEqual(runForecast(events, 32, settings));
    expect(spawned).toBe(2);
  });

  it('leaves this thread free while the workers fit', { timeout: 120_000 }, async () => {
    // Fitted in this thread, the forecast would hold the event loop from start to end: no tick.
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 1);
    try {
      await pool.forecast(events, 32, { ...settings, model: 'kde' });
    } finally {
      clearInterval(ticker);
    }
    expect(ticks).toBeGreaterThan(2);
  });

  it('hands back a failing forecast’s error, and keeps its workers', { timeout: 120_000 }, async () => {
    await expect(pool.forecast(events, 32, { ...settings, cellSize: 0 })).rejects.toThrow('cellSize must be positive');
    const before = spawned;
    expect((await pool.forecast(events, 32, { ...settings, model: 'last-period' })).evaluation.periods).toBe(6);
    expect(spawned).toBe(before);
  });
});

describe('a forecast worker that dies', () => {
  it('fails its forecast with an error, and a new worker takes the next', { timeout: 120_000 }, async () => {
    let spawned = 0;
    // The first worker exits as its first run arrives, as one that ran out of memory would.
    const dying = () =>
      new Worker("require('node:worker_threads').parentPort.on('message', () => process.exit(7))", { eval: true });
    const pool = createForecastPool({ size: 1, spawn: () => (spawned++ === 0 ? dying() : spawnForecastWorker()) });
    try {
      const few = { ...settings, model: 'last-period' as const };
      await expect(pool.forecast(events, 32, few)).rejects.toThrow('exit code 7');
      expect(await pool.forecast(events, 32, few)).toEqual(runForecast(events, 32, few));
      expect(spawned).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('refuses forecasts once the pool is closed', async () => {
    const pool = createForecastPool({ size: 1 });
    await pool.close();
    await expect(pool.forecast(events, 32, settings)).rejects.toThrow('closed');
  });
});
