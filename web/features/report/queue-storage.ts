import type { SealedBytes } from './queue-crypto.js';

export type QueuedState = 'pending' | 'failed' | 'sent';

/**
 * One report kept on the device. Only what the queue needs to schedule it is in the clear; the
 * report, the files' names and types and their bytes, and the tracking code are sealed.
 */
export interface QueuedRecord {
  id: string;
  /** Kept from the first attempt, so the server recognises every resend as the same report. */
  idempotencyKey: string;
  createdAt: number;
  state: QueuedState;
  attempts: number;
  nextAttemptAt: number;
  /** The server's reason (already in the person's language) for a refused report. */
  failure: string | null;
  envelope: SealedBytes;
  media: SealedBytes[];
}

/** Where the queue keeps its key and records: IndexedDB in the browser, a Map in tests. */
export interface QueueStorage {
  /** The device's key, made by `create` the first time and the same one ever after. */
  key(create: () => Promise<CryptoKey>): Promise<CryptoKey>;
  all(): Promise<QueuedRecord[]>;
  put(record: QueuedRecord): Promise<void>;
  remove(id: string): Promise<void>;
}
