import type { CategoryCode } from '../../../common/categories.js';
import { type RecordedOutcome } from '../../../common/investigation-outcomes.js';
import { KAZAKHSTAN_ZONE } from '../../../common/time.js';

/**
 * Plausible investigation outcomes for the demo seeder's generated crimes, so the clearance rate
 * shows numbers. The shares are general patterns (offences found by the police themselves and
 * violence between people who know each other are nearly always cleared; burglary and fraud
 * seldom), not Kazakh statistics.
 */

interface Profile {
  /** Share eventually cleared: sent to court or ended on non-exonerating grounds. */
  cleared: number;
  /** Of those cleared, the share ended without trial (reconciliation, amnesty …) rather than sent to court. */
  endedWithoutTrial: number;
  /** Share ended because no offence took place. */
  noOffence: number;
}

const PROFILES: Partial<Record<CategoryCode, Profile>> = {
  burglary: { cleared: 0.4, endedWithoutTrial: 0.1, noOffence: 0.04 },
  robbery: { cleared: 0.6, endedWithoutTrial: 0.1, noOffence: 0.03 },
  'vehicle-crime': { cleared: 0.45, endedWithoutTrial: 0.15, noOffence: 0.05 },
  'violent-crime': { cleared: 0.75, endedWithoutTrial: 0.3, noOffence: 0.05 },
  'other-theft': { cleared: 0.55, endedWithoutTrial: 0.25, noOffence: 0.05 },
  'theft-from-the-person': { cleared: 0.45, endedWithoutTrial: 0.15, noOffence: 0.03 },
  shoplifting: { cleared: 0.7, endedWithoutTrial: 0.35, noOffence: 0.03 },
  'bicycle-theft': { cleared: 0.4, endedWithoutTrial: 0.2, noOffence: 0.04 },
  'phone-theft': { cleared: 0.55, endedWithoutTrial: 0.2, noOffence: 0.04 },
  'livestock-theft': { cleared: 0.5, endedWithoutTrial: 0.2, noOffence: 0.05 },
  fraud: { cleared: 0.4, endedWithoutTrial: 0.15, noOffence: 0.08 },
  'internet-fraud': { cleared: 0.35, endedWithoutTrial: 0.1, noOffence: 0.04 },
  'cyber-crime': { cleared: 0.35, endedWithoutTrial: 0.1, noOffence: 0.05 },
  drugs: { cleared: 0.92, endedWithoutTrial: 0.1, noOffence: 0.04 },
  'public-order': { cleared: 0.75, endedWithoutTrial: 0.35, noOffence: 0.05 },
  'criminal-damage-arson': { cleared: 0.45, endedWithoutTrial: 0.3, noOffence: 0.06 },
  'possession-of-weapons': { cleared: 0.9, endedWithoutTrial: 0.1, noOffence: 0.04 },
  // Reconciliation ends many of these without trial (once, as the law allows for domestic violence).
  'domestic-violence': { cleared: 0.85, endedWithoutTrial: 0.5, noOffence: 0.05 },
  'sexual-offences': { cleared: 0.7, endedWithoutTrial: 0.05, noOffence: 0.08 },
  'offences-against-children': { cleared: 0.8, endedWithoutTrial: 0.05, noOffence: 0.05 },
  'human-trafficking': { cleared: 0.7, endedWithoutTrial: 0.05, noOffence: 0.05 },
  'terror-threat': { cleared: 0.6, endedWithoutTrial: 0.2, noOffence: 0.03 },
  'other-crime': { cleared: 0.65, endedWithoutTrial: 0.2, noOffence: 0.05 },
};

/** Share of old cases still under investigation: some take longer than the demo's two years. */
const STILL_OPEN = 0.04;
const DAY_MS = 86_400_000;
// One formatter for the whole seed: making one per row (as localDay does) costs seconds over the demo's history.
const KAZAKHSTAN_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: KAZAKHSTAN_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Days from the offence to the decision: weeks for most, months for a few. */
function delayDays(random: () => number, least: number, most: number): number {
  const r = random();
  return least + Math.floor(r * r * r * (most - least));
}

/**
 * One generated crime's outcome, drawn from `random` (the seeder's own stream, so the rest of the
 * history does not move); null while undecided. A decision that would fall after `now` has not
 * been taken yet, which leaves the recent months mostly undecided, as they would be.
 */
export function demoOutcome(category: CategoryCode, occurredAt: Date, now: Date, random: () => number): RecordedOutcome | null {
  const profile = PROFILES[category];
  if (!profile) return null;
  const draw = random();
  const [code, days]: [RecordedOutcome['code'], number] | [null, 0] =
    draw < profile.cleared
      ? [random() < profile.endedWithoutTrial ? 'ended-offender-identified' : 'sent-to-court', delayDays(random, 3, 200)]
      : draw < profile.cleared + profile.noOffence
        ? ['no-offence', delayDays(random, 3, 60)]
        : draw < 1 - STILL_OPEN
          ? ['suspended-no-suspect', delayDays(random, 30, 150)]
          : [null, 0];
  const decided = new Date(occurredAt.getTime() + days * DAY_MS);
  if (code === null || decided > now) return null;
  return { code, decidedOn: KAZAKHSTAN_DAY.format(decided) };
}
