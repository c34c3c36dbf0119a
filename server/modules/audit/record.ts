import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Tables } from '../../db/tables.js';

export interface AuditEntry {
  action: string;
  outcome: 'success' | 'failure' | 'refused';
  actor: { kind: 'user' | 'apiKey' | 'anonymous' | 'system'; id: string | null };
  target?: { type: string; id: string | null };
  regionId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
  /** Defaults to now; tests and imports may pass their own. */
  occurredAt?: Date;
}

/**
 * Appends an entry to the audit inbox. Pass the caller's transaction so the entry commits or
 * rolls back with the change it records. The chainer seals it within about a second.
 */
export async function recordAudit(db: Kysely<Tables>, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_inbox').values(inboxRow(entry)).execute();
}

function inboxRow(entry: AuditEntry) {
  return {
    occurred_at: entry.occurredAt ?? new Date(),
    actor_kind: entry.actor.kind,
    actor_id: entry.actor.id,
    action: entry.action,
    outcome: entry.outcome,
    target_type: entry.target?.type ?? null,
    target_id: entry.target?.id ?? null,
    region_id: entry.regionId ?? null,
    ip: entry.ip ?? null,
    details: JSON.stringify(entry.details ?? {}),
  };
}

/**
 * The same entry as an insert that a caller puts in its own statement's `WITH`: it is written
 * once for each row of `gate` (a CTE of that statement), so with the change it records or not at
 * all. A busy path (citizen reports) then makes one round trip instead of one per table.
 */
export function auditInsertFor(gate: string, entry: AuditEntry): RawBuilder<unknown> {
  const row = inboxRow(entry);
  return sql`insert into audit_inbox (${sql.join(Object.keys(row).map((c) => sql.ref(c)))})
    select ${sql.join(Object.values(row).map((v) => sql`${v}`))} from ${sql.table(gate)}`;
}
