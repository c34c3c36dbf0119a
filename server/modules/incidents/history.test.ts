import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORY_CODES, type CategoryCode } from '../../../common/categories.js';
import {
  apportion,
  conceptRegionFactor,
  distributeMonthly,
  expectedCountsForMonths,
  monthsEndingAt,
  type DistrictInput,
  type HistoryRow,
} from './history.js';
import { seededRandom } from '../../../common/seeded-random.js';
import { nationalCountsByYear } from './national-figures.js';

const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

function totalsBy(rows: readonly HistoryRow[], key: (row: HistoryRow) => string): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(key(row), (totals.get(key(row)) ?? 0) + row.count);
  return totals;
}

const arbDistricts = fc
  .uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[a-z]{1,6}$/),
      regionId: fc.constantFrom('KZ-75', 'KZ-19', '710000000', 'somewhere'),
      population: fc.integer({ min: 1, max: 2_000_000 }),
    }),
    { minLength: 1, maxLength: 12, selector: (d) => d.id },
  )
  .map((ds) => ds as DistrictInput[]);

const arbCounts = fc
  .array(
    fc.tuple(
      fc.integer({ min: 2015, max: 2030 }),
      fc.array(fc.tuple(fc.constantFrom(...CATEGORY_CODES), fc.integer({ min: 0, max: 5000 })), {
        maxLength: 6,
      }),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((years) => new Map(years.map(([year, entries]) => [year, new Map<CategoryCode, number>(entries)])));

describe('apportion', () => {
  it('splits a whole number exactly, each part its quota rounded down or up', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e6, noNaN: true })), {
          minLength: 1,
          maxLength: 50,
        }),
        fc.option(fc.integer(), { nil: undefined }),
        (total, weights, seed) => {
          fc.pre(total === 0 || sum(weights) > 0);
          const parts = apportion(total, weights, seed === undefined ? undefined : seededRandom(seed));
          expect(sum(parts)).toBe(total);
          const weightSum = sum(weights);
          parts.forEach((part, i) => {
            const quota = total === 0 ? 0 : (total * (weights[i] ?? 0)) / weightSum;
            expect(Number.isInteger(part)).toBe(true);
            expect(part).toBeGreaterThanOrEqual(Math.floor(quota - 1e-6));
            expect(part).toBeLessThanOrEqual(Math.ceil(quota + 1e-6));
          });
        },
      ),
    );
  });

  it('gives the units left over to the largest remainders', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0.25, 0.5, 0.25])).toEqual([2, 3, 2]);
    expect(apportion(2, [1, 1, 1])).toEqual([1, 1, 0]); // ties go to the earlier part
    expect(apportion(3, [0, 5, 0])).toEqual([0, 3, 0]);
  });

  it('with a random source, gives each part its extra unit as often as its remainder says', () => {
    const random = seededRandom(7);
    const extra = [0, 0, 0];
    const runs = 20_000;
    for (let run = 0; run < runs; run++) {
      apportion(1, [0.6, 0.3, 0.1], random).forEach((n, i) => (extra[i] = (extra[i] ?? 0) + n));
    }
    expect((extra[0] ?? 0) / runs).toBeCloseTo(0.6, 1);
    expect((extra[1] ?? 0) / runs).toBeCloseTo(0.3, 1);
    expect((extra[2] ?? 0) / runs).toBeCloseTo(0.1, 1);
  });

  it('refuses what cannot be split', () => {
    expect(() => apportion(1.5, [1])).toThrow(RangeError);
    expect(() => apportion(-1, [1])).toThrow(RangeError);
    expect(() => apportion(5, [0, 0])).toThrow(RangeError);
    expect(() => apportion(5, [1, -1])).toThrow(RangeError);
    expect(apportion(0, [0, 0])).toEqual([0, 0]);
  });
});

