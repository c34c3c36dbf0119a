import type { RiskGrade } from '../../../common/risk-instruments.js';
import { addMonths } from './order-terms.js';
import type { ReferralCriterion } from './schema.js';

/** MARAC's windows: escalation counts incidents, repeat counts abuse, over the last 12 months. */
export const REFERRAL_WINDOW_MONTHS = 12;
export const ESCALATION_INCIDENTS = 3;

export interface ReferralFacts {
  now: Date;
  /** The newest assessment's grades, if any. */
  latest: { score: RiskGrade; final: RiskGrade } | null;
  incidentTimes: Date[];
  /** The newest abuse on record: an incident or a violation of an order. */
  lastAbuseAt: Date | null;
  lastReferral: { referredAt: Date; waiting: boolean } | null;
}

export interface ReferralDecision {
  criteria: ReferralCriterion[];
  /** A referral within 12 months of the previous one: the conference must see it was back. */
  isRepeat: boolean;
}

/**
 * Whether a case goes (or goes again) to the district's risk conference, and why. A case already
 * heard comes back only after further abuse — within 12 months that alone is enough (a repeat);
 * a reassessment with nothing new does not send it back.
 */
export function decideReferral(facts: ReferralFacts): ReferralDecision | null {
  const windowStart = addMonths(facts.now, -REFERRAL_WINDOW_MONTHS);
  const criteria: ReferralCriterion[] = [];
  if (facts.latest?.score === 'high') criteria.push('high-score');
  else if (facts.latest?.final === 'high') criteria.push('professional-judgement');
  const recent = facts.incidentTimes.filter((at) => at > windowStart && at <= facts.now);
  if (recent.length >= ESCALATION_INCIDENTS) criteria.push('escalation');

  const last = facts.lastReferral;
  if (!last || last.waiting) return criteria.length > 0 ? { criteria, isRepeat: false } : null;
  const abusedSince = facts.lastAbuseAt !== null && facts.lastAbuseAt > last.referredAt;
  if (!abusedSince) return null;
  const withinWindow = facts.lastAbuseAt! <= addMonths(last.referredAt, REFERRAL_WINDOW_MONTHS);
  if (withinWindow) return { criteria: [...criteria, 'repeat'], isRepeat: true };
  return criteria.length > 0 ? { criteria, isRepeat: last.referredAt > windowStart } : null;
}
