import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { categoryByCode, type CategoryCode } from '../../../common/categories.js';
import {
  NATIONAL_FIGURES,
  NATIONAL_OFFENCE_CATEGORIES,
  nationalCountsByYear,
  nationalSeries,
  type NationalSeries,
} from './national-figures.js';

const CONCEPT = new URL('../../../../shared/concept/concept-2024-2028-kk.txt', import.meta.url);

const sum = (values: Iterable<number>) => [...values].reduce((s, v) => s + v, 0);
const series = (key: string): NationalSeries => {
  const found = nationalSeries(key);
  if (!found) throw new Error(`no series ${key}`);
  return found;
};
const value = (key: string, year: number) => series(key).values[String(year)] ?? NaN;

describe('national counts by year', () => {
  const counts = nationalCountsByYear();

  it('covers 2018 to 2022', () => {
    expect([...counts.keys()]).toEqual([2018, 2019, 2020, 2021, 2022]);
  });

  it("adds up to the concept's totals: 292,200 in 2018 and 157,400 in 2022", () => {
    expect(sum(counts.get(2018)?.values() ?? [])).toBe(292_200);
    expect(sum(counts.get(2022)?.values() ?? [])).toBe(157_400);
  });

  it('adds up to the total series in every year', () => {
    for (const [year, byCategory] of counts) expect(sum(byCategory.values()), String(year)).toBe(value('total', year));
  });

  it('holds whole, non-negative counts', () => {
    for (const byCategory of counts.values()) {
      for (const [category, n] of byCategory) {
        expect(Number.isInteger(n) && n >= 0, `${category}: ${n}`).toBe(true);
      }
    }
  });

  it('keeps the figures the concept states for every year', () => {
    const stated: [CategoryCode, number[]][] = [
      ['domestic-violence', [919, 1052, 1071, 1021, 935]],
      ['offences-against-children', [1976, 1983, 1738, 1969, 1849]],
      ['terror-threat', [147, 79, 64, 88, 227]],
    ];
    for (const [category, values] of stated) {
      expect([...counts.values()].map((y) => y.get(category))).toEqual(values);
    }
  });

  it('counts internet fraud apart from other fraud', () => {
    expect(counts.get(2018)?.get('internet-fraud')).toBe(517);
    expect(counts.get(2022)?.get('internet-fraud')).toBe(20_500);
    expect(counts.get(2018)?.get('fraud')).toBe(29_200 - 517);
    expect(counts.get(2022)?.get('fraud')).toBe(43_400 - 20_500);
  });

  it('spreads thefts over the theft categories without losing one', () => {
    const theftCategories = NATIONAL_FIGURES.categoryShares.theft?.shares.map((s) => s.category) ?? [];
    expect(theftCategories).toContain('livestock-theft');
    for (const [year, byCategory] of counts) {
      expect(sum(theftCategories.map((c) => byCategory.get(c) ?? 0))).toBe(value('theft', year));
    }
    expect(counts.get(2018)?.get('phone-theft')).toBe(180_100 / 4); // "every fourth theft"
  });

  it('puts robbery of both kinds, and murder and grievous harm, in their categories', () => {
    expect(counts.get(2018)?.get('robbery')).toBe(580 + 8091);
    expect(counts.get(2022)?.get('robbery')).toBe(177 + 2404);
    for (const year of counts.keys()) {
      expect(counts.get(year)?.get('violent-crime')).toBeGreaterThan(value('murder', year) + value('grievous-bodily-harm', year));
      expect(counts.get(year)?.get('sexual-offences')).toBeGreaterThanOrEqual(value('rape', year));
    }
  });

  it('covers recorded criminal offences only', () => {
    for (const code of NATIONAL_OFFENCE_CATEGORIES) {
      const category = categoryByCode(code);
      expect(category.group === 'crime' || code === 'drunk-driving', code).toBe(true);
    }
    for (const code of ['road-accident', 'emergency-sos', 'noise', 'lost-documents', 'missing-person'] as const) {
      expect(NATIONAL_OFFENCE_CATEGORIES).not.toContain(code);
    }
    for (const byCategory of counts.values()) expect([...byCategory.keys()]).toEqual(NATIONAL_OFFENCE_CATEGORIES);
  });

  it('returns a fresh map each time, so one caller cannot change what another gets', () => {
    nationalCountsByYear().get(2018)?.set('burglary', 0);
    expect(nationalCountsByYear().get(2018)?.get('burglary')).toBeGreaterThan(0);
  });
});

