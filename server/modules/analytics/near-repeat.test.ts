import fs from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { knoxTest, type NearRepeatEvent, type NearRepeatOptions, type NearRepeatResult } from './near-repeat.js';
import { loadChicagoBurglaries } from './real-data.js';
import { REAL_DATA_FILES } from './real-data-files.js';

const CALCULATOR_BANDS = { spatialBandwidth: 100, spatialBands: 3, temporalBandwidth: 2, temporalBands: 2 };

/** Counts every pair by brute force with the calculator's band rules. */
function bruteForce(events: NearRepeatEvent[], o: NearRepeatOptions): number[][] {
  const counts = Array.from({ length: o.spatialBands + 2 }, () => new Array<number>(o.temporalBands + 1).fill(0));
  for (let i = 0; i < events.length; i++) {
    for (let j = i + 1; j < events.length; j++) {
      const [a, b] = [events[i]!, events[j]!];
      const d = Math.hypot(a.x - b.x, a.y - b.y);
      const s = d === 0 ? 0 : Math.min(Math.ceil(d / o.spatialBandwidth), o.spatialBands + 1);
      const t = Math.min(Math.floor(Math.abs(a.t - b.t) / o.temporalBandwidth), o.temporalBands);
      counts[s]![t]! += 1;
    }
  }
  return counts;
}

