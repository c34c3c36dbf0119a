import type { ColumnType, Generated } from 'kysely';

interface AuditColumns {
  occurred_at: Date;
  actor_kind: string;
  actor_id: string | null;
  action: string;
  outcome: 'success' | 'failure' | 'refused';
  target_type: string | null;
  target_id: string | null;
  region_id: string | null;
  ip: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
}

export interface AuditInboxTable extends AuditColumns {
  id: Generated<number>;
}

export interface AuditLogTable extends AuditColumns {
  seq: number;
  prev_hash: string;
  hash: string;
  sealed_at: Date;
}

declare module '../../db/tables.js' {
  interface Tables {
    audit_inbox: AuditInboxTable;
    audit_log: AuditLogTable;
  }
}