describe('distributeMonthly', () => {
  it('keeps every year and category total exactly, for any seed', () => {
    fc.assert(
      fc.property(arbCounts, arbDistricts, fc.integer(), (counts, districts, seed) => {
        const rows = distributeMonthly({ counts, districts, seed });
        const byYearCategory = totalsBy(rows, (r) => `${r.month.slice(0, 4)} ${r.category}`);
        for (const [year, byCategory] of counts) {
          for (const [category, n] of byCategory) {
            expect(byYearCategory.get(`${year} ${category}`) ?? 0).toBe(n);
          }
        }
        const ids = new Map(districts.map((d) => [d.id, d.regionId]));
        for (const row of rows) {
          expect(row.count).toBeGreaterThan(0);
          expect(Number.isInteger(row.count)).toBe(true);
          expect(ids.get(row.districtId)).toBe(row.regionId);
          expect(counts.get(Number(row.month.slice(0, 4)))?.has(row.category)).toBe(true);
          expect(row.month).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same rows for the same seed, and others for another seed', () => {
    const counts = new Map([
      [
        2020,
        new Map<CategoryCode, number>([
          ['burglary', 900],
          ['fraud', 400],
        ]),
      ],
    ]);
    const districts = Array.from({ length: 20 }, (_, i) => ({
      id: `d${i}`,
      regionId: 'r',
      population: 1000 * (i + 1),
    }));
    const first = distributeMonthly({ counts, districts, seed: 42 });
    expect(distributeMonthly({ counts, districts, seed: 42 })).toEqual(first);
    expect(distributeMonthly({ counts, districts, seed: 43 })).not.toEqual(first);
  });

  it("does not move one district's numbers when another district joins", () => {
    const counts = new Map([[2021, new Map<CategoryCode, number>([['other-theft', 50_000]])]]);
    const a = { id: 'a', regionId: 'r', population: 100_000 };
    const b = { id: 'b', regionId: 'r', population: 100_000 };
    const alone = distributeMonthly({ counts, districts: [a, b], seed: 1 });
    const joined = distributeMonthly({
      counts,
      districts: [a, b, { id: 'c', regionId: 'r', population: 100_000 }],
      seed: 1,
    });
    const share = (rows: HistoryRow[]) => {
      const t = totalsBy(rows, (r) => r.districtId);
      return (t.get('a') ?? 0) / ((t.get('a') ?? 0) + (t.get('b') ?? 0));
    };
    expect(share(joined)).toBeCloseTo(share(alone), 2);
  });

  it('follows population: a district ten times larger gets several times more', () => {
    const counts = new Map([[2022, new Map<CategoryCode, number>([['other-theft', 100_000]])]]);
    const districts = [
      ...Array.from({ length: 10 }, (_, i) => ({
        id: `small${i}`,
        regionId: 'r',
        population: 10_000,
      })),
      ...Array.from({ length: 10 }, (_, i) => ({
        id: `large${i}`,
        regionId: 'r',
        population: 100_000,
      })),
    ];
    const byDistrict = totalsBy(distributeMonthly({ counts, districts, seed: 5 }), (r) => r.districtId.replace(/\d+$/, ''));
    const ratio = (byDistrict.get('large') ?? 0) / (byDistrict.get('small') ?? 1);
    expect(ratio).toBeGreaterThan(6);
    expect(ratio).toBeLessThan(15);
  });

  it('has more bicycle thefts in July than in January, and hoax threats in term time', () => {
    const counts = new Map([
      [
        2019,
        new Map<CategoryCode, number>([
          ['bicycle-theft', 12_000],
          ['terror-threat', 1200],
        ]),
      ],
    ]);
    const rows = distributeMonthly({
      counts,
      districts: [{ id: 'x', regionId: 'r', population: 1 }],
      seed: 3,
    });
    const byMonth = totalsBy(rows, (r) => `${r.category} ${r.month}`);
    expect(byMonth.get('bicycle-theft 2019-07') ?? 0).toBeGreaterThan(5 * (byMonth.get('bicycle-theft 2019-01') ?? 0));
    expect(byMonth.get('terror-threat 2019-10') ?? 0).toBeGreaterThan(byMonth.get('terror-threat 2019-07') ?? 0);
  });

  it("spreads the concept's whole national history exactly over 224 districts", () => {
    const counts = nationalCountsByYear();
    const random = seededRandom(11);
    const districts = Array.from({ length: 224 }, (_, i) => ({
      id: `district-${i}`,
      regionId: `KZ-${[10, 11, 15, 19, 23, 27, 31, 33, 35, 39, 43, 47, 55, 59, 61, 62, 63, 71, 75, 79][i % 20]}`,
      population: Math.round(20_000 + random() * 300_000),
    }));
    const rows = distributeMonthly({ counts, districts, seed: 2024 });
    const byYear = totalsBy(rows, (r) => r.month.slice(0, 4));
    expect(byYear.get('2018')).toBe(292_200);
    expect(byYear.get('2022')).toBe(157_400);
    const byYearCategory = totalsBy(rows, (r) => `${r.month.slice(0, 4)} ${r.category}`);
    for (const [year, byCategory] of counts) {
      for (const [category, n] of byCategory) expect(byYearCategory.get(`${year} ${category}`) ?? 0).toBe(n);
    }
  });

  it('puts livestock theft in the regions the concept names, not in the big cities', () => {
    const counts = new Map([[2022, new Map<CategoryCode, number>([['livestock-theft', 20_000]])]]);
    const districts = [
      { id: 'turkistan', regionId: 'KZ-61', population: 100_000 },
      { id: 'pavlodar', regionId: 'KZ-55', population: 100_000 },
      { id: 'almaty-city', regionId: '750000000', population: 100_000 },
    ];
    // Many seeds, so the districts' own random character averages out.
    const totals = new Map<string, number>();
    for (let seed = 0; seed < 40; seed++) {
      for (const row of distributeMonthly({ counts, districts, seed })) {
        totals.set(row.districtId, (totals.get(row.districtId) ?? 0) + row.count);
      }
    }
    expect(totals.get('turkistan') ?? 0).toBeGreaterThan(totals.get('pavlodar') ?? 0);
    expect(totals.get('pavlodar') ?? 0).toBeGreaterThan(5 * (totals.get('almaty-city') ?? 0));
    expect(conceptRegionFactor('elsewhere', 'livestock-theft')).toBe(1);
    expect(conceptRegionFactor('KZ-71', 'phone-theft')).toBeGreaterThan(1);
  });
});

describe('expectedCountsForMonths', () => {
  const annual = new Map<CategoryCode, number>([
    ['other-theft', 12_000],
    ['fraud', 6000],
    ['terror-threat', 227],
  ]);

  it('gives back a flat year exactly over its twelve months', () => {
    const months = Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, '0')}`);
    const rows = expectedCountsForMonths({ annual, baselineYear: 2022, months, scale: 1 });
    for (const [category, n] of annual) {
      expect(sum(rows.filter((r) => r.category === category).map((r) => r.count))).toBe(n);
    }
  });

  it('scales the volume', () => {
    const months = monthsEndingAt(new Date('2025-12-15T00:00:00Z'), 36);
    expect(months[0]).toBe('2023-01');
    const rows = expectedCountsForMonths({ annual, baselineYear: 2022, months, scale: 0.01 });
    const theft = rows.filter((r) => r.category === 'other-theft');
    for (const y of ['2023', '2024', '2025']) {
      expect(sum(theft.filter((r) => r.month.startsWith(y)).map((r) => r.expected))).toBeCloseTo(120, 9);
    }
    expect(sum(theft.map((r) => r.count))).toBe(360);
  });

  it('applies the trend per year, counted from the middle of the baseline year', () => {
    const months = monthsEndingAt(new Date('2025-12-15T00:00:00Z'), 36);
    const rows = expectedCountsForMonths({
      annual,
      baselineYear: 2022,
      months,
      scale: 1,
      trend: 0.5,
    });
    const theft = new Map(rows.filter((r) => r.category === 'other-theft').map((r) => [r.month, r]));
    // 2023 and 2025 are not leap years, so their months' seasonal shares are the same.
    expect((theft.get('2025-03')?.expected ?? 0) / (theft.get('2023-03')?.expected ?? 1)).toBeCloseTo(0.25, 12);
    expect((theft.get('2025-08')?.expected ?? 0) / (theft.get('2023-08')?.expected ?? 1)).toBeCloseTo(0.25, 12);
    // Mid-July 2023 is a year and half a month after the middle of 2022.
    const flat = expectedCountsForMonths({
      annual,
      baselineYear: 2022,
      months: ['2023-07'],
      scale: 1,
    });
    const julyFlat = flat.find((r) => r.category === 'other-theft')?.expected ?? 0;
    expect((theft.get('2023-07')?.expected ?? 0) / julyFlat).toBeCloseTo(0.5 ** (1 + 1 / 24), 12);
    const counts = [...theft.values()].map((r) => r.count);
    expect(sum(counts)).toBe(Math.round(sum([...theft.values()].map((r) => r.expected))));
  });

  it('takes a trend per category', () => {
    const months = ['2024-05'];
    const trend = new Map<CategoryCode, number>([['fraud', 2]]);
    const trended = expectedCountsForMonths({
      annual,
      baselineYear: 2022,
      months,
      scale: 1,
      trend,
    });
    const flat = expectedCountsForMonths({ annual, baselineYear: 2022, months, scale: 1 });
    const expected = (rows: typeof flat, c: CategoryCode) => rows.find((r) => r.category === c)?.expected ?? 0;
    const years = 2024 + 4.5 / 12 - 2022.5;
    expect(expected(trended, 'fraud') / expected(flat, 'fraud')).toBeCloseTo(2 ** years, 12);
    expect(expected(trended, 'other-theft')).toBe(expected(flat, 'other-theft'));
  });

  it('refuses a bad scale, a repeated month and a malformed one', () => {
    expect(() => expectedCountsForMonths({ annual, baselineYear: 2022, months: ['2024-01'], scale: 0 })).toThrow();
    expect(() =>
      expectedCountsForMonths({
        annual,
        baselineYear: 2022,
        months: ['2024-01', '2024-01'],
        scale: 1,
      }),
    ).toThrow();
    expect(() => expectedCountsForMonths({ annual, baselineYear: 2022, months: ['2024-13'], scale: 1 })).toThrow();
  });
});

describe('monthsEndingAt', () => {
  it('counts back across year ends, oldest first', () => {
    expect(monthsEndingAt(new Date('2024-02-29T23:59:59Z'), 3)).toEqual(['2023-12', '2024-01', '2024-02']);
    expect(monthsEndingAt(new Date('2024-02-01T00:00:00Z'), 24)).toHaveLength(24);
    expect(monthsEndingAt(new Date('2024-02-01T00:00:00Z'), 24)[0]).toBe('2022-03');
  });
});
