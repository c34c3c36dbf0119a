import type { RegisterEntryView, RegisterReviewRequest } from '../../../common/schemas/registers.js';
import { auditStaff, type PreventionDeps } from './deps.js';
import { activeEntry, callerToday } from './register-access.js';
import { readEntry } from './register-entries.js';
import { closeAndAnonymise, extendEntry, insertReview } from './register-store.js';
import { checkTerm } from './register-terms.js';
import type { Caller } from './scope.js';

/**
 * Reviews an active entry: extends it (the new end still within what the basis allows from the
 * original start, and the next review within the kind's interval from today) or closes it. A
 * closed entry is anonymised at once: its basis no longer allows keeping who it was about.
 */
export async function reviewEntry(
  deps: PreventionDeps,
  caller: Caller,
  entryId: string,
  input: RegisterReviewRequest,
): Promise<RegisterEntryView> {
  const { row } = await activeEntry(deps, caller, entryId);
  const now = deps.clock();
  if (input.decision === 'extend') {
    const today = await callerToday(deps, caller, now);
    const iin = row.iin_enc === null ? undefined : deps.fieldCrypto.decrypt(row.iin_enc);
    checkTerm(row.kind, { start: row.start_date, end: input.endDate, review: input.reviewDate, from: today }, iin);
  }
  const reasonEnc = deps.fieldCrypto.encrypt(input.reason.trim());
  await deps.db.transaction().execute(async (trx) => {
    await insertReview(trx, {
      entryId: row.id,
      regionId: row.region_id,
      decision: input.decision,
      previousEndDate: row.end_date,
      endDate: input.decision === 'extend' ? input.endDate : row.end_date,
      reviewDate: input.decision === 'extend' ? input.reviewDate : null,
      reasonEnc,
      by: caller.user.userId,
      now,
    });
    if (input.decision === 'extend') {
      await extendEntry(trx, { id: row.id, endDate: input.endDate, reviewDate: input.reviewDate, now });
    } else {
      await closeAndAnonymise(trx, { ids: [row.id], reason: 'review', now });
    }
    await auditStaff(trx, caller, {
      action: `prevention.register.review.${input.decision}`,
      target: { type: 'register_entry', id: row.id },
      regionId: row.region_id,
      details: {
        previousEndDate: row.end_date,
        endDate: input.decision === 'extend' ? input.endDate : null,
      },
      at: now,
    });
  });
  return readEntry(deps, caller, row.id, 'review');
}
