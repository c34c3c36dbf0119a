import { retryDelayMs } from './backoff.js';
import { generateQueueKey, open, openJson, seal, sealJson } from './queue-crypto.js';
import type { QueuedRecord, QueuedState, QueueStorage } from './queue-storage.js';
import type { ReportRequest } from './report-api.js';
import type { SendOutcome } from './send-outcome.js';

interface MediaMeta {
  name: string;
  type: string;
}

/** The sealed part of a record waiting to be sent. */
interface Envelope {
  report: ReportRequest;
  media: MediaMeta[];
}

/** The sealed part of a record the server has taken: what the list shows, nothing more. */
interface Receipt {
  category: string;
  mediaCount: number;
  trackingCode: string;
}

/** A queued report as the page shows it, decrypted; the files' bytes stay sealed. */
export interface QueueEntry {
  id: string;
  createdAt: number;
  state: QueuedState;
  attempts: number;
  nextAttemptAt: number;
  failure: string | null;
  category: string;
  description: string;
  mediaCount: number;
  trackingCode: string | null;
}

export type SendReport = (report: ReportRequest, media: File[], idempotencyKey: string) => Promise<SendOutcome>;

export interface QueueDeps {
  storage: QueueStorage;
  send: SendReport;
  now: () => number;
  random: () => number;
  newId: () => string;
}

const envelopeContext = (id: string) => `${id}:envelope`;
const mediaContext = (id: string, index: number) => `${id}:media:${index}`;

/**
 * Reports kept on the device, encrypted, until the server takes them. Each keeps the
 * Idempotency-Key of its first attempt, so however often it is resent (two tabs, a lost answer),
 * the server files it once.
 */
export function createReportQueue(deps: QueueDeps) {
  const { storage } = deps;
  const key = () => storage.key(generateQueueKey);

  async function enqueue(
    report: ReportRequest,
    media: readonly File[],
    idempotencyKey: string,
    after: { attempts: number; retryAfterMs: number | null } = { attempts: 0, retryAfterMs: null },
  ): Promise<string> {
    const cryptoKey = await key();
    const id = deps.newId();
    const envelope: Envelope = { report, media: media.map((file) => ({ name: file.name, type: file.type })) };
    const sealedMedia = await Promise.all(
      media.map(async (file, index) => seal(cryptoKey, await file.arrayBuffer(), mediaContext(id, index))),
    );
    const now = deps.now();
    await storage.put({
      id,
      idempotencyKey,
      createdAt: now,
      state: 'pending',
      attempts: after.attempts,
      nextAttemptAt: after.attempts === 0 ? now : now + retryDelayMs(after.attempts, deps.random, after.retryAfterMs),
      failure: null,
      envelope: await sealJson(cryptoKey, envelope, envelopeContext(id)),
      media: sealedMedia,
    });
    return id;
  }

  async function list(): Promise<QueueEntry[]> {
    const records = await storage.all();
    if (records.length === 0) return []; // no key is made for a visitor who never queued anything
    const cryptoKey = await key();
    const entries = await Promise.all(
      records.map(async (record): Promise<QueueEntry> => {
        const common = {
          id: record.id,
          createdAt: record.createdAt,
          state: record.state,
          attempts: record.attempts,
          nextAttemptAt: record.nextAttemptAt,
          failure: record.failure,
        };
        if (record.state === 'sent') {
          const receipt = await openJson<Receipt>(cryptoKey, record.envelope, envelopeContext(record.id));
          return {
            ...common,
            category: receipt.category,
            description: '',
            mediaCount: receipt.mediaCount,
            trackingCode: receipt.trackingCode,
          };
        }
        const envelope = await openJson<Envelope>(cryptoKey, record.envelope, envelopeContext(record.id));
        return {
          ...common,
          category: envelope.report.category,
          description: envelope.report.description,
          mediaCount: envelope.media.length,
          trackingCode: null,
        };
      }),
    );
    return entries.sort((a, b) => a.createdAt - b.createdAt);
  }

  async function sendOne(record: QueuedRecord, cryptoKey: CryptoKey): Promise<SendOutcome> {
    const envelope = await openJson<Envelope>(cryptoKey, record.envelope, envelopeContext(record.id));
    const files = await Promise.all(
      record.media.map(async (sealed, index) => {
        const meta = envelope.media[index] ?? { name: `file-${index + 1}`, type: '' };
        return new File([await open(cryptoKey, sealed, mediaContext(record.id, index))], meta.name, { type: meta.type });
      }),
    );
    const outcome = await deps.send(envelope.report, files, record.idempotencyKey);
    const attempts = record.attempts + 1;
    switch (outcome.kind) {
      case 'sent': {
        // The report's text, place, contact and files leave the device; only what the list shows stays.
        const receipt: Receipt = {
          category: envelope.report.category,
          mediaCount: envelope.media.length,
          trackingCode: outcome.receipt.trackingCode,
        };
        await storage.put({
          ...record,
          state: 'sent',
          attempts,
          failure: null,
          envelope: await sealJson(cryptoKey, receipt, envelopeContext(record.id)),
          media: [],
        });
        break;
      }
      case 'rejected':
        await storage.put({ ...record, state: 'failed', attempts, failure: outcome.message });
        break;
      case 'retry':
        await storage.put({
          ...record,
          attempts,
          nextAttemptAt: deps.now() + retryDelayMs(attempts, deps.random, outcome.retryAfterMs),
        });
        break;
    }
    return outcome;
  }

  /**
   * Sends every pending report whose time has come, one at a time, oldest first. `force` ignores
   * the back-off (the person pressed "Send now", or the network has just come back). Stops at the
   * first sign the device is offline: the rest would fail the same way.
   */
  async function flush({ force = false } = {}): Promise<void> {
    const due = (await storage.all())
      .filter((record) => record.state === 'pending' && (force || record.nextAttemptAt <= deps.now()))
      .sort((a, b) => a.createdAt - b.createdAt);
    if (due.length === 0) return;
    const cryptoKey = await key();
    for (const record of due) {
      const outcome = await sendOne(record, cryptoKey);
      if (outcome.kind === 'retry' && outcome.isOffline) break;
    }
  }

  /** When the next pending report is due, or null when none waits. */
  async function nextDueAt(): Promise<number | null> {
    const pending = (await storage.all()).filter((record) => record.state === 'pending');
    return pending.length === 0 ? null : Math.min(...pending.map((record) => record.nextAttemptAt));
  }

  return { enqueue, list, flush, nextDueAt, remove: (id: string) => storage.remove(id) };
}

export type ReportQueue = ReturnType<typeof createReportQueue>;
