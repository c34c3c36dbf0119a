import raw from './data/national-offences-2018-2022.json' with { type: 'json' };
import { CATEGORY_CODES, isCategoryCode, type CategoryCode } from '../../../common/categories.js';
import { apportion } from './history.js';

/**
 * The concept's national figures for 2018–2022 (data/national-offences-2018-2022.json), checked
 * once at load, and the yearly count per category that the demo seeder builds history from.
 *
 * The per-category counts cover recorded criminal offences only: the concept's totals are the
 * General Prosecutor's register of criminal offences (report 1-M). Road accidents, emergencies,
 * administrative matters and service requests are not in it. Traffic crimes that cause death or
 * injury are in that register, but they sit in other-crime: road-accident stands for every
 * accident, most of which are not offences, and the concept gives its road figures only as
 * five-year totals (see `periodTotals`).
 */

export type Partition = 'total' | 'direct' | 'split' | 'none';

export interface NationalSeries {
  key: string;
  category: CategoryCode | null;
  /**
   * total: the whole; direct: counts towards `category`; split: spread over categories by the
   * share pool of the same key; none: another dimension of the same offences, or another unit.
   */
  partition: Partition;
  unit: string;
  /** By year as a string, as in the file. Some informational series lack some years. */
  values: Readonly<Record<string, number>>;
  /** Years whose value is an estimate, not a figure the concept states. */
  interpolated: readonly string[];
  /** How the estimates were made: see `source.interpolation` in the file. */
  interpolation?: 'geometric' | 'share-of-total' | 'crime-index';
  /** Series counted inside this one, to subtract for its own category. */
  includes?: readonly string[];
  /** The concept gives a rough figure ("more than 2 thousand a year"). */
  approximate?: boolean;
  note?: string;
  /** Verbatim from the concept, at `line` of concept-2024-2028-kk.txt. */
  quote: string;
  line: number;
}

export interface CategoryShare {
  category: CategoryCode;
  percent: number;
  rationale: string;
}

export interface SharePool {
  note: string;
  shares: readonly CategoryShare[];
}

export interface PeriodFigure {
  key: string;
  category: CategoryCode | null;
  unit: string;
  value: number;
  quote: string;
  line: number;
  note?: string;
}

export interface NationalFigures {
  source: Readonly<Record<string, string>>;
  years: readonly number[];
  series: readonly NationalSeries[];
  /** `remainder` splits total minus everything else; other pools split the series of their key. */
  categoryShares: Readonly<Record<string, SharePool>>;
  periodTotals: { period: string; figures: readonly PeriodFigure[] };
  perYearApproximate: readonly PeriodFigure[];
}

const REMAINDER = 'remainder';
const INTERPOLATIONS: readonly string[] = ['geometric', 'share-of-total', 'crime-index'];

function fail(message: string): never {
  throw new Error(`national-offences-2018-2022.json: ${message}`);
}

function optionalCategory(value: unknown, where: string): CategoryCode | null {
  if (value === null) return null;
  if (isCategoryCode(value)) return value;
  return fail(`${where}: unknown category ${String(value)}`);
}

// The JSON is hand-kept data: a typo in a category or a missing year must stop the server at
// start, not skew every chart built from it.
function checkFigures(data: unknown): NationalFigures {
  const figures = data as NationalFigures;
  const keys = new Set<string>();
  for (const s of figures.series) {
    if (keys.has(s.key)) fail(`series ${s.key} appears twice`);
    keys.add(s.key);
    optionalCategory(s.category, `series ${s.key}`);
    if (!['total', 'direct', 'split', 'none'].includes(s.partition)) fail(`${s.key}: partition`);
    if ((s.partition === 'direct') !== (s.category !== null)) {
      fail(`series ${s.key}: a category goes with partition direct, and only with it`);
    }
    if (!s.quote || !(s.line > 0)) fail(`series ${s.key} has no quote or line`);
    if (s.interpolated.length > 0 && !INTERPOLATIONS.includes(s.interpolation ?? '')) {
      fail(`series ${s.key}: interpolated years need a known interpolation`);
    }
    for (const year of s.interpolated) {
      if (!(year in s.values)) fail(`series ${s.key}: interpolated ${year} has no value`);
    }
    if (s.partition !== 'none') {
      for (const year of figures.years) {
        const value = s.values[String(year)];
        if (!Number.isInteger(value) || (value ?? -1) < 0) fail(`series ${s.key}: ${year} is not a count`);
      }
    }
  }
  if (figures.series.filter((s) => s.partition === 'total').length !== 1) fail('one total series');
  for (const s of figures.series) {
    for (const inner of s.includes ?? []) if (!keys.has(inner)) fail(`${s.key} includes unknown ${inner}`);
    if (s.partition === 'split' && !figures.categoryShares[s.key]) fail(`no share pool for ${s.key}`);
  }
  if (!figures.categoryShares[REMAINDER]) fail('no remainder share pool');
  for (const [pool, { shares }] of Object.entries(figures.categoryShares)) {
    for (const share of shares) {
      optionalCategory(share.category, `share pool ${pool}`);
      if (!(share.percent > 0)) fail(`share pool ${pool}: ${share.category} must be positive`);
    }
    const sum = shares.reduce((s, share) => s + share.percent, 0);
    if (Math.abs(sum - 100) > 1e-9) fail(`share pool ${pool} adds up to ${sum}%, not 100%`);
  }
  for (const f of [...figures.periodTotals.figures, ...figures.perYearApproximate]) {
    optionalCategory(f.category, f.key);
  }
  return figures;
}

