import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ForecastView } from './forecast-schema.js';
import {
  assembleForecast,
  FORECAST_RUNS,
  forecastParts,
  type ForecastPartResult,
  type ForecastSettings,
} from './forecast-run.js';
import { packEvents, type ForecastJob, type ForecastReply } from './forecast-worker-protocol.js';
import type { SpaceTimeEvent } from './study-grid.js';

/**
 * Worker threads that fit forecasts, so a forecast of seconds never blocks the server's event
 * loop, and a forecast's runs (forecast-run.ts) are fitted side by side on the machine's cores.
 * Workers start on the first forecast and stay for the next; a worker that dies fails its
 * run with an error (a 500 problem) and is replaced by the next run.
 */
export interface ForecastPool {
  forecast(events: readonly SpaceTimeEvent[], zone: number, settings: ForecastSettings): Promise<ForecastView>;
  close(): Promise<void>;
}

export interface ForecastPoolOptions {
  /** Workers; by default one per core, up to the runs of one forecast. */
  size?: number;
  /** Starts a worker: the forecast worker unless a test gives another. */
  spawn?: () => Worker;
}

interface Slot {
  worker: Worker;
  job: Pending | null;
}

interface Pending {
  message: ForecastJob;
  resolve(result: ForecastPartResult): void;
  reject(error: Error): void;
}

/** The forecast worker, through its bootstrap that registers tsx. */
export const spawnForecastWorker = (): Worker => new Worker(new URL('./forecast-worker.js', import.meta.url));

export function createForecastPool(options: ForecastPoolOptions = {}): ForecastPool {
  const size = Math.max(1, options.size ?? Math.min(FORECAST_RUNS, os.availableParallelism()));
  const spawn = options.spawn ?? spawnForecastWorker;
  const slots = new Set<Slot>();
  const queue: Pending[] = [];
  let closed = false;

  const retire = (slot: Slot, error: Error) => {
    if (!slots.delete(slot)) return;
    slot.job?.reject(error);
    slot.job = null;
    dispatch();
  };

  const start = (): Slot => {
    const slot: Slot = { worker: spawn(), job: null };
    slot.worker.on('message', (reply: ForecastReply) => {
      const job = slot.job;
      if (!job) return;
      slot.job = null;
      // An idle worker must not keep a process that is done from exiting.
      slot.worker.unref();
      if ('result' in reply) job.resolve(reply.result);
      else job.reject(Object.assign(new Error(reply.error.message), reply.error));
      dispatch();
    });
    slot.worker.on('error', (error) => retire(slot, error));
    slot.worker.on('exit', (code) => retire(slot, new Error(`forecast worker stopped with exit code ${code}`)));
    slots.add(slot);
    return slot;
  };

  const dispatch = () => {
    while (!closed && queue.length > 0) {
      const slot = [...slots].find((s) => !s.job) ?? (slots.size < size ? start() : null);
      if (!slot) return;
      const job = queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage(job.message);
    }
  };

  const run = (message: Pending['message']) =>
    new Promise<ForecastPartResult>((resolve, reject) => {
      if (closed) return reject(new Error('the forecast pool is closed'));
      queue.push({ message, resolve, reject });
      dispatch();
    });

  return {
    async forecast(events, zone, settings) {
      const packed = packEvents(events);
      const parts = await Promise.all(forecastParts(settings).map((part) => run({ events: packed, settings, part })));
      return assembleForecast(events, zone, settings, parts);
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('the forecast pool is closed'));
      await Promise.all([...slots].map((slot) => slot.worker.terminate()));
    },
  };
}
