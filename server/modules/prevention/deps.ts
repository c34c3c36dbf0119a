import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import { recordAudit } from '../audit/index.js';
import type { FieldCrypto } from '../../secrets/field-crypto.js';
import type { Caller } from './scope.js';

export interface PreventionDeps {
  db: Kysely<Tables>;
  fieldCrypto: FieldCrypto;
  clock: () => Date;
  /** Days a closed case keeps its personal data (AMAN_PREVENTION_RETENTION_DAYS); it may be reopened until then. */
  retentionDays: number;
}

/** An audit entry of something a staff user did or read in this module. */
export async function auditStaff(
  db: Kysely<Tables>,
  caller: Caller,
  entry: {
    action: string;
    target: { type: string; id: string };
    regionId: string | null;
    details?: Record<string, unknown>;
    at: Date;
  },
): Promise<void> {
  await recordAudit(db, {
    action: entry.action,
    outcome: 'success',
    actor: { kind: 'user', id: caller.user.userId },
    target: entry.target,
    regionId: entry.regionId,
    ip: caller.ip,
    details: entry.details,
    occurredAt: entry.at,
  });
}