export const NATIONAL_FIGURES: NationalFigures = checkFigures(raw);

export function nationalSeries(key: string): NationalSeries | undefined {
  return NATIONAL_FIGURES.series.find((s) => s.key === key);
}

function valueOf(series: NationalSeries, year: number): number {
  return series.values[String(year)] ?? fail(`${series.key} has no value for ${year}`);
}

const pool = (key: string): readonly CategoryShare[] =>
  NATIONAL_FIGURES.categoryShares[key]?.shares ?? fail(`no share pool ${key}`);

/** The categories the national counts are spread over, in catalogue order. */
export const NATIONAL_OFFENCE_CATEGORIES: readonly CategoryCode[] = (() => {
  const used = new Set<CategoryCode>();
  for (const s of NATIONAL_FIGURES.series) {
    if (s.partition === 'direct' && s.category) used.add(s.category);
    if (s.partition === 'split') for (const share of pool(s.key)) used.add(share.category);
  }
  for (const share of pool(REMAINDER)) used.add(share.category);
  return CATEGORY_CODES.filter((code) => used.has(code));
})();

/**
 * Recorded criminal offences by year and category, 2018–2022, in whole numbers. Each year's
 * categories add up exactly to the concept's total for that year: stated series go to their
 * category as they are (less any series they include), split series and the remainder are
 * shared out by the file's documented percentages with largest-remainder rounding.
 */
export function nationalCountsByYear(): Map<number, Map<CategoryCode, number>> {
  const total = NATIONAL_FIGURES.series.find((s) => s.partition === 'total') ?? fail('no total');
  const byKey = new Map(NATIONAL_FIGURES.series.map((s) => [s.key, s]));
  const result = new Map<number, Map<CategoryCode, number>>();

  for (const year of NATIONAL_FIGURES.years) {
    const counts = new Map<CategoryCode, number>(NATIONAL_OFFENCE_CATEGORIES.map((c) => [c, 0]));
    const add = (category: CategoryCode, n: number) => counts.set(category, (counts.get(category) ?? 0) + n);
    const share = (n: number, shares: readonly CategoryShare[]) => {
      const parts = apportion(
        n,
        shares.map((s) => s.percent),
      );
      shares.forEach((s, i) => add(s.category, parts[i] ?? 0));
    };

    let placed = 0;
    for (const s of NATIONAL_FIGURES.series) {
      if (s.partition !== 'direct' && s.partition !== 'split') continue;
      const inner = (s.includes ?? []).reduce((sum, key) => sum + valueOf(byKey.get(key) ?? fail(`no series ${key}`), year), 0);
      const own = valueOf(s, year) - inner;
      if (own < 0) fail(`${s.key} in ${year} is smaller than the series it includes`);
      if (s.partition === 'direct') add(s.category ?? fail(`${s.key} has no category`), own);
      else share(own, pool(s.key));
      placed += own;
    }
    const remainder = valueOf(total, year) - placed;
    if (remainder < 0) fail(`the named series exceed the total in ${year} by ${-remainder}`);
    share(remainder, pool(REMAINDER));
    result.set(year, counts);
  }
  return result;
}
