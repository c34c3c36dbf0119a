import { CATEGORY_CODES, type CategoryCode } from '../../../common/categories.js';
import { seededRandom } from '../../../common/seeded-random.js';

/**
 * Pure arithmetic behind the demo seeder's history: national yearly counts spread over months
 * and districts, and expected counts for recent months. Every split is of whole numbers and
 * exact: what goes in per year and category comes out, to the unit.
 */

export interface DistrictInput {
  id: string;
  regionId: string;
  population: number;
}

export interface MonthCount {
  /** 'YYYY-MM' */
  month: string;
  category: CategoryCode;
  count: number;
}

export interface HistoryRow extends MonthCount {
  districtId: string;
  regionId: string;
}

/** How much more (or less) of a category a region has than its population alone would give. */
export type RegionFactor = (regionId: string, category: CategoryCode) => number;

// One stream per purpose, keyed by name rather than drawn in sequence, so a district's numbers
// do not change when another district or category is added to the input.
function stream(seed: number, ...parts: (string | number)[]): () => number {
  let hash = (0x811c9dc5 ^ Math.imul(seed | 0, 0x9e3779b1)) >>> 0;
  for (const part of parts) {
    for (const char of `${part}\u0000`) {
      hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    }
  }
  return seededRandom(hash);
}

function lognormal(random: () => number, sigma: number): number {
  const u = 1 - random(); // (0, 1], so the logarithm is finite
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  return Math.exp(sigma * z - (sigma * sigma) / 2); // mean 1
}

/**
 * Splits a whole number into whole parts proportional to the weights; the parts add up to it
 * exactly and each is its quota rounded down or up. Without `random` the units left after
 * rounding down go to the largest remainders (Hamilton's method). With it, each part gets its
 * extra unit with a probability equal to its remainder (systematic sampling): for the many
 * small counts of a demo history, largest remainders would hand every month's few cases to the
 * same biggest districts.
 */
export function apportion(total: number, weights: readonly number[], random?: () => number): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`cannot apportion ${total}`);
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) {
    throw new RangeError('weights must be finite and not negative');
  }
  const sum = weights.reduce((s, w) => s + w, 0);
  if (total === 0) return weights.map(() => 0);
  if (sum === 0) throw new RangeError(`cannot apportion ${total} over weights that are all zero`);

  const quotas = weights.map((w) => (total * w) / sum);
  const parts = quotas.map(Math.floor);
  const fractions = quotas.map((q, i) => q - (parts[i] ?? 0));
  let left = total - parts.reduce((s, p) => s + p, 0);

  if (random && left > 0) {
    let u = random();
    let cumulative = 0;
    for (let i = 0; i < fractions.length && left > 0; i++) {
      cumulative += fractions[i] ?? 0;
      if (u < cumulative) {
        parts[i] = (parts[i] ?? 0) + 1;
        fractions[i] = -1; // taken: the fallback below must not pick it again
        left--;
        u += 1;
      }
    }
  }
  // Largest remainders; also mops up a unit that floating-point sums left unplaced above.
  const order = fractions.map((_, i) => i).sort((a, b) => (fractions[b] ?? 0) - (fractions[a] ?? 0) || a - b);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const i = order[k] ?? 0;
    parts[i] = (parts[i] ?? 0) + 1;
  }
  for (let k = order.length - 1; left < 0; k = (k - 1 + order.length) % order.length) {
    const i = order[k] ?? 0;
    if ((parts[i] ?? 0) > 0) {
      parts[i] = (parts[i] ?? 0) - 1;
      left++;
    }
  }
  return parts;
}