describe('the national figures file', () => {
  it('marks as estimates exactly the years the concept does not state', () => {
    expect(series('total').interpolated).toEqual(['2019', '2020', '2021']);
    expect(series('theft').interpolated).toEqual(['2019', '2020', '2021']);
    expect(series('domestic').interpolated).toEqual([]);
    expect(series('false-terror-reports').interpolated).toEqual([]);
    for (const s of NATIONAL_FIGURES.series) {
      if (s.interpolated.length > 0) expect(s.interpolation, s.key).toBeDefined();
    }
  });

  it("derives the total's missing years from the crime index the concept states", () => {
    const total = series('total');
    const index = series('crime-index');
    expect(total.interpolation).toBe('crime-index');
    // Offences per 10,000 people: each year's estimate must reproduce the stated index.
    const population = (year: number) => {
      const start = (292_200 / 159) * 1e4;
      const end = (157_400 / 80) * 1e4;
      return start * (end / start) ** ((year - 2018) / 4);
    };
    for (const year of [2019, 2020, 2021]) {
      const rate = ((total.values[String(year)] ?? 0) / population(year)) * 1e4;
      expect(Math.round(rate), String(year)).toBe(index.values[String(year)]);
    }
  });

  it('puts interpolated values on their stated path, within rounding', () => {
    const years = NATIONAL_FIGURES.years;
    for (const s of NATIONAL_FIGURES.series.filter(
      (x) => x.interpolation === 'geometric' || x.interpolation === 'share-of-total',
    )) {
      const stated = Object.keys(s.values)
        .filter((y) => !s.interpolated.includes(y))
        .map(Number);
      const first = Math.min(...stated);
      const last = Math.max(...stated);
      const endpoint = (year: number) => {
        const v = s.values[String(year)] ?? NaN;
        return s.interpolation === 'share-of-total' ? v / value('total', year) : v;
      };
      for (const y of s.interpolated) {
        const year = Number(y);
        expect(years).toContain(year);
        const ratio = (endpoint(last) / endpoint(first)) ** ((year - first) / (last - first));
        const scale = s.interpolation === 'share-of-total' ? value('total', year) : 1;
        const expected = endpoint(first) * ratio * scale;
        // Figures stated in thousands ("180,1 мың") are rounded to hundreds, others to units.
        const inHundreds = [first, last].every((year) => (s.values[String(year)] ?? 1) % 100 === 0);
        const tolerance = (inHundreds ? 100 : 1) / 2 + 1e-9;
        expect(Math.abs((s.values[y] ?? NaN) - expected), `${s.key} ${y}`).toBeLessThanOrEqual(tolerance);
      }
    }
  });

  it('gives every share pool 100% and a reason for each share', () => {
    for (const [key, pool] of Object.entries(NATIONAL_FIGURES.categoryShares)) {
      expect(sum(pool.shares.map((s) => s.percent)), key).toBeCloseTo(100, 9);
      for (const share of pool.shares) expect(share.rationale.length, share.category).toBeGreaterThan(20);
    }
  });

  it('quotes the concept verbatim at the line it names', () => {
    if (!fs.existsSync(CONCEPT)) return; // the concept sits beside the repository, not in it
    const lines = fs.readFileSync(CONCEPT, 'utf8').split('\n');
    const quoted = [...NATIONAL_FIGURES.series, ...NATIONAL_FIGURES.periodTotals.figures, ...NATIONAL_FIGURES.perYearApproximate];
    expect(quoted.length).toBeGreaterThan(30);
    for (const q of quoted) expect(lines[q.line - 1], q.key).toContain(q.quote);
  });

  it('keeps the five-year road figures apart from the yearly counts', () => {
    const road = NATIONAL_FIGURES.periodTotals.figures.filter((f) => f.category === 'road-accident');
    expect(road.find((f) => f.key === 'road-fatal-accidents')?.value).toBe(9205);
    expect(road.find((f) => f.key === 'road-deaths')?.value).toBe(11_193);
  });
});
