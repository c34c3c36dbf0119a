import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import { appendTimeline } from './case-store.js';
import { auditStaff } from './deps.js';
import type { Caller } from './scope.js';

export interface CaseStep {
  at: Date;
  /** The timeline entry's kind, e.g. `case.closed`. */
  kind: string;
  /** The audit action, e.g. `prevention.case.close`. */
  action: string;
  details: Record<string, unknown>;
  /** What the audit entry says where it differs: another target (a conference), other details. */
  audit?: { target?: { type: string; id: string }; details: Record<string, unknown> };
}

/** A step taken on a case: its timeline entry and its audit entry, in the caller's transaction. */
export async function recordCaseStep(
  trx: Kysely<Tables>,
  caller: Caller,
  row: { id: string; region_id: string },
  step: CaseStep,
): Promise<void> {
  const { at, kind, action, details } = step;
  await appendTimeline(trx, { caseId: row.id, regionId: row.region_id, at, kind, actorId: caller.user.userId, details });
  await auditStaff(trx, caller, {
    action,
    target: step.audit?.target ?? { type: 'dv_case', id: row.id },
    regionId: row.region_id,
    details: step.audit?.details ?? details,
    at,
  });
}
