import { describe, expect, it } from 'vitest';
import { normalMeanCost, pelt, poissonCost } from './change-points.js';
import { seededRandom } from './random.js';

/** Knuth's Poisson sampler: fine for the small means of a test. */
function poisson(mean: number, random: () => number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

describe('PELT change-points', () => {
  it('finds the two known changes in Poisson counts (means 20 → 40 → 25, changes at 30 and 60)', () => {
    const random = seededRandom(7);
    const series = [...Array(90).keys()].map((i) => poisson(i < 30 ? 20 : i < 60 ? 40 : 25, random));
    const changes = pelt(series, { cost: poissonCost });
    expect(changes).toHaveLength(2);
    expect(Math.abs(changes[0]! - 30)).toBeLessThanOrEqual(1);
    expect(Math.abs(changes[1]! - 60)).toBeLessThanOrEqual(1);
  });

  it('finds a shift of two standard deviations in normal noise, and exactly where it is', () => {
    const random = seededRandom(11);
    const series = [...Array(60).keys()].map((i) => (i < 36 ? 100 : 102) + normal(random));
    expect(pelt(series, { cost: normalMeanCost(1) })).toEqual([36]);
  });

  it('reports no change in most stationary Poisson series (the BIC penalty keeps false alarms rare)', () => {
    const random = seededRandom(3);
    let withChange = 0;
    for (let run = 0; run < 50; run++) {
      const series = [...Array(48).keys()].map(() => poisson(30, random));
      if (pelt(series, { cost: poissonCost }).length > 0) withChange++;
    }
    expect(withChange).toBeLessThanOrEqual(5);
  });

  it('agrees with an exhaustive search over all segmentations of a short series', () => {
    const random = seededRandom(5);
    const series = [...Array(12).keys()].map((i) => poisson(i < 5 ? 3 : 12, random));
    const penalty = 2 * Math.log(series.length);
    const cost = (s: number, t: number) => {
      const part = series.slice(s, t);
      return poissonCost(
        part.reduce((a, b) => a + b, 0),
        0,
        part.length,
      );
    };
    let best = Infinity;
    let bestChanges: number[] = [];
    // Every subset of the 11 possible change positions, each segment at least 2 long.
    for (let mask = 0; mask < 1 << 11; mask++) {
      const changes = [...Array(11).keys()].map((i) => i + 1).filter((_, i) => mask & (1 << i));
      const bounds = [0, ...changes, series.length];
      if (bounds.slice(1).some((b, i) => b - bounds[i]! < 2)) continue;
      const total = bounds.slice(1).reduce((sum, b, i) => sum + cost(bounds[i]!, b), 0) + penalty * changes.length;
      if (total < best - 1e-9) {
        best = total;
        bestChanges = changes;
      }
    }
    expect(pelt(series, { cost: poissonCost })).toEqual(bestChanges);
  });
});