// Relative monthly levels, January first, before weighting by the number of days. Sources are
// general patterns, not Kazakh monthly statistics, which the concept does not give.
const FLAT = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] as const;
const PROFILES = {
  flat: FLAT,
  // Open windows, empty flats and dachas, crowds outdoors: thefts peak in summer.
  theft: [0.88, 0.85, 0.93, 0.98, 1.05, 1.1, 1.14, 1.13, 1.05, 1.0, 0.95, 0.94],
  burglary: [0.95, 0.88, 0.92, 0.95, 1.0, 1.08, 1.15, 1.12, 1.0, 0.98, 0.96, 1.01],
  // Little cycling in a Kazakh winter.
  bicycle: [0.15, 0.15, 0.45, 1.1, 1.75, 1.95, 2.0, 1.9, 1.45, 0.7, 0.25, 0.15],
  // Herds graze unwatched from spring to autumn (70% of thefts are from free pasture, concept
  // line 149), and autumn brings the slaughter season.
  livestock: [0.7, 0.65, 0.75, 0.85, 0.95, 1.0, 1.1, 1.2, 1.3, 1.35, 1.25, 0.9],
  // December gift shopping.
  shoplifting: [0.95, 0.92, 1.0, 0.98, 0.98, 0.97, 0.98, 1.0, 1.0, 1.02, 1.05, 1.17],
  // Warm evenings and drinking outdoors; the New Year holidays.
  violence: [1.0, 0.88, 0.95, 0.97, 1.05, 1.1, 1.12, 1.1, 1.0, 0.95, 0.9, 0.98],
  // Family holidays: New Year, 8 March and Nauryz, year's end.
  domestic: [1.12, 0.95, 1.08, 0.96, 1.0, 0.98, 1.0, 0.98, 0.95, 0.95, 0.93, 1.1],
  // Online shopping grows towards the year's end.
  online: [0.95, 0.92, 0.98, 0.98, 0.98, 0.97, 0.98, 1.0, 1.02, 1.05, 1.07, 1.1],
  // Wild hemp is harvested in the Shu valley in late summer (concept, §2.2).
  drugs: [0.9, 0.88, 0.92, 0.95, 1.0, 1.02, 1.05, 1.12, 1.15, 1.1, 0.98, 0.93],
  // Hoax threats target schools (concept line 156), so they follow the school year.
  school: [0.95, 1.05, 1.1, 1.15, 1.25, 0.75, 0.45, 0.5, 1.1, 1.2, 1.15, 1.35],
  // Summer travel on intercity roads; ice in early winter.
  road: [0.9, 0.8, 0.85, 0.92, 1.05, 1.15, 1.22, 1.2, 1.08, 1.0, 0.95, 0.98],
  outdoors: [0.8, 0.78, 0.85, 0.95, 1.1, 1.2, 1.25, 1.2, 1.0, 0.95, 0.9, 1.02],
} as const satisfies Record<string, readonly number[]>;

const SEASON: { readonly [C in CategoryCode]: keyof typeof PROFILES } = {
  burglary: 'burglary',
  robbery: 'violence',
  'vehicle-crime': 'theft',
  'violent-crime': 'violence',
  'other-theft': 'theft',
  'theft-from-the-person': 'theft',
  shoplifting: 'shoplifting',
  'bicycle-theft': 'bicycle',
  'phone-theft': 'theft',
  'livestock-theft': 'livestock',
  fraud: 'online',
  'internet-fraud': 'online',
  'cyber-crime': 'online',
  drugs: 'drugs',
  'public-order': 'violence',
  'criminal-damage-arson': 'outdoors',
  'possession-of-weapons': 'flat',
  'domestic-violence': 'domestic',
  'sexual-offences': 'violence',
  'offences-against-children': 'flat',
  'human-trafficking': 'flat',
  'terror-threat': 'school',
  'other-crime': 'flat',
  'anti-social-behaviour': 'outdoors',
  noise: 'outdoors',
  'illegal-alcohol-sale': 'domestic',
  'illegal-migration': 'flat',
  'road-accident': 'road',
  'drunk-driving': 'road',
  'dangerous-driving': 'road',
  'road-hazard': 'flat',
  'emergency-sos': 'violence',
  'missing-person': 'outdoors',
  'camera-alert': 'violence',
  'lost-documents': 'outdoors',
};

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The year's twelve monthly weights for a category: its seasonal level times the days. */
export function seasonalWeights(year: number, category: CategoryCode): number[] {
  return PROFILES[SEASON[category]].map((level, i) => level * daysInMonth(year, i + 1));
}