describe('Knox test', () => {
  it('counts a tiny worked example into the calculator’s bands', () => {
    const events = [
      { x: 0, y: 0, t: 0 },
      { x: 0, y: 0, t: 1 },
      { x: 50, y: 0, t: 3 },
      { x: 1000, y: 0, t: 10 },
    ];
    const result = knoxTest(events, {
      spatialBandwidth: 100,
      spatialBands: 2,
      temporalBandwidth: 2,
      temporalBands: 2,
      iterations: 9,
      seed: 1,
    });
    expect(result.observed).toEqual([
      [1, 0, 0],
      [0, 2, 0],
      [0, 0, 0],
      [0, 0, 3],
    ]);
    expect(result.spatialBands).toEqual([
      { from: 0, to: 0 },
      { from: 0, to: 100 },
      { from: 100, to: 200 },
      { from: 200, to: null },
    ]);
    expect(result.temporalBands).toEqual([
      { from: 0, to: 2 },
      { from: 2, to: 4 },
      { from: 4, to: null },
    ]);
    expect(result.pairs).toBe(6);
  });

  it('matches a brute-force count on random patterns, and permutations keep each time band’s total', () => {
    const event = fc.record({
      x: fc.integer({ min: 0, max: 600 }),
      y: fc.integer({ min: 0, max: 600 }),
      t: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(fc.array(event, { minLength: 2, maxLength: 60 }), fc.integer(), (events, seed) => {
        const options = { spatialBandwidth: 50, spatialBands: 3, temporalBandwidth: 3, temporalBands: 2, iterations: 5, seed };
        const result = knoxTest(events, options);
        expect(result.observed).toEqual(bruteForce(events, options));
        for (let t = 0; t <= options.temporalBands; t++) {
          const column = (table: number[][]) => table.reduce((sum, row) => sum + row[t]!, 0);
          expect(column(result.expected)).toBeCloseTo(column(result.observed), 6);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('finds a planted repeat pattern significant at the smallest possible p', () => {
    const events: NearRepeatEvent[] = [];
    for (let i = 0; i < 200; i++) {
      const x = (i * 7919) % 10_000;
      const y = (i * 104_729) % 10_000;
      events.push({ x, y, t: i * 2 }, { x: x + 20, y, t: i * 2 + 1 });
    }
    const result = knoxTest(events, { ...CALCULATOR_BANDS, iterations: 99, seed: 7 });
    expect(result.pValue[1]![0]).toBe(0.01);
    expect(result.knoxRatio[1]![0]!).toBeGreaterThan(10);
  });

  it('refuses bands that are not positive', () => {
    expect(() => knoxTest([], { ...CALCULATOR_BANDS, spatialBandwidth: 0, iterations: 1, seed: 1 })).toThrow(RangeError);
    expect(() => knoxTest([], { ...CALCULATOR_BANDS, iterations: 0, seed: 1 })).toThrow(RangeError);
  });
});

interface ReferenceCell {
  expected: number[];
  pValue: number;
}

/** Reads the calculator's verbose output: the observed table and each cell's permuted counts. */
function readCalculatorOutput(file: string): { observed: number[][]; cells: ReferenceCell[][] } {
  const lines = fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.split(','));
  const start = lines.findIndex((cells) => cells[0] === 'Observed frequencies distribution') + 3;
  const observed = lines.slice(start, start + 5).map((cells) => cells.slice(2, 5).map(Number));
  const cells: ReferenceCell[][] = observed.map(() => []);
  lines.forEach((line, i) => {
    const heading = /^Row (\d) Column (\d)$/.exec(line[0] ?? '');
    if (!heading) return;
    const expected = lines[i + 1]!.slice(1)
      .filter((v) => v !== '')
      .map(Number);
    const pValue = Number(lines.slice(i, i + 12).find((cells) => cells[0] === 'P value')![1]);
    cells[Number(heading[1]) - 1]![Number(heading[2]) - 1] = { expected, pValue };
  });
  return { observed, cells };
}

describe('Knox test on Chicago 2016 burglaries against the Near Repeat Calculator', () => {
  let reference: ReturnType<typeof readCalculatorOutput>;
  let result: NearRepeatResult;
  let seconds: number;

  beforeAll(async () => {
    reference = readCalculatorOutput(REAL_DATA_FILES.chicagoNrcVerbose2016);
    const burglaries = await loadChicagoBurglaries(REAL_DATA_FILES.chicagoBurglaries, 2016);
    const started = performance.now();
    // 199 permutations: ten times the calculator's, and still well under a second.
    result = knoxTest(
      burglaries.map((b) => ({ x: b.x, y: b.y, t: b.day })),
      { ...CALCULATOR_BANDS, iterations: 199, seed: 2016 },
    );
    seconds = (performance.now() - started) / 1000;
  });

  it('counts the same 11,701 burglaries and all their pairs', () => {
    expect(result.pairs).toBe((11_701 * 11_700) / 2);
    expect(seconds).toBeLessThan(5);
  });

  it('reproduces the observed counts exactly in the first two time bands, within 0.1% in the last', () => {
    for (let s = 0; s < 5; s++) {
      expect(result.observed[s]!.slice(0, 2)).toEqual(reference.observed[s]!.slice(0, 2));
      const last = reference.observed[s]![2]!;
      expect(Math.abs(result.observed[s]![2]! - last) / last).toBeLessThan(0.001);
    }
  });

  it('expects the same counts within Monte Carlo error', () => {
    reference.cells.forEach((row, s) =>
      row.forEach((cell, t) => {
        const n = cell.expected.length;
        const mean = cell.expected.reduce((a, b) => a + b, 0) / n;
        const variance = cell.expected.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
        // Four standard errors of the difference of two means, ours from 199 permutations.
        const tolerance = 4 * Math.sqrt(variance / n + variance / result.iterations) + 1e-9;
        expect(Math.abs(result.expected[s]![t]! - mean), `row ${s + 1} column ${t + 1}`).toBeLessThan(tolerance);
      }),
    );
  });

  it('agrees on significance: significant at the calculator’s p = 0.05 where it was, far from it where it was not', () => {
    reference.cells.forEach((row, s) =>
      row.forEach((cell, t) => {
        const p = result.pValue[s]![t]!;
        if (cell.pValue <= 0.05) expect(p, `row ${s + 1} column ${t + 1}`).toBeLessThanOrEqual(0.05);
        else expect(p, `row ${s + 1} column ${t + 1}`).toBeGreaterThan(0.5);
      }),
    );
  });
});
