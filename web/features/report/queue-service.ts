import { indexedDbStorage } from './indexeddb-storage.js';
import { randomId } from '../../src/random-id.js';
import type { ReportRequest } from './report-api.js';
import { createReportQueue, type QueueEntry } from './report-queue.js';
import { sendReport } from './send-report.js';

/**
 * The browser's one report queue, and what the pages need of it: the entries as a snapshot to
 * render, and resending when the page opens, when the network returns and when the back-off ends.
 */
const queue = createReportQueue({
  storage: indexedDbStorage(),
  send: sendReport,
  now: () => Date.now(),
  random: Math.random,
  newId: randomId,
});

export interface QueueSnapshot {
  entries: QueueEntry[];
  isSending: boolean;
}

let snapshot: QueueSnapshot = { entries: [], isSending: false };
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | null = null;
let running: Promise<void> | null = null;

function publish(change: Partial<QueueSnapshot>): void {
  snapshot = { ...snapshot, ...change };
  for (const listener of listeners) listener();
}

// Where IndexedDB is refused (some private windows) there is simply no queue to show: the form
// says so itself when it cannot keep a report.
async function refresh(): Promise<void> {
  try {
    publish({ entries: await queue.list() });
  } catch {
    publish({ entries: [] });
  }
}

async function scheduleNext(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  const due = await queue.nextDueAt();
  if (due !== null) timer = setTimeout(() => void flushQueue(), Math.max(1000, due - Date.now()));
}

// Tabs share the queue: one flush at a time across them, where the browser can say so.
async function exclusively(work: () => Promise<void>): Promise<void> {
  if (!('locks' in navigator)) return work();
  await navigator.locks.request('aman-report-queue', work);
}

/** Sends what is due (everything pending when `force`); one run at a time in this tab. */
export function flushQueue({ force = false } = {}): Promise<void> {
  running ??= (async () => {
    publish({ isSending: true });
    try {
      await exclusively(() => queue.flush({ force }));
    } catch {
      // No storage to read (see refresh); each report that was read keeps its own state.
    } finally {
      running = null;
      publish({ isSending: false });
      await refresh();
      await scheduleNext().catch(() => undefined);
    }
  })();
  return running;
}

/** Keeps a report on the device for later; `attempts` says whether it was tried already. */
export async function queueReport(
  report: ReportRequest,
  media: readonly File[],
  idempotencyKey: string,
  after?: { attempts: number; retryAfterMs: number | null },
): Promise<void> {
  await queue.enqueue(report, media, idempotencyKey, after);
  await refresh();
  await scheduleNext();
}

export async function discardQueued(id: string): Promise<void> {
  await queue.remove(id);
  await refresh();
}

let started = false;

/** Loads the queue and starts resending; called when a citizen page opens. */
export function startQueue(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void flushQueue({ force: true }));
  void flushQueue();
}

export function subscribeQueue(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function queueSnapshot(): QueueSnapshot {
  return snapshot;
}
