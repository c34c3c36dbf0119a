import { describe, expect, it } from 'vitest';
import { CATEGORY_CODES, categoryByCode, type CategoryCode } from '../../../common/categories.js';
import {
  CIRCUMSTANCE_FIELDS,
  MINOR_AGE_BANDS,
  NO_CIRCUMSTANCES,
  PUBLIC_PLACE_TYPES,
  type CircumstanceField,
  type IncidentCircumstances,
} from '../../../common/incident-circumstances.js';
import { seededRandom } from '../../../common/seeded-random.js';
import { demoCircumstances } from './demo-circumstances.js';

const N = 4000;

function draw(category: CategoryCode, seed = 7): IncidentCircumstances[] {
  const random = seededRandom(seed);
  return Array.from({ length: N }, () => demoCircumstances(category, random));
}

const recorded = (rows: IncidentCircumstances[]) => rows.filter((r) => CIRCUMSTANCE_FIELDS.some((f) => r[f] !== null));
function share(rows: IncidentCircumstances[], field: CircumstanceField, values: readonly (string | null)[]): number {
  const known = rows.filter((r) => r[field] !== null);
  return known.filter((r) => values.includes(r[field])).length / known.length;
}

describe('demoCircumstances', () => {
  it('draws the same circumstances from the same seed', () => {
    expect(draw('domestic-violence', 11)).toEqual(draw('domestic-violence', 11));
    expect(draw('domestic-violence', 11)).not.toEqual(draw('domestic-violence', 12));
  });

  it('records about 70% of crimes and nothing for what is no crime', () => {
    for (const category of CATEGORY_CODES.filter((c) => categoryByCode(c).group === 'crime')) {
      const share = recorded(draw(category)).length / N;
      expect(share, category).toBeGreaterThan(0.66);
      expect(share, category).toBeLessThan(0.74);
    }
    for (const category of ['noise', 'lost-documents', 'missing-person', 'road-accident'] as const) {
      expect(
        draw(category).every((r) => r === NO_CIRCUMSTANCES),
        category,
      ).toBe(true);
    }
  });

  it('gives each category a distribution that makes sense', () => {
    const dv = recorded(draw('domestic-violence'));
    expect(share(dv, 'victimSex', ['female'])).toBeGreaterThan(0.75);
    expect(share(dv, 'victimAgeBand', MINOR_AGE_BANDS)).toBeGreaterThan(0.05);
    expect(share(dv, 'placeType', ['home'])).toBe(1);
    expect(share(recorded(draw('offences-against-children')), 'victimAgeBand', MINOR_AGE_BANDS)).toBe(1);
    expect(share(recorded(draw('sexual-offences')), 'victimSex', ['female'])).toBeGreaterThan(0.8);
    expect(share(recorded(draw('drunk-driving')), 'offenderIntoxication', ['alcohol'])).toBeGreaterThan(0.85);
    for (const online of ['internet-fraud', 'cyber-crime'] as const) {
      expect(share(recorded(draw(online)), 'placeType', ['online'])).toBe(1);
    }
    for (const street of ['robbery', 'theft-from-the-person'] as const) {
      expect(share(recorded(draw(street)), 'placeType', ['street', 'public-transport', 'market'])).toBeGreaterThan(0.75);
    }
    expect(share(recorded(draw('burglary')), 'placeType', ['home'])).toBeGreaterThan(0.85);
    expect(share(recorded(draw('shoplifting')), 'placeType', ['shop-or-mall'])).toBe(1);
    expect(share(recorded(draw('shoplifting')), 'placeType', PUBLIC_PLACE_TYPES)).toBe(1);
  });

  it('makes a few percent of suspects juveniles and about a fifth of violent ones drunk', () => {
    const all = CATEGORY_CODES.flatMap((c) => recorded(draw(c)));
    const juvenile = share(all, 'offenderAgeBand', ['14-17']);
    expect(juvenile).toBeGreaterThan(0.02);
    expect(juvenile).toBeLessThan(0.12);
    const violent = (['violent-crime', 'domestic-violence', 'robbery'] as const).flatMap((c) => recorded(draw(c)));
    const drunk = share(violent, 'offenderIntoxication', ['alcohol']);
    expect(drunk).toBeGreaterThan(0.15);
    expect(drunk).toBeLessThan(0.25);
  });

  it('leaves the victim unrecorded where no one person is the victim', () => {
    for (const category of ['shoplifting', 'drugs', 'drunk-driving', 'possession-of-weapons'] as const) {
      expect(
        recorded(draw(category)).every((r) => r.victimSex === null && r.victimAgeBand === null),
        category,
      ).toBe(true);
    }
  });
});
