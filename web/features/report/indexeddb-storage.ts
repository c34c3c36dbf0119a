import type { QueuedRecord, QueueStorage } from './queue-storage.js';

const DATABASE = 'aman-report-queue';
const KEYS = 'keys';
const REPORTS = 'reports';
const DEVICE_KEY = 'device';

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function done(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function openDatabase(): Promise<IDBDatabase> {
  const request = indexedDB.open(DATABASE, 1);
  request.onupgradeneeded = () => {
    request.result.createObjectStore(KEYS);
    request.result.createObjectStore(REPORTS, { keyPath: 'id' });
  };
  return promised(request);
}

/** The queue's storage in this browser's IndexedDB; a CryptoKey is stored as itself (structured clone). */
export function indexedDbStorage(): QueueStorage {
  let database: Promise<IDBDatabase> | null = null;
  const db = () => {
    database ??= openDatabase();
    database.catch(() => (database = null));
    return database;
  };
  return {
    async key(create) {
      const existing = await promised<unknown>((await db()).transaction(KEYS).objectStore(KEYS).get(DEVICE_KEY));
      if (existing instanceof CryptoKey) return existing;
      const made = await create();
      // Two tabs may both get here: the read-write transactions run one after the other, and the
      // second finds and keeps the first tab's key.
      const transaction = (await db()).transaction(KEYS, 'readwrite');
      const store = transaction.objectStore(KEYS);
      const stored = await promised<unknown>(store.get(DEVICE_KEY));
      const key = stored instanceof CryptoKey ? stored : made;
      if (key === made) store.put(made, DEVICE_KEY);
      await done(transaction);
      return key;
    },
    async all() {
      return promised<QueuedRecord[]>((await db()).transaction(REPORTS).objectStore(REPORTS).getAll());
    },
    async put(record) {
      const transaction = (await db()).transaction(REPORTS, 'readwrite');
      transaction.objectStore(REPORTS).put(record);
      await done(transaction);
    },
    async remove(id) {
      const transaction = (await db()).transaction(REPORTS, 'readwrite');
      transaction.objectStore(REPORTS).delete(id);
      await done(transaction);
    },
  };
}
