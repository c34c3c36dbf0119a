import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import { AppError } from '../../http/errors.js';
import { canonicalJson } from '../../../common/canonical-json.js';
import './tables.js';

export function requestHash(body: unknown): string {
  return crypto.createHash('sha256').update(canonicalJson(body)).digest('hex');
}

export interface StoredResponse {
  status: number;
  body: unknown;
}

export interface KeyRow {
  request_hash: string;
  status: 'in_flight' | 'done';
  response_status: number | null;
  response_body: unknown;
}

/** What an earlier request with the same key means for this one: its answer again, or a refusal. */
function replayOf(row: KeyRow, hash: string): StoredResponse {
  if (row.request_hash !== hash) throw new AppError('idempotency.mismatch');
  // Reports now claim a key already answered, in one statement; an unanswered claim is from an
  // earlier version that claimed first and answered later, and its request may still be running.
  if (row.status === 'in_flight' || row.response_status === null) throw new AppError('idempotency.in_flight');
  return { status: row.response_status, body: row.response_body };
}

/** The row a key left, if any: read once per request, before the rate limit decides. */
export async function lookupKey(db: Kysely<Tables>, scope: string, key: string): Promise<KeyRow | null> {
  return (
    (await db
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'status', 'response_status', 'response_body'])
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst()) ?? null
  );
}

/** The stored answer for a key used before, or null when the key is new. Throws on mismatch or in flight. */
export function answerFor(row: KeyRow | null, hash: string): StoredResponse | null {
  return row ? replayOf(row, hash) : null;
}

/** Is this exactly a request already answered? Such a replay is let past the rate limit. */
export function isExactReplay(row: KeyRow | null, hash: string): boolean {
  return row !== null && row.status === 'done' && row.request_hash === hash;
}

/** A retry comes within minutes; a day of keys is ample, and the table stays small. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3_600_000;

/** Forgets answered keys older than a day. Keys still in flight belong to an open transaction and are left alone. */
export async function pruneIdempotencyKeys(db: Kysely<Tables>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS))
    .where('status', '=', 'done')
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
