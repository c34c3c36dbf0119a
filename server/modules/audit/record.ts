import type { Kysely } from 'kysely';
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
  await db
    .insertInto('audit_inbox')
    .values({
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
    })
    .execute();
}
