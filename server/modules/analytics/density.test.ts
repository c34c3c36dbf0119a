import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridAround, quarticDensity } from './density.js';

describe('quartic kernel density', () => {
  it('peaks at 3/(πh²) over a lone point and falls to (1 − d²/h²)² of it', () => {
    const grid = { originX: 0, originY: 0, cellSize: 10, columns: 21, rows: 21 };
    const density = quarticDensity([{ x: 105, y: 105 }], grid, 50);
    const peak = 3 / (Math.PI * 2500);
    expect(density[10 * 21 + 10]).toBeCloseTo(peak, 12);
    // Three cells east is 30 m away: (1 − 900/2500)² = 0.4096.
    expect(density[10 * 21 + 13]! / peak).toBeCloseTo(0.4096, 10);
    // Exactly one bandwidth away the kernel is zero.
    expect(density[10 * 21 + 15]).toBe(0);
  });

  it('integrates to the number of events (weights included) when the grid covers every kernel', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.double({ min: 0, max: 1000, noNaN: true }),
            y: fc.double({ min: 0, max: 1000, noNaN: true }),
            weight: fc.integer({ min: 1, max: 3 }),
          }),
          {
            minLength: 1,
            maxLength: 20,
          },
        ),
        (points) => {
          const grid = gridAround(points, 5, 200);
          const density = quarticDensity(points, grid, 150);
          const total = density.reduce((a, b) => a + b, 0) * 25;
          const weights = points.reduce((a, p) => a + p.weight, 0);
          expect(Math.abs(total - weights) / weights).toBeLessThan(0.005);
        },
      ),
      { numRuns: 30 },
    );
  });
});
