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
 * Entries as an insert that a caller puts in its own statement's `WITH`, so they record or not
 * with the change: a busy path (citizen reports) then makes one round trip instead of one per
 * table, for a whole batch of reports. Entry i is written when `gate`, a CTE of that statement with an integer column `ord`, has the row
 * `ord = i`. So each entry records or not together with its own row of the change.
 */
export function auditInsertsFor(gate: string, entries: AuditEntry[]): RawBuilder<unknown> {
  const rows = entries.map((entry, ord) => ({ ...inboxRow(entry), ord, details: entry.details ?? {} }));
  return sql`insert into audit_inbox (occurred_at, actor_kind, actor_id, action, outcome, target_type, target_id, region_id, ip, details)
    select r.occurred_at, r.actor_kind, r.actor_id, r.action, r.outcome, r.target_type, r.target_id, r.region_id, r.ip, r.details
    from ${sql.table(gate)} g
    join jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r (ord int, occurred_at timestamptz, actor_kind text,
      actor_id text, action text, outcome text, target_type text, target_id text, region_id text, ip text, details jsonb)
      on r.ord = g.ord`;
}
