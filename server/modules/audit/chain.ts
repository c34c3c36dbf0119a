import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import { canonicalJson } from '../../../common/canonical-json.js';
import type { AuditLogTable } from './tables.js';

export const GENESIS_HASH = '0'.repeat(64);

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
