import { describe, expect, it } from 'vitest';
import { CATEGORY_CODES, categoryByCode, type CategoryCode } from '../../../common/categories.js';
import { CLEARED_OUTCOMES, type RecordedOutcome } from '../../../common/investigation-outcomes.js';
import { localDay } from '../../../common/register-terms.js';
import { seededRandom } from '../../../common/seeded-random.js';
import { demoOutcome } from './demo-outcomes.js';

const N = 4000;
const NOW = new Date('2026-11-27T06:00:00Z');
const DAY_MS = 86_400_000;

/** N crimes of a category that occurred `daysAgo` before NOW, and their outcomes. */
function draw(category: CategoryCode, daysAgo: number, seed = 7): { occurred: Date; outcome: RecordedOutcome | null }[] {
  const random = seededRandom(seed);
  const occurred = new Date(NOW.getTime() - daysAgo * DAY_MS);
  return Array.from({ length: N }, () => ({ occurred, outcome: demoOutcome(category, occurred, NOW, random) }));
}

const share = (rows: { outcome: RecordedOutcome | null }[], codes: readonly (string | null)[]) =>
  rows.filter((r) => codes.includes(r.outcome?.code ?? null)).length / rows.length;
const CRIMES = CATEGORY_CODES.filter((c) => categoryByCode(c).group === 'crime');

describe('demoOutcome', () => {
  it('draws the same outcomes from the same seed', () => {
    expect(draw('burglary', 100, 11)).toEqual(draw('burglary', 100, 11));
    expect(draw('burglary', 100, 11)).not.toEqual(draw('burglary', 100, 12));
  });

  it('decides crimes only, never before the offence nor after now', () => {
    for (const category of ['noise', 'lost-documents', 'road-accident', 'drunk-driving'] as const) {
      expect(share(draw(category, 400), [null]), category).toBe(1);
    }
    const today = localDay(NOW, 'Asia/Almaty');
    for (const category of CRIMES) {
      for (const daysAgo of [0.5, 20, 400]) {
        const rows = draw(category, daysAgo);
        const days = rows.flatMap((r) => (r.outcome ? [r.outcome.decidedOn] : [])).sort();
        expect(days.every((day) => /^\d{4}-\d{2}-\d{2}$/.test(day))).toBe(true);
        if (days.length === 0) continue;
        expect(days[0]! >= localDay(rows[0]!.occurred, 'Asia/Almaty'), category).toBe(true);
        expect(days.at(-1)! <= today, category).toBe(true);
      }
    }
  });

  it('clears burglary and fraud less often than domestic violence, and leaves a few with no offence', () => {
    const cleared = (category: CategoryCode) => share(draw(category, 400), CLEARED_OUTCOMES);
    expect(cleared('burglary')).toBeLessThan(0.5);
    expect(cleared('fraud')).toBeLessThan(0.5);
    expect(cleared('domestic-violence')).toBeGreaterThan(0.75);
    const dv = draw('domestic-violence', 400);
    // Reconciliation: about half of the cleared cases end without trial.
    expect(share(dv, ['ended-offender-identified']) / share(dv, CLEARED_OUTCOMES)).toBeGreaterThan(0.4);
    for (const category of CRIMES) {
      const rows = draw(category, 400);
      expect(share(rows, ['no-offence']), category).toBeGreaterThan(0.01);
      expect(share(rows, ['no-offence']), category).toBeLessThan(0.12);
      expect(share(rows, [null]), category).toBeLessThan(0.08);
    }
  });

  it('clears about half of a year-old mix of crimes, and leaves most of the last days undecided', () => {
    const old = CRIMES.flatMap((category) => draw(category, 400));
    expect(share(old, CLEARED_OUTCOMES)).toBeGreaterThan(0.5);
    expect(share(old, CLEARED_OUTCOMES)).toBeLessThan(0.7);
    expect(share(old, ['suspended-no-suspect'])).toBeGreaterThan(0.2);
    const recent = CRIMES.flatMap((category) => draw(category, 2));
    expect(share(recent, [null])).toBeGreaterThan(0.9);
    const monthOld = CRIMES.flatMap((category) => draw(category, 30));
    expect(share(monthOld, [null])).toBeGreaterThan(0.3);
    expect(share(monthOld, [null])).toBeLessThan(0.8);
  });
});
