import { STREET_CATEGORIES } from './police-uk.js';
import { suppressTable, type Published } from './suppression.js';

/**
 * The arithmetic of a place's safety rating, kept apart from storage so it can be read and
 * tested on its own. The method, as the public page states it:
 *
 * 1. Incidents: street-level offences recorded inside the place over the last 12 published
 *    months (sensitive categories are never counted), per 10,000 visitor-hours when the place
 *    has a visitor figure, otherwise per hectare a year. A place is compared only with places of
 *    the same kind measured the same way: its incident score (0–100) is the share of those
 *    places with a higher rate, so 100 is the safest of its kind. Fewer than MIN_PEERS such
 *    places: no comparison, no incident score.
 * 2. Reviews: visitors' stars (1–5), averaged with PRIOR_REVIEWS imaginary reviews at the mean
 *    of every approved review, so two enthusiastic reviews do not outweigh a hundred ordinary
 *    ones; turned into a score 0–100 (1 star is 0, 5 stars is 100).
 * 3. Grade: WEIGHTS.incidents of the incident score plus WEIGHTS.reviews of the review score
 *    (a missing part leaves the other alone), as a letter A (80 and over) to E (under 20).
 */

export const PRIOR_REVIEWS = 5;
/** Used as the prior when no place has an approved review yet: the middle of the scale. */
export const NEUTRAL_STARS = 3;
export const WEIGHTS = { incidents: 0.6, reviews: 0.4 } as const;
export const MIN_PEERS = 3;
export const PER_VISITOR_HOURS = 10_000;
const MONTHS_IN_YEAR = 12;

export type RateBasis = 'visitor-hours' | 'area';
export type Grade = 'A' | 'B' | 'C' | 'D' | 'E';

export interface PlaceExposure {
  id: string;
  kind: string;
  visitorHoursPerMonth: number | null;
  areaHa: number;
  /** Published months the counts cover (at most 12). */
  months: number;
  /** True counts by street-level category over those months. */
  counts: ReadonlyMap<string, number>;
}

export interface Rate {
  basis: RateBasis;
  /** Incidents per 10,000 visitor-hours, or per hectare a year. */
  value: number;
}

export function totalOf(counts: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const n of counts.values()) total += n;
  return total;
}

/** The true rate, for comparison only; what the public sees of it is `publicRate`. Null before any month is published. */
export function incidentRate(place: PlaceExposure): Rate | null {
  if (place.months <= 0) return null;
  const total = totalOf(place.counts);
  if (place.visitorHoursPerMonth !== null) {
    return {
      basis: 'visitor-hours',
      value: (total / (place.visitorHoursPerMonth * place.months)) * PER_VISITOR_HOURS,
    };
  }
  return { basis: 'area', value: (total / place.areaHa) * (MONTHS_IN_YEAR / place.months) };
}

/** Each place's incident score: the share (0–100) of comparable places with a higher rate, ties counting half. */
export function incidentScores(places: readonly PlaceExposure[]): Map<string, number | null> {
  const rated = places.map((p) => ({ place: p, rate: incidentRate(p) }));
  const scores = new Map<string, number | null>();
  for (const { place, rate } of rated) {
    if (!rate) {
      scores.set(place.id, null);
      continue;
    }
    const peers = rated.filter((r) => r.place.id !== place.id && r.place.kind === place.kind && r.rate?.basis === rate.basis);
    if (peers.length + 1 < MIN_PEERS) {
      scores.set(place.id, null);
      continue;
    }
    const higher = peers.filter((r) => r.rate!.value > rate.value).length;
    const same = peers.filter((r) => r.rate!.value === rate.value).length;
    scores.set(place.id, Math.round((100 * (higher + same / 2)) / peers.length));
  }
  return scores;
}

export interface ReviewStats {
  count: number;
  /** Sum of the stars. */
  sum: number;
}

/** The mean of every approved review, the prior each place's average is pulled towards. */
export function priorStars(all: ReviewStats): number {
  return all.count === 0 ? NEUTRAL_STARS : all.sum / all.count;
}

/** The Bayesian average: PRIOR_REVIEWS reviews at `prior` added to the place's own; null with no review. */
export function bayesianStars(place: ReviewStats, prior: number): number | null {
  if (place.count === 0) return null;
  return (PRIOR_REVIEWS * prior + place.sum) / (PRIOR_REVIEWS + place.count);
}

export function reviewScore(stars: number | null): number | null {
  return stars === null ? null : Math.round(((stars - 1) / 4) * 100);
}

/** The combined score and its letter; a missing part leaves the other alone, both missing leaves no grade. */
export function combine(incidents: number | null, reviews: number | null): { score: number; grade: Grade } | null {
  let score: number;
  if (incidents !== null && reviews !== null) score = WEIGHTS.incidents * incidents + WEIGHTS.reviews * reviews;
  else if (incidents !== null) score = incidents;
  else if (reviews !== null) score = reviews;
  else return null;
  score = Math.round(score);
  const grade: Grade = score >= 80 ? 'A' : score >= 60 ? 'B' : score >= 40 ? 'C' : score >= 20 ? 'D' : 'E';
  return { score, grade };
}

export interface PublishedBreakdown {
  total: Published;
  /** Street-level categories with something to show (a shown zero is left out), in police.uk's order. */
  categories: { category: string; value: Published }[];
}

const TOTAL = 'total';

/**
 * A place's counts as the public sees them: the total and each category suppressed together as
 * one small table (suppression.ts), so a "fewer than 5" cannot be worked out by subtracting the
 * shown categories from the total. Only street-level categories are ever in `counts`.
 */
export function publishBreakdown(counts: ReadonlyMap<string, number>, rank: (cellId: string) => number): PublishedBreakdown {
  const cells = [
    { id: TOTAL, parentId: null, count: totalOf(counts) },
    ...STREET_CATEGORIES.map((c) => ({ id: c, parentId: TOTAL, count: counts.get(c) ?? 0 })),
  ];
  const published = suppressTable(cells, rank);
  return {
    total: published.get(TOTAL)!,
    categories: STREET_CATEGORIES.flatMap((category) => {
      const value = published.get(category)!;
      return value.kind === 'count' && value.count === 0 ? [] : [{ category, value }];
    }),
  };
}

export type PublicRate =
  | { kind: 'exact'; basis: RateBasis; value: number }
  /** The total is "fewer than 5": the rate is only said to be below the rate 5 incidents would make. */
  | { kind: 'below'; basis: RateBasis; value: number }
  | { kind: 'hidden'; basis: RateBasis };

/** The rate as it may be shown: an exact rate of a hidden total would give the total away. */
export function publicRate(place: PlaceExposure, total: Published): PublicRate | null {
  const rate = incidentRate(place);
  if (!rate) return null;
  if (total.kind === 'count') return { kind: 'exact', ...rate };
  if (total.kind === 'withheld') return { kind: 'hidden', basis: rate.basis };
  const five = incidentRate({ ...place, counts: new Map([['any', 5]]) })!;
  return { kind: 'below', basis: rate.basis, value: five.value };
}
