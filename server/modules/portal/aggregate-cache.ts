import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/connection.js';
import { requestLanguage } from '../../http/language.js';
import * as store from './store.js';

/*
 * Published months never change (publish.ts), so an answer made only from them holds until the
 * set of published months changes. Answers are kept in memory per database under that set (the
 * snapshot): this node forgets them the moment it publishes a month, and every node re-reads the
 * set at most SNAPSHOT_TTL_MS after its last look, so another node's publication is seen within
 * that time. The cache is bounded, since a query string is the caller's to vary.
 */

const SNAPSHOT_TTL_MS = 1000;
const MAX_ANSWERS = 2000;
/** In characters of the kept answers: about their size in memory, give or take the encoding. */
const MAX_CHARS = 64 * 1024 * 1024;
/** Every published month is in a snapshot; this is only a bound on a runaway table. */
const MAX_MONTHS = 100_000;

/** What a browser or proxy may keep: answers of the snapshot for 5 minutes, then it asks with its ETag. */
export const SNAPSHOT_MAX_AGE_S = 300;

interface CachedAnswer {
  body: string;
  type: string;
  etag: string;
}

interface Snapshot {
  /** Published months, newest first, as of `checkedAt`. */
  months: readonly string[];
  checkedAt: number;
  checking: Promise<void> | null;
  /** `bytes` is the answer's size once it is made, 0 before. */
  answers: Map<string, { answer: Promise<CachedAnswer>; bytes: number }>;
  values: Map<string, Promise<unknown>>;
  bytes: number;
}

const snapshots = new WeakMap<Db, Snapshot>();

function fresh(months: readonly string[]): Snapshot {
  return { months, checkedAt: performance.now(), checking: null, answers: new Map(), values: new Map(), bytes: 0 };
}

async function check(db: Db, current: Snapshot): Promise<void> {
  const months = await store.publishedMonths(db, MAX_MONTHS);
  const latest = snapshots.get(db);
  if (latest !== current) return; // forgotten meanwhile: the next request reads again
  if (months.join() === current.months.join()) {
    current.checkedAt = performance.now();
  } else {
    snapshots.set(db, fresh(months));
  }
}

/** The snapshot answers are kept under; read again when it is older than SNAPSHOT_TTL_MS. */
async function snapshot(db: Db): Promise<Snapshot> {
  let current = snapshots.get(db);
  if (!current) {
    const months = await store.publishedMonths(db, MAX_MONTHS);
    current = snapshots.get(db) ?? fresh(months);
    snapshots.set(db, current);
    return current;
  }
  if (performance.now() - current.checkedAt < SNAPSHOT_TTL_MS) return current;
  if (!current.checking) {
    const checking = check(db, current).finally(() => {
      current.checking = null;
    });
    current.checking = checking;
  }
  await current.checking;
  return snapshots.get(db) ?? current;
}

/** Called by this node when it publishes a month: its answers are stale from now on. */
export function forgetSnapshot(db: Db): void {
  snapshots.delete(db);
}

function evict(s: Snapshot): void {
  while (s.answers.size > MAX_ANSWERS || s.bytes > MAX_CHARS) {
    const oldest = s.answers.keys().next();
    if (oldest.done) break;
    s.bytes -= s.answers.get(oldest.value)!.bytes;
    s.answers.delete(oldest.value);
  }
  while (s.values.size > MAX_ANSWERS) s.values.delete(s.values.keys().next().value!);
}

/**
 * A value made only from published months, kept until the snapshot changes. `key` must name
 * every input of `build` (the area, the language…): two inputs that share a key share an answer.
 */
export async function cachedAggregate<T>(db: Db, key: string, build: () => Promise<T>): Promise<T> {
  const s = await snapshot(db);
  let value = s.values.get(key) as Promise<T> | undefined;
  if (!value) {
    const made = build();
    value = made;
    s.values.set(key, made);
    made.catch(() => {
      if (s.values.get(key) === made) s.values.delete(key);
    });
    evict(s);
  }
  return value;
}

/**
 * The answer's cache key: the route, its validated path and query parameters and the language
 * the answer is written in. That is every input a public read route has, so no two requests that
 * could be answered differently share an entry.
 */
function answerKey(req: FastifyRequest): string {
  return `${req.routeOptions.url}|${JSON.stringify(req.params)}|${JSON.stringify(req.query)}|${requestLanguage(req)}`;
}

const etagOf = (body: string) => `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/**
 * Sends a serialised answer with its validators: ETag, Cache-Control and Vary, or 304 when the
 * caller already holds it. A signed-in caller's language comes from their profile, not a header
 * a proxy could key on, so their answer is theirs alone to keep.
 */
function sendAnswer(req: FastifyRequest, reply: FastifyReply, answer: CachedAnswer, maxAge: number): FastifyReply {
  const scope = req.actor?.kind === 'user' ? 'private' : 'public';
  const vary = reply.getHeader('vary');
  reply
    .header('etag', answer.etag)
    .header('cache-control', maxAge > 0 ? `${scope}, max-age=${maxAge}` : `${scope}, no-cache`)
    .header('vary', vary ? `${String(vary)}, Accept-Language` : 'Accept-Language');
  if (matches(req.headers['if-none-match'], answer.etag)) return reply.code(304).send();
  return reply.type(answer.type).send(answer.body);
}

function serialise(reply: FastifyReply, payload: unknown, contentType: string | undefined): CachedAnswer {
  // Through the route's own response schema, as Fastify would send it: nothing outside the schema leaves.
  const body =
    typeof payload === 'string'
      ? payload
      : (reply.serializeInput(payload as Record<string, unknown>, '200', contentType) as string);
  const type = contentType ?? 'application/json';
  return { body, type: type.includes('charset') ? type : `${type}; charset=utf-8`, etag: etagOf(body) };
}

/**
 * Answers a public read route from published months only: the serialised answer is kept under the
 * snapshot (keyed by everything in the request that can change it), sent with an ETag and
 * answered 304 when the caller has it. `contentType` is for routes that answer in more than one;
 * a string payload is sent as it is. Errors are never kept: the next request tries again.
 */
export async function replyFromSnapshot(
  req: FastifyRequest,
  reply: FastifyReply,
  db: Db,
  build: () => Promise<{ payload: unknown; contentType?: string }>,
): Promise<FastifyReply> {
  const s = await snapshot(db);
  const key = answerKey(req);
  let entry = s.answers.get(key);
  if (entry) {
    // Most recently used last, so eviction takes the least used.
    s.answers.delete(key);
    s.answers.set(key, entry);
  } else {
    const made = { answer: build().then(({ payload, contentType }) => serialise(reply, payload, contentType)), bytes: 0 };
    entry = made;
    s.answers.set(key, made);
    made.answer.then(
      (a) => {
        if (s.answers.get(key) !== made) return; // evicted while it was made
        made.bytes = a.body.length;
        s.bytes += made.bytes;
        evict(s);
      },
      () => {
        if (s.answers.get(key) === made) s.answers.delete(key);
      },
    );
    evict(s);
  }
  return sendAnswer(req, reply, await entry.answer, SNAPSHOT_MAX_AGE_S);
}

/**
 * Sends an answer that is made afresh (part of it changes between publications) with an ETag:
 * a browser keeps it but asks each time (no-cache), and is answered 304 while it is unchanged.
 */
export function replyFresh(req: FastifyRequest, reply: FastifyReply, payload: unknown): FastifyReply {
  return sendAnswer(req, reply, serialise(reply, payload, undefined), 0);
}
