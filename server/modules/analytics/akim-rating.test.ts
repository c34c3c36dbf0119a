import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.js';
import { DEFAULT_WEIGHTS, parseWeights, rateRegions, type RegionInputs, type Weights } from './akim-rating.js';

const NONE = {
  crimeRate: null,
  crimeChange: null,
  clearance: null,
  roadDeaths: null,
  citizenRating: null,
  senseOfSafety: null,
  trustInPolice: null,
};

describe('akim rating', () => {
  it('ranks three regions as computed by hand, with a tie sharing its rank', () => {
    const regions: RegionInputs[] = [
      { regionId: 'A', values: { ...NONE, crimeRate: 100, roadDeaths: 10, trustInPolice: 80 } },
      { regionId: 'B', values: { ...NONE, crimeRate: 50, roadDeaths: 20, trustInPolice: 60 } },
      { regionId: 'C', values: { ...NONE, crimeRate: 150, roadDeaths: 15, trustInPolice: null } },
    ];
    const weights: Weights = {
      crimeRate: 1,
      crimeChange: 0,
      clearance: 0,
      roadDeaths: 1,
      citizenRating: 0,
      senseOfSafety: 0,
      trustInPolice: 2,
    };
    // Normalised (1 best): crime A 0.5, B 1, C 0; road deaths A 1, B 0, C 0.5; trust A 1, B 0, C —.
    // A: (0.5 + 1 + 2·1) / 4 = 87.5; B: (1 + 0 + 0) / 4 = 25; C: (0 + 0.5) / 2 = 25 (its missing trust left out).
    const rated = rateRegions(regions, weights);
    expect(rated.map((r) => [r.regionId, r.score, r.rank])).toEqual([
      ['A', 87.5, 1],
      ['B', 25, 2],
      ['C', 25, 2],
    ]);
    const crime = rated[0]!.inputs.find((i) => i.key === 'crimeRate')!;
    expect(crime).toEqual({ key: 'crimeRate', direction: 'down', value: 100, normalised: 0.5, weight: 1 });
  });

  it('gives no score to a region with no weighted input, and full marks where all regions are equal', () => {
    const rated = rateRegions(
      [
        { regionId: 'A', values: { ...NONE, citizenRating: 4 } },
        { regionId: 'B', values: { ...NONE, citizenRating: 4 } },
        { regionId: 'C', values: NONE },
      ],
      { ...DEFAULT_WEIGHTS },
    );
    expect(rated.map((r) => [r.regionId, r.score, r.rank])).toEqual([
      ['A', 100, 1],
      ['B', 100, 1],
      ['C', null, null],
    ]);
  });

  it('takes weight overrides over the defaults and refuses bad ones', () => {
    expect(parseWeights('crimeRate:2, trustInPolice:0')).toEqual({ ...DEFAULT_WEIGHTS, crimeRate: 2, trustInPolice: 0 });
    for (const bad of ['sheep:1', 'crimeRate:-1', 'crimeRate:abc', 'crimeRate', 'crimeRate:1:2']) {
      expect(() => parseWeights(bad), bad).toThrow(AppError);
    }
    const allZero = Object.keys(DEFAULT_WEIGHTS)
      .map((k) => `${k}:0`)
      .join(',');
    expect(() => parseWeights(allZero)).toThrow(AppError);
  });
});
