import fc from 'fast-check';
import { cellToParent, getResolution, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { FINEST_RESOLUTION, MIN_LOCATIONS, anonymisedCells, type TruePoint } from './anonymise.js';

/** Points around a few centres in Almaty, some spread thin and some close, with repeats of one place. */
const points = fc
  .array(
    fc.record({
      centre: fc.constantFrom([76.92, 43.24], [76.95, 43.26], [77.1, 43.3]),
      dx: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -400, max: 400 })),
      dy: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -400, max: 400 })),
      repeat: fc.integer({ min: 1, max: 3 }),
    }),
    { maxLength: 80 },
  )
  .map((draws) =>
    draws.flatMap(({ centre, dx, dy, repeat }, i) =>
      Array.from({ length: repeat }, (_, k): TruePoint => ({
        id: `${i}-${k}`,
        lon: centre[0]! + dx / 10_000,
        lat: centre[1]! + dy / 10_000,
      })),
    ),
  );

describe('anonymisedCells', () => {
  it('publishes every point at its resolution-9 cell or an ancestor of it, holding at least 3 distinct locations', () => {
    fc.assert(
      fc.property(points, (input) => {
        const cells = anonymisedCells(input);
        expect(cells.size).toBe(input.length);
        const byCell = new Map<string, TruePoint[]>();
        for (const p of input) {
          const cell = cells.get(p.id);
          if (!cell) continue;
          expect(getResolution(cell)).toBeLessThanOrEqual(FINEST_RESOLUTION);
          // An ancestor in H3's hierarchy, which does not tile exactly: not always the coarse cell a fresh look-up would give.
          expect(cellToParent(latLngToCell(p.lat, p.lon, FINEST_RESOLUTION), getResolution(cell))).toBe(cell);
          byCell.set(cell, [...(byCell.get(cell) ?? []), p]);
        }
        for (const group of byCell.values()) {
          expect(new Set(group.map((p) => `${p.lon} ${p.lat}`)).size).toBeGreaterThanOrEqual(MIN_LOCATIONS);
        }
      }),
    );
  });

  it('keeps a busy cell at resolution 9 and moves a lone point up until it is among others', () => {
    const busy = [0, 1, 2].map((i) => ({ id: `b${i}`, lon: 76.92 + i * 0.0001, lat: 43.24 }));
    const lone = { id: 'lone', lon: 76.935, lat: 43.245 };
    const neighbours = [0, 1].map((i) => ({ id: `n${i}`, lon: 76.94 + i * 0.0003, lat: 43.246 }));
    const cells = anonymisedCells([...busy, lone, ...neighbours]);
    expect(cells.get('b0')).toBe(latLngToCell(43.24, 76.92, 9));
    const loneCell = cells.get('lone');
    expect(loneCell).not.toBeNull();
    expect(getResolution(loneCell!)).toBeLessThan(9);
  });

  it('publishes without a location a point that no cell can hide', () => {
    expect(
      anonymisedCells([
        { id: 'a', lon: 76.9, lat: 43.2 },
        { id: 'b', lon: 76.9, lat: 43.2 },
      ]),
    ).toEqual(
      new Map([
        ['a', null],
        ['b', null],
      ]),
    );
  });
});