export function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

function parseMonth(key: string): { year: number; month: number } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (!match) throw new RangeError(`not a month: ${key}`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** The `count` months up to and including the month of `now` (UTC), oldest first. */
export function monthsEndingAt(now: Date, count: number): string[] {
  const last = now.getUTCFullYear() * 12 + now.getUTCMonth();
  return Array.from({ length: count }, (_, i) => {
    const index = last - count + 1 + i;
    return monthKey(Math.floor(index / 12), (index % 12) + 1);
  });
}

// Regions the concept names (§2.1, lines 58–59): livestock theft, cybercrime, mobile-phone theft.
// Keyed by the two digits that open both the KATO code and the ISO 3166-2 code. Regions split off
// in 2022 (Abai, Zhetisu, Ulytau) inherit their parent's emphasis: the concept's figures predate them.
const EMPHASIS: Readonly<Record<string, Partial<Record<CategoryCode, number>>>> = (() => {
  const table: Record<string, Partial<Record<CategoryCode, number>>> = {};
  const mark = (codes: string[], category: CategoryCode, factor: number) => {
    for (const code of codes) table[code] = { ...table[code], [category]: factor };
  };
  mark(['19', '33', '61', '63', '10', '43', '27', '39'], 'livestock-theft', 1.6);
  mark(['71', '75', '79'], 'livestock-theft', 0.1); // no pasture in the three big cities
  for (const cyber of ['internet-fraud', 'cyber-crime'] as const) {
    mark(['71', '75', '63', '10', '39', '35', '62'], cyber, 1.4);
  }
  mark(['75', '71', '79', '15', '35', '62', '27'], 'phone-theft', 1.5);
  return table;
})();

/**
 * The concept's regional emphasis for a region id given as a KATO code ('190000000'), an
 * ISO 3166-2 code ('KZ-19') or their two leading digits; 1 for anything else.
 */
export const conceptRegionFactor: RegionFactor = (regionId, category) => {
  const code = /^(?:KZ-)?(\d{2})(?:\d{7})?$/.exec(regionId)?.[1];
  return (code && EMPHASIS[code]?.[category]) || 1;
};

/**
 * Spreads each (month, category) count over districts in proportion to population, times a
 * seeded per-district character for the category (hotspots persist from year to year), a milder
 * yearly drift, and the region factor. Each cell's districts add up to its count exactly.
 */
export function distributeOverDistricts(input: {
  cells: readonly MonthCount[];
  districts: readonly DistrictInput[];
  seed: number;
  regionFactor?: RegionFactor;
}): HistoryRow[] {
  const { cells, districts, seed, regionFactor = conceptRegionFactor } = input;
  for (const d of districts) {
    if (!Number.isFinite(d.population) || d.population < 0) {
      throw new RangeError(`district ${d.id} has population ${d.population}`);
    }
  }
  const base = new Map<CategoryCode, number[]>();
  const baseFor = (category: CategoryCode) => {
    let weights = base.get(category);
    if (!weights) {
      weights = districts.map(
        (d) => d.population * lognormal(stream(seed, 'character', d.id, category), 0.35) * regionFactor(d.regionId, category),
      );
      base.set(category, weights);
    }
    return weights;
  };

  const yearly = new Map<string, number[]>();
  const weightsFor = (category: CategoryCode, year: number) => {
    const key = `${category} ${year}`;
    let weights = yearly.get(key);
    if (!weights) {
      weights = baseFor(category).map(
        (w, i) => w * lognormal(stream(seed, 'drift', districts[i]?.id ?? '', category, year), 0.1),
      );
      yearly.set(key, weights);
    }
    return weights;
  };

  const rows: HistoryRow[] = [];
  for (const cell of cells) {
    if (cell.count === 0) continue;
    const weights = weightsFor(cell.category, parseMonth(cell.month).year);
    const parts = apportion(cell.count, weights, stream(seed, 'cell', cell.month, cell.category));
    parts.forEach((count, i) => {
      const d = districts[i];
      if (!d || count === 0) return;
      rows.push({ districtId: d.id, regionId: d.regionId, month: cell.month, category: cell.category, count });
    });
  }
  return rows;
}

/**
 * Spreads each year's national count per category over its twelve months (seasonal, with a
 * little seeded month-to-month noise) and then over districts. For every year and category the
 * rows add up to the input exactly. Rows with a zero count are left out.
 */
export function distributeMonthly(input: {
  counts: ReadonlyMap<number, ReadonlyMap<CategoryCode, number>>;
  districts: readonly DistrictInput[];
  seed: number;
  regionFactor?: RegionFactor;
}): HistoryRow[] {
  const { counts, seed } = input;
  const cells: MonthCount[] = [];
  for (const [year, byCategory] of counts) {
    for (const category of CATEGORY_CODES) {
      const count = byCategory.get(category) ?? 0;
      if (count === 0) continue;
      const noise = stream(seed, 'months', year, category);
      const weights = seasonalWeights(year, category).map((w) => w * lognormal(noise, 0.05));
      apportion(count, weights, noise).forEach((n, m) => {
        if (n > 0) cells.push({ month: monthKey(year, m + 1), category, count: n });
      });
    }
  }
  return distributeOverDistricts({ ...input, cells });
}

export interface MonthlyExpectation extends MonthCount {
  /** The unrounded expectation behind `count`. */
  expected: number;
}

/**
 * Expected national counts for arbitrary months, from one baseline year's counts (the concept's
 * last, 2022), a yearly trend (0.95 = 5% fewer each year; one number or one per category), the
 * seasonal profile, and `scale`, the share of the national volume to produce: an embedded demo
 * database wants thousands of incidents, not the country's 300 thousand over two years. Each
 * category's months add up to its rounded expected total.
 */
export function expectedCountsForMonths(input: {
  annual: ReadonlyMap<CategoryCode, number>;
  baselineYear: number;
  months: readonly string[];
  scale: number;
  trend?: number | ReadonlyMap<CategoryCode, number>;
}): MonthlyExpectation[] {
  const { annual, baselineYear, months, scale, trend = 1 } = input;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`scale must be positive: ${scale}`);
  if (new Set(months).size !== months.length) throw new RangeError('months repeat');
  const parsed = months.map(parseMonth);

  const result: MonthlyExpectation[] = [];
  for (const category of CATEGORY_CODES) {
    const yearly = annual.get(category) ?? 0;
    if (yearly === 0) continue;
    const factor = typeof trend === 'number' ? trend : (trend.get(category) ?? 1);
    if (!(factor > 0)) throw new RangeError(`trend for ${category} must be positive: ${factor}`);
    const expected = parsed.map(({ year, month }) => {
      const weights = seasonalWeights(year, category);
      const share = (weights[month - 1] ?? 0) / weights.reduce((s, w) => s + w, 0);
      // Years from the middle of the baseline year to the middle of this month.
      const years = year + (month - 0.5) / 12 - (baselineYear + 0.5);
      return yearly * scale * factor ** years * share;
    });
    const total = Math.round(expected.reduce((s, e) => s + e, 0));
    const counts = apportion(total, expected);
    parsed.forEach((_, i) => {
      result.push({
        month: months[i] ?? '',
        category,
        expected: expected[i] ?? 0,
        count: counts[i] ?? 0,
      });
    });
  }
  return result;
}
