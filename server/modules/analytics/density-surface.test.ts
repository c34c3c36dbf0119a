import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quarticDensity } from './density.js';
import { DensitySurface } from './density-surface.js';

const grid = { originX: 0, originY: 0, cellSize: 10, columns: 21, rows: 21 };

describe('a density surface updated one incident at a time', () => {
  it('adds a second incident at a cell centre on top of the first, by hand', () => {
    const surface = new DensitySurface(grid, 50, [{ x: 105, y: 105 }]);
    surface.add({ x: 135, y: 105 });
    const peak = 3 / (Math.PI * 2500);
    // At the first point: its own peak plus the second's kernel 30 m away, (1 − 900/2500)² = 0.4096.
    expect(surface.density[10 * 21 + 10]! / peak).toBeCloseTo(1.4096, 12);
    // 50 m west of the first point is one bandwidth from it and 80 m from the second: nothing.
    expect(surface.density[10 * 21 + 5]).toBe(0);
    // 50 m east of the first point only the second counts, 20 m away: (1 − 400/2500)² = 0.7056.
    expect(surface.density[10 * 21 + 15]! / peak).toBeCloseTo(0.7056, 12);
  });

  it('equals a full recomputation after incidents are added, at the edge of the grid too', () => {
    const point = fc.record({
      x: fc.double({ min: -60, max: 270, noNaN: true }),
      y: fc.double({ min: -60, max: 270, noNaN: true }),
      weight: fc.integer({ min: 1, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(point, { maxLength: 30 }), fc.array(point, { minLength: 1, maxLength: 5 }), (before, added) => {
        const surface = new DensitySurface(grid, 50, before);
        for (const p of added) surface.add(p);
        const full = quarticDensity([...before, ...added], grid, 50);
        const largest = Math.max(...full, 1e-300);
        for (let i = 0; i < full.length; i++)
          expect(Math.abs(surface.density[i]! - full[i]!)).toBeLessThanOrEqual(1e-12 * largest);
      }),
      { numRuns: 50 },
    );
  });
});
