import { categoryByCode } from '../../../common/categories.js';
import type { Language } from '../../../common/roles.js';
import type { Db } from '../../db/connection.js';
import { listDistricts } from '../geo/index.js';
import { COUNTRY_ID, type AreaLevel } from './area-counts.js';
import type { Neighbourhood } from './neighbourhoods.js';
import { SENSITIVE_CATEGORIES, STREET_CATEGORIES, crimeCategories } from './police-uk.js';
import * as store from './store.js';
import { sumPublished, type Published, type PublishedSum } from './suppression.js';

/** "The last 24 months": the calendar months up to the latest published one. */
export const SUMMARY_MONTHS = 24;

export type CellView = { count: number; suppressed: null } | { count: null; suppressed: 'fewer-than-5' | 'withheld' };

export interface Rates {
  beat: number | null;
  district: number;
  country: number;
}

export interface NeighbourhoodSummary {
  beat: { id: string; number: number; name: string; districtId: string; regionId: string };
  months: { latest: string; from: string; count: number };
  populations: {
    beat: { population: number; estimated: true };
    district: { population: number; estimated: boolean };
    country: { population: number; estimated: boolean };
  };
  categories: {
    category: string;
    name: string;
    lastMonth: CellView;
    last24Months: PublishedSum;
    per10000: { lastMonth: Rates; last24Months: Rates };
  }[];
  sensitive: { category: string; name: string; lastMonth: CellView; last24Months: PublishedSum }[];
  /** The beat's street-level offences month by month, oldest first: published cells added up, hidden ones counted apart. */
  monthly: ({ month: string } & PublishedSum)[];
}

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));

function publishedCell(row: store.StoredAreaCount | undefined): Published {
  if (!row) return { kind: 'count', count: 0 };
  return row.mark === 'count' ? { kind: 'count', count: row.count ?? 0 } : { kind: row.mark };
}

function cellView(p: Published): CellView {
  return p.kind === 'count' ? { count: p.count, suppressed: null } : { count: null, suppressed: p.kind };
}

/** A rate from published counts only: a hidden cell adds nothing, so no rate reveals one. */
const per10000 = (count: number, population: number) => (population > 0 ? Math.round((count / population) * 1_000_000) / 100 : 0);

/** Stored counts of one area, by `category|month`. */
async function countsOf(db: Db, level: AreaLevel, areaId: string, months: string[]) {
  const rows = await store.areaCounts(db, level, [areaId], months);
  return new Map(rows.map((r) => [`${r.category}|${r.month}`, r]));
}

/**
 * The neighbourhood page's figures: offences by category for the latest published month and
 * the 24 calendar months up to it, with rates per 10,000 residents for the beat, its district and
 * the country. Sensitive categories appear for the district only, never the beat. Every figure
 * is made from published (suppressed) cells; null when nothing is published yet.
 */
export async function neighbourhoodSummary(db: Db, n: Neighbourhood, language: Language): Promise<NeighbourhoodSummary | null> {
  const published = await store.publishedMonths(db, SUMMARY_MONTHS);
  const latest = published[0];
  if (!latest) return null;
  // Published months never change, so a summary holds until another month is published (a
  // late one too, before the latest: it falls inside the 24 months).
  const snapshot = published.join();
  let cache = summaryCache.get(db);
  if (!cache || cache.snapshot !== snapshot) summaryCache.set(db, (cache = { snapshot, answers: new Map() }));
  const key = `${n.id}:${language}`;
  let answer = cache.answers.get(key);
  if (!answer) {
    answer = buildSummary(db, n, language, published);
    cache.answers.set(key, answer);
    answer.catch(() => cache.answers.delete(key));
  }
  return answer;
}

const summaryCache = new WeakMap<Db, { snapshot: string; answers: Map<string, Promise<NeighbourhoodSummary>> }>();

async function buildSummary(db: Db, n: Neighbourhood, language: Language, published: string[]): Promise<NeighbourhoodSummary> {
  const latest = published[0]!;
  // Calendar months: a gap in publication shortens the window rather than reaching further back.
  const months = published.filter((m) => monthIndex(latest) - monthIndex(m) < SUMMARY_MONTHS);
  const [beat, district, country, districts] = await Promise.all([
    countsOf(db, 'beat', n.id, months),
    countsOf(db, 'district', n.district.id, months),
    countsOf(db, 'country', COUNTRY_ID, months),
    listDistricts(db),
  ]);
  const countryPopulation = districts.reduce((s, d) => s + d.population, 0);
  const cell = (counts: typeof beat, category: string, month: string) => publishedCell(counts.get(`${category}|${month}`));
  const window = (counts: typeof beat, category: string) => sumPublished(months.map((m) => cell(counts, category, m)));
  const names = new Map(crimeCategories(language).map((c) => [c.url, c.name]));

  const rates = (pick: (counts: typeof beat) => number): Rates => ({
    beat: n.population > 0 ? per10000(pick(beat), n.population) : null,
    district: per10000(pick(district), n.district.population),
    country: per10000(pick(country), countryPopulation),
  });
  const shown = (p: Published) => (p.kind === 'count' ? p.count : 0);

  return {
    beat: { id: n.id, number: n.number, name: n.name, districtId: n.district.id, regionId: n.region.id },
    months: { latest, from: months[months.length - 1]!, count: months.length },
    populations: {
      beat: { population: n.population, estimated: true },
      district: { population: n.district.population, estimated: n.district.populationEstimated },
      country: { population: countryPopulation, estimated: districts.some((d) => d.populationEstimated) },
    },
    categories: STREET_CATEGORIES.map((category) => ({
      category,
      name: names.get(category) ?? category,
      lastMonth: cellView(cell(beat, category, latest)),
      last24Months: window(beat, category),
      per10000: {
        lastMonth: rates((counts) => shown(cell(counts, category, latest))),
        last24Months: rates((counts) => window(counts, category).count),
      },
    })),
    sensitive: SENSITIVE_CATEGORIES.map((category) => ({
      category,
      name: categoryByCode(category)?.names[language] ?? category,
      lastMonth: cellView(cell(district, category, latest)),
      last24Months: window(district, category),
    })),
    monthly: [...months].reverse().map((month) => ({
      month,
      ...sumPublished(STREET_CATEGORIES.map((category) => cell(beat, category, month))),
    })),
  };
}
