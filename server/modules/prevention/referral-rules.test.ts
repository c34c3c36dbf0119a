import { describe, expect, it } from 'vitest';
import { decideReferral, type ReferralFacts } from './referral-rules.js';

const now = new Date('2026-06-01T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const facts = (over: Partial<ReferralFacts>): ReferralFacts => ({
  now,
  latest: null,
  incidentTimes: [],
  lastAbuseAt: null,
  lastReferral: null,
  ...over,
});

describe('referral to the risk conference', () => {
  it('refers a high score', () => {
    expect(decideReferral(facts({ latest: { score: 'high', final: 'high' } }))).toEqual({
      criteria: ['high-score'],
      isRepeat: false,
    });
  });

  it('refers a grade raised to high by professional judgement', () => {
    expect(decideReferral(facts({ latest: { score: 'medium', final: 'high' } }))?.criteria).toEqual(['professional-judgement']);
  });

  it('does not refer a medium grade', () => {
    expect(decideReferral(facts({ latest: { score: 'medium', final: 'medium' } }))).toBeNull();
  });

  it('refers three incidents within 12 months (escalation), not three spread over longer', () => {
    const recent = [daysAgo(10), daysAgo(100), daysAgo(360)];
    expect(decideReferral(facts({ incidentTimes: recent }))?.criteria).toEqual(['escalation']);
    expect(decideReferral(facts({ incidentTimes: [daysAgo(10), daysAgo(100), daysAgo(370)] }))).toBeNull();
  });

  it('sends a heard case back, flagged as a repeat, after further abuse within 12 months of the referral', () => {
    const decision = decideReferral(
      facts({ lastReferral: { referredAt: daysAgo(200), waiting: false }, lastAbuseAt: daysAgo(1), incidentTimes: [daysAgo(1)] }),
    );
    expect(decision).toEqual({ criteria: ['repeat'], isRepeat: true });
  });

  it('does not send a heard case back without further abuse, whatever the reassessment says', () => {
    const decision = decideReferral(
      facts({
        latest: { score: 'high', final: 'high' },
        lastReferral: { referredAt: daysAgo(30), waiting: false },
        lastAbuseAt: daysAgo(40),
      }),
    );
    expect(decision).toBeNull();
  });

  it('treats abuse more than 12 months after the last referral as new, not a repeat', () => {
    const lastReferral = { referredAt: daysAgo(400), waiting: false };
    expect(decideReferral(facts({ lastReferral, lastAbuseAt: daysAgo(1), incidentTimes: [daysAgo(1)] }))).toBeNull();
    expect(decideReferral(facts({ lastReferral, lastAbuseAt: daysAgo(1), latest: { score: 'high', final: 'high' } }))).toEqual({
      criteria: ['high-score'],
      isRepeat: false,
    });
  });
});
