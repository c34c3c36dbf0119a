import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff.js';
import { open, generateQueueKey, seal } from './queue-crypto.js';
import type { QueuedRecord, QueueStorage } from './queue-storage.js';
import type { ReportRequest } from './report-api.js';
import { createReportQueue, type SendReport } from './report-queue.js';
import { retryAfterMs, verdictOf, type SendOutcome } from './send-outcome.js';

const REPORT: ReportRequest = {
  category: 'other-theft',
  description: 'My bicycle was taken from the yard',
  location: { type: 'Point', coordinates: [76.9, 43.25] },
};

/** IndexedDB's part, in memory; records are cloned as IndexedDB would. */
function memoryStorage(): QueueStorage & { records: Map<string, QueuedRecord>; keysMade: number } {
  const records = new Map<string, QueuedRecord>();
  let key: CryptoKey | null = null;
  return {
    records,
    keysMade: 0,
    async key(create) {
      if (!key) {
        key = await create();
        this.keysMade++;
      }
      return key;
    },
    all: async () => [...records.values()].map((record) => structuredClone(record)),
    put: async (record) => void records.set(record.id, structuredClone(record)),
    remove: async (id) => void records.delete(id),
  };
}

function setUp(answers: SendOutcome[]) {
  const storage = memoryStorage();
  const calls: { report: ReportRequest; media: File[]; key: string }[] = [];
  let clock = 1_000_000;
  let ids = 0;
  const send: SendReport = async (report, media, key) => {
    calls.push({ report, media, key });
    const answer = answers.shift();
    if (!answer) throw new Error('no answer prepared');
    return answer;
  };
  const queue = createReportQueue({ storage, send, now: () => clock, random: () => 0.5, newId: () => `r${++ids}` });
  return { queue, storage, calls, advance: (ms: number) => (clock += ms) };
}

const sent = (trackingCode: string): SendOutcome => ({ kind: 'sent', receipt: { id: 'x', trackingCode, status: 'new' } });
const offline: SendOutcome = { kind: 'retry', message: null, retryAfterMs: null, isOffline: true };
const busy: SendOutcome = { kind: 'retry', message: 'Service unavailable', retryAfterMs: null, isOffline: false };

