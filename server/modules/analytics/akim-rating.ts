import { AppError } from '../../http/errors.js';

/**
 * The akim rating's law-and-order composite: each input min–max normalised across regions so
 * that 1 is the best region and 0 the worst (inputs where lower is better are turned round),
 * then a weighted mean × 100. Everything that goes in is returned with the result.
 */

export const RATING_INPUTS = [
  { key: 'crimeRate', direction: 'down' },
  { key: 'crimeChange', direction: 'down' },
  { key: 'clearance', direction: 'up' },
  { key: 'roadDeaths', direction: 'down' },
  { key: 'citizenRating', direction: 'up' },
  { key: 'senseOfSafety', direction: 'up' },
  { key: 'trustInPolice', direction: 'up' },
] as const;

export type RatingInput = (typeof RATING_INPUTS)[number]['key'];
export type Weights = Record<RatingInput, number>;

/** The one place the default weights live (they sum to 1; only their ratios matter). */
export const DEFAULT_WEIGHTS: Readonly<Weights> = Object.freeze({
  crimeRate: 0.25,
  crimeChange: 0.1,
  clearance: 0.15,
  roadDeaths: 0.15,
  citizenRating: 0.1,
  senseOfSafety: 0.15,
  trustInPolice: 0.1,
});

/**
 * Weights from `key:value,key:value`, over the defaults (a key left out keeps its default).
 * Each must be a known input and a finite number ≥ 0, and together they must not all be 0.
 */
export function parseWeights(text: string | undefined): Weights {
  const weights: Weights = { ...DEFAULT_WEIGHTS };
  if (text === undefined || text.trim() === '') return weights;
  const known = new Set<string>(RATING_INPUTS.map((i) => i.key));
  for (const pair of text.split(',')) {
    const [key = '', raw = '', ...rest] = pair.split(':').map((s) => s.trim());
    const value = Number(raw);
    if (!known.has(key) || raw === '' || rest.length > 0 || !Number.isFinite(value) || value < 0) {
      throw new AppError('analytics.invalid_weights', { weight: pair });
    }
    weights[key as RatingInput] = value;
  }
  if (Object.values(weights).reduce((a, b) => a + b, 0) <= 0) throw new AppError('analytics.invalid_weights', { weight: text });
  return weights;
}

export interface RegionInputs {
  regionId: string;
  values: Record<RatingInput, number | null>;
}

export interface RatedInput {
  key: RatingInput;
  direction: 'up' | 'down';
  value: number | null;
  /** 0 worst … 1 best among the regions with a value; null without a value. */
  normalised: number | null;
  weight: number;
}

export interface RatedRegion {
  regionId: string;
  /** 0–100; null when no weighted input has a value. */
  score: number | null;
  /** 1 is best; equal scores share a rank (1, 2, 2, 4). */
  rank: number | null;
  inputs: RatedInput[];
}

/**
 * Scores and ranks regions. A missing input is left out of that region's weighted mean (the
 * weights of the others are rescaled), so a region is not punished or rewarded for a gap in the
 * data; an input on which all regions are equal gives all of them 1 and changes no order.
 */
export function rateRegions(regions: readonly RegionInputs[], weights: Weights): RatedRegion[] {
  const ranges = new Map(
    RATING_INPUTS.map(({ key }) => {
      const values = regions.map((r) => r.values[key]).filter((v): v is number => v !== null);
      return [key, values.length ? { min: Math.min(...values), max: Math.max(...values) } : null];
    }),
  );
  const rated = regions.map((region) => {
    let weighted = 0;
    let weightSum = 0;
    const inputs = RATING_INPUTS.map(({ key, direction }) => {
      const value = region.values[key];
      const range = ranges.get(key);
      let normalised: number | null = null;
      if (value !== null && range) {
        const share = range.max === range.min ? 1 : (value - range.min) / (range.max - range.min);
        normalised = direction === 'up' || range.max === range.min ? share : 1 - share;
        weighted += weights[key] * normalised;
        weightSum += weights[key];
      }
      return { key, direction, value, normalised, weight: weights[key] };
    });
    return {
      regionId: region.regionId,
      score: weightSum > 0 ? (100 * weighted) / weightSum : null,
      rank: null as number | null,
      inputs,
    };
  });
  const order = [...rated].sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.regionId.localeCompare(b.regionId));
  order.forEach((region, i) => {
    if (region.score === null) return;
    const previous = order[i - 1];
    region.rank = previous && previous.score === region.score ? previous.rank : i + 1;
  });
  return order;
}
