import { parentPort } from 'node:worker_threads';
import { runForecastPart } from './forecast-run.js';
import { unpackEvents, type ForecastJob, type ForecastReply } from './forecast-worker-protocol.js';

// A worker of the forecast pool (forecast-pool.ts), started through forecast-worker.js.
const port = parentPort!;
port.on('message', (job: ForecastJob) => {
  let reply: ForecastReply;
  try {
    reply = { result: runForecastPart(unpackEvents(job.events), job.settings, job.part) };
  } catch (error) {
    const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
    reply = { error: { name, message, stack } };
  }
  port.postMessage(reply);
});
