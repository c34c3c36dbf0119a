import { AppError } from '../../http/errors.js';
import { teamCase } from './case-access.js';
import { insertClosing, markClosed, markReopened, openItemsOf } from './case-closing-store.js';
import type { CloseCaseRequest, ReopenCaseRequest } from './case-closing-schema.js';
import { reopenDeadline } from './case-closing-view.js';
import { recordCaseStep } from './case-step.js';
import { readCase } from './cases.js';
import type { PreventionDeps } from './deps.js';
import type { CaseFileView } from './schema.js';
import type { Caller } from './scope.js';

/**
 * Closes a case with its outcome and reason. Only its team and the supervisors overseeing it may
 * (a break-glass reader may not). While safety-plan actions are open or a protection order is in
 * force the close is refused unless the caller confirms it; the counts stay with the close.
 * Retention counts from this moment.
 */
export async function closeCase(
  deps: PreventionDeps,
  caller: Caller,
  caseId: string,
  input: CloseCaseRequest,
): Promise<CaseFileView> {
  const row = await teamCase(deps, caller, caseId);
  if (row.status === 'closed') throw new AppError('prevention.case_already_closed');
  const note = input.outcomeNote?.trim();
  if ((input.outcome === 'other') !== (note !== undefined && note !== ''))
    throw new AppError('prevention.case_outcome_note_required');
  const now = deps.clock();
  const open = await openItemsOf(deps.db, row.id, now);
  if ((open.openActions > 0 || open.activeOrders > 0) && input.confirmOpenItems !== true)
    throw new AppError('prevention.case_has_open_items', open);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await markClosed(trx, row.id, now))) throw new AppError('prevention.case_already_closed');
    await insertClosing(trx, {
      caseId: row.id,
      regionId: row.region_id,
      step: 'close',
      outcome: input.outcome,
      outcomeNoteEnc: input.outcome === 'other' ? deps.fieldCrypto.encrypt(note!) : null,
      reasonEnc: deps.fieldCrypto.encrypt(input.reason.trim()),
      ...open,
      by: caller.user.userId,
      now,
    });
    await recordCaseStep(trx, caller, row, {
      at: now,
      kind: 'case.closed',
      action: 'prevention.case.close',
      details: { outcome: input.outcome, ...open },
      audit: { details: { outcome: input.outcome, ...open, confirmed: input.confirmOpenItems === true } },
    });
  });
  return readCase(deps, caller, row.id);
}

/**
 * Reopens a closed case, with a reason, while its personal data is still kept: within the
 * retention period after its close and never once anonymised (there would be nobody left to
 * protect on file).
 */
export async function reopenCase(
  deps: PreventionDeps,
  caller: Caller,
  caseId: string,
  input: ReopenCaseRequest,
): Promise<CaseFileView> {
  const row = await teamCase(deps, caller, caseId);
  if (row.status !== 'closed' || row.closed_at === null) throw new AppError('prevention.case_not_closed');
  if (row.anonymised_at !== null) throw new AppError('prevention.case_anonymised');
  const now = deps.clock();
  const until = reopenDeadline(row.closed_at, deps.retentionDays);
  if (now >= until) throw new AppError('prevention.case_reopen_expired', { reopenableUntil: until.toISOString() });
  await deps.db.transaction().execute(async (trx) => {
    if (!(await markReopened(trx, row.id, now))) throw new AppError('prevention.case_not_closed');
    await insertClosing(trx, {
      caseId: row.id,
      regionId: row.region_id,
      step: 'reopen',
      outcome: null,
      outcomeNoteEnc: null,
      reasonEnc: deps.fieldCrypto.encrypt(input.reason.trim()),
      openActions: 0,
      activeOrders: 0,
      by: caller.user.userId,
      now,
    });
    await recordCaseStep(trx, caller, row, {
      at: now,
      kind: 'case.reopened',
      action: 'prevention.case.reopen',
      details: { closedAt: row.closed_at!.toISOString() },
    });
  });
  return readCase(deps, caller, row.id);
}
