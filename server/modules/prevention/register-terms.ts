import type { RegisterKind } from '../../../common/register-kinds.js';
import { latestEndDay, latestReviewDay, type Day } from '../../../common/register-terms.js';
import { AppError } from '../../http/errors.js';

export { addDays, localDay, type Day } from '../../../common/register-terms.js';

/**
 * Checks an entry's term against its basis: the end after the start and never past what the
 * basis allows, the review between them and no later than the kind's review interval from
 * `from` (the start, or the day of the review that sets it). Refuses with the limit in the problem.
 */
export function checkTerm(
  kind: RegisterKind,
  term: { start: Day; end: Day; review: Day; from: Day },
  iin: string | undefined,
): void {
  const latest = latestEndDay(kind, term.start, iin);
  if (term.end < term.start) throw new AppError('prevention.register_dates_invalid', { start: term.start, end: term.end });
  if (term.end > latest) {
    throw new AppError('prevention.register_term_exceeded', { kind, latestEndDate: latest, endDate: term.end });
  }
  const reviewBy = latestReviewDay(kind, term.from);
  if (term.review < term.from || term.review > term.end || term.review > reviewBy) {
    throw new AppError('prevention.register_dates_invalid', { review: term.review, latestReviewDate: reviewBy });
  }
}