describe('the offline report queue', () => {
  it('keeps nothing readable on the device: report, file names and bytes are ciphertext', async () => {
    const { queue, storage } = setUp([]);
    const photo = new File([new TextEncoder().encode('JPEG bytes of the yard')], 'yard-photo.jpg', { type: 'image/jpeg' });
    await queue.enqueue(REPORT, [photo], 'key-1');
    const stored = JSON.stringify([...storage.records.values()], (_, value: unknown) =>
      value instanceof ArrayBuffer ? new TextDecoder().decode(value) : value,
    );
    for (const secret of ['bicycle', 'other-theft', '76.9', 'yard-photo', 'image/jpeg', 'JPEG bytes']) {
      expect(stored).not.toContain(secret);
    }
  });

  it('makes no key for a visitor who never queued anything', async () => {
    const { queue, storage } = setUp([]);
    await queue.flush();
    expect(await queue.list()).toEqual([]);
    expect(storage.keysMade).toBe(0);
  });

  it('makes the device key once and keeps using it', async () => {
    const { queue, storage } = setUp([]);
    await queue.enqueue(REPORT, [], 'key-1');
    await queue.enqueue(REPORT, [], 'key-2');
    await queue.list();
    expect(storage.keysMade).toBe(1);
  });

  it('resends with the original Idempotency-Key and the same files, and keeps the tracking code', async () => {
    const { queue, calls } = setUp([sent('ABCDEFGH12')]);
    const audio = new File(['voice'], 'voice.ogg', { type: 'audio/ogg' });
    await queue.enqueue(REPORT, [audio], 'key-original');
    await queue.flush();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.key).toBe('key-original');
    expect(calls[0]?.report).toEqual(REPORT);
    expect(calls[0]?.media[0]?.name).toBe('voice.ogg');
    expect(calls[0]?.media[0]?.type).toBe('audio/ogg');
    expect(await calls[0]?.media[0]?.text()).toBe('voice');
    const [entry] = await queue.list();
    expect(entry).toMatchObject({ state: 'sent', trackingCode: 'ABCDEFGH12', category: 'other-theft', mediaCount: 1 });
  });

  it('sends a report the server has taken only once, however often it flushes', async () => {
    const { queue, calls } = setUp([sent('ABCDEFGH12')]);
    await queue.enqueue(REPORT, [], 'key-1');
    await queue.flush();
    await queue.flush({ force: true });
    expect(calls).toHaveLength(1);
    expect(await queue.nextDueAt()).toBeNull();
  });

  it('forgets the files and text of a sent report', async () => {
    const { queue, storage } = setUp([sent('ABCDEFGH12')]);
    await queue.enqueue(REPORT, [new File(['x'], 'a.png', { type: 'image/png' })], 'key-1');
    await queue.flush();
    const [record] = storage.records.values();
    expect(record?.media).toEqual([]);
    const [entry] = await queue.list();
    expect(entry?.description).toBe('');
  });

  it('marks a refused report failed with the server’s reason and does not send it again', async () => {
    const { queue, calls, advance } = setUp([{ kind: 'rejected', message: 'The place is outside Kazakhstan' }]);
    await queue.enqueue(REPORT, [], 'key-1');
    await queue.flush();
    advance(60 * 60_000);
    await queue.flush({ force: true });
    expect(calls).toHaveLength(1);
    const [entry] = await queue.list();
    expect(entry).toMatchObject({ state: 'failed', failure: 'The place is outside Kazakhstan' });
  });

  it('keeps a report on 409, 429, 5xx and network failures, and waits longer after each', async () => {
    const { queue, calls, advance } = setUp([busy, busy, sent('ABCDEFGH12')]);
    await queue.enqueue(REPORT, [], 'key-1');
    await queue.flush();
    const [first] = await queue.list();
    expect(first).toMatchObject({ state: 'pending', attempts: 1 });
    await queue.flush(); // not yet due
    expect(calls).toHaveLength(1);
    advance(retryDelayMs(1, () => 0.5));
    await queue.flush();
    expect(calls).toHaveLength(2);
    const [second] = await queue.list();
    expect(second!.nextAttemptAt - 1_000_000).toBeGreaterThan(first!.nextAttemptAt - 1_000_000);
    await queue.flush({ force: true });
    expect(calls.map((call) => call.key)).toEqual(['key-1', 'key-1', 'key-1']);
    expect((await queue.list())[0]?.state).toBe('sent');
  });

  it('stops at the first sign of being offline and sends the rest, oldest first, once back', async () => {
    const { queue, calls, advance } = setUp([offline, sent('AAAAAAAAAA'), sent('BBBBBBBBBB')]);
    await queue.enqueue({ ...REPORT, description: 'first' }, [], 'key-1');
    advance(1000);
    await queue.enqueue({ ...REPORT, description: 'second' }, [], 'key-2');
    await queue.flush();
    expect(calls).toHaveLength(1);
    await queue.flush({ force: true });
    expect(calls.map((call) => call.key)).toEqual(['key-1', 'key-1', 'key-2']);
    expect((await queue.list()).map((entry) => entry.trackingCode)).toEqual(['AAAAAAAAAA', 'BBBBBBBBBB']);
  });

  it('can hold a report that already failed once, to be tried again after the back-off', async () => {
    const { queue, calls } = setUp([]);
    await queue.enqueue(REPORT, [], 'key-1', { attempts: 1, retryAfterMs: 30_000 });
    await queue.flush();
    expect(calls).toHaveLength(0);
    expect(await queue.nextDueAt()).toBe(1_000_000 + 30_000);
  });

  it('removes a report the person discards', async () => {
    const { queue } = setUp([]);
    const id = await queue.enqueue(REPORT, [], 'key-1');
    await queue.remove(id);
    expect(await queue.list()).toEqual([]);
  });
});

describe('sealed bytes', () => {
  it('open only in the record and part they were sealed for', async () => {
    const key = await generateQueueKey();
    const sealed = await seal(key, new TextEncoder().encode('secret'), 'r1:envelope');
    expect(new TextDecoder().decode(await open(key, sealed, 'r1:envelope'))).toBe('secret');
    await expect(open(key, sealed, 'r2:envelope')).rejects.toThrow();
  });

  it('come from a key whose bytes cannot be exported', async () => {
    const key = await generateQueueKey();
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });
});

describe('answers to a send', () => {
  it('count 2xx as sent, 409/429/408/5xx as try again, any other 4xx as refused', () => {
    expect([200, 201].map(verdictOf)).toEqual(['sent', 'sent']);
    expect([408, 409, 429, 500, 503].map(verdictOf)).toEqual(['retry', 'retry', 'retry', 'retry', 'retry']);
    expect([400, 401, 413, 415, 422].map(verdictOf)).toEqual(['rejected', 'rejected', 'rejected', 'rejected', 'rejected']);
  });

  it('read Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('120', 0)).toBe(120_000);
    expect(retryAfterMs(new Date(90_000).toUTCString(), 30_000)).toBe(60_000);
    expect(retryAfterMs(null, 0)).toBeNull();
    expect(retryAfterMs('soon', 0)).toBeNull();
  });
});

describe('the back-off', () => {
  it('doubles from 5 seconds, never passes 15 minutes, and respects Retry-After', () => {
    const middle = () => 0.5;
    expect(retryDelayMs(1, middle)).toBe(3750);
    expect(retryDelayMs(2, middle)).toBe(7500);
    expect(retryDelayMs(30, () => 1)).toBe(15 * 60_000);
    expect(retryDelayMs(1, () => 0)).toBe(2500);
    expect(retryDelayMs(1, middle, 60_000)).toBe(60_000);
  });
});
