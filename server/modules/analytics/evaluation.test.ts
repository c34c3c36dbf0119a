import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capturedAtShare, forecastMetrics } from './evaluation.js';

describe('forecast metrics', () => {
  // Ten cells, six crimes: the forecast ranks cells 0, 1, 2, … while the crimes sit in 0, 2 and 9.
  const scores = [5, 4, 3, 2, 1, 0, 0, 0, 0, 0];
  const observed = [1, 0, 2, 0, 0, 0, 0, 0, 0, 3];

  it('computes hit rate, PAI and PEI* by hand at 10% of area', () => {
    // One cell flagged, one crime caught: hit rate 1/6, PAI 1/6 ÷ 0.1; the best cell holds 3, so PAI* = 3/6 ÷ 0.1.
    const m = forecastMetrics(scores, observed, 0.1)!;
    expect(m.hitRate).toBeCloseTo(1 / 6, 12);
    expect(m.pai).toBeCloseTo(10 / 6, 12);
    expect(m.peiStar).toBeCloseTo(1 / 3, 12);
  });

  it('shrinks the best area to the cells that had crime (PEI*)', () => {
    // Half the area flagged catches 3 of 6 (PAI 1); all 6 sit in 3 cells, so PAI* = 1 ÷ 0.3.
    const m = forecastMetrics(scores, observed, 0.5)!;
    expect(m.hitRate).toBeCloseTo(0.5, 12);
    expect(m.pai).toBeCloseTo(1, 12);
    expect(m.peiStar).toBeCloseTo(0.3, 12);
  });

  it('counts ties at the cut-off pro rata, so a flat forecast scores PAI 1', () => {
    expect(capturedAtShare([1, 1, 1, 1], [4, 0, 0, 0], 0.25)).toBeCloseTo(1, 12);
    expect(forecastMetrics([7, 7, 7, 7], [4, 0, 0, 0], 0.25)!.pai).toBeCloseTo(1, 12);
    // Cell 0 is flagged outright, then half of the two tied cells' 2 + 4 crimes.
    expect(capturedAtShare([9, 5, 5, 1], [1, 2, 4, 8], 0.5)).toBeCloseTo(1 + 3, 12);
  });

  it('gives no metrics for a period without crime', () => {
    expect(forecastMetrics([1, 2], [0, 0], 0.5)).toBeNull();
  });

  it('never beats a perfect forecast: PEI* ≤ 1, reached by the observed counts unless the area outgrows the cells with crime', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(5), fc.nat(20)), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (cells, share) => {
          const observed = cells.map(([count]) => count);
          const scores = cells.map(([, score]) => score);
          const m = forecastMetrics(scores, observed, share);
          if (!m) return;
          expect(m.peiStar).toBeLessThanOrEqual(1 + 1e-9);
          expect(m.hitRate).toBeLessThanOrEqual(1 + 1e-9);
          const cellsWithCrime = observed.filter((count) => count > 0).length;
          const area = share * observed.length;
          expect(forecastMetrics(observed, observed, share)!.peiStar).toBeCloseTo(Math.min(area, cellsWithCrime) / area, 9);
        },
      ),
      { numRuns: 200 },
    );
  });
});
