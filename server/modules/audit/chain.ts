import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AuditLogTable } from './tables.js';

export const GENESIS_HASH = '0'.repeat(64);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON with object keys sorted at every depth: jsonb does not keep key order. */
function canonicalJson(value: unknown): string {
  const sort = (v: unknown): Json => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object' && !(v instanceof Date)) {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    }
    return v instanceof Date ? v.toISOString() : (v as Json);
  };
  return JSON.stringify(sort(value));
}

export type ChainedFields = Omit<Selectable<AuditLogTable>, 'prev_hash' | 'hash' | 'sealed_at'>;

/** The HMAC that links an entry to the one before it; any change to either breaks it. */
export function chainHash(key: Buffer, prevHash: string, entry: ChainedFields): string {
  const body = canonicalJson([
    entry.seq,
    entry.occurred_at,
    entry.actor_kind,
    entry.actor_id,
    entry.action,
    entry.outcome,
    entry.target_type,
    entry.target_id,
    entry.region_id,
    entry.ip,
    entry.details,
  ]);
  return crypto.createHmac('sha256', key).update(prevHash).update('\n').update(body).digest('hex');
}
