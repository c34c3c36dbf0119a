import { describe, expect, it } from 'vitest';
import type { CircumstanceCount } from '../../incidents/index.js';
import { circumstanceFigures, isCircumstanceFigure, type CircumstanceInputs } from './circumstances.js';

const row = (category: string, field: CircumstanceCount['field'], value: string, count: number, regionId = '750000000') => ({
  regionId,
  category,
  field,
  value,
  count,
});

const period = { from: new Date('2024-12-31T19:00:00Z'), to: new Date('2025-12-31T19:00:00Z') };
const before = { from: new Date('2023-12-31T19:00:00Z'), to: new Date('2024-12-31T19:00:00Z') };

function inputs(over: Partial<CircumstanceInputs> = {}): CircumstanceInputs {
  return {
    current: [
      row('domestic-violence', 'victimSex', 'female', 3),
      row('domestic-violence', 'victimSex', 'male', 1),
      row('violent-crime', 'victimSex', 'female', 2, '710000000'),
      row('domestic-violence', 'victimAgeBand', '14-17', 1),
      row('offences-against-children', 'victimAgeBand', 'under-14', 2),
      row('domestic-violence', 'victimAgeBand', '18-64', 3),
      row('burglary', 'placeType', 'home', 4),
      row('robbery', 'placeType', 'street', 5),
      row('robbery', 'placeType', 'market', 1),
      // Not a crime: never counted among crimes in public places.
      row('anti-social-behaviour', 'placeType', 'park', 7),
    ],
    previous: [row('domestic-violence', 'victimSex', 'female', 4)],
    totals: [
      { category: 'domestic-violence', count: 10 },
      { category: 'violent-crime', count: 5 },
      { category: 'offences-against-children', count: 5 },
      { category: 'burglary', count: 6 },
      { category: 'robbery', count: 14 },
      { category: 'anti-social-behaviour', count: 9 },
    ],
    period,
    before,
    regionId: null,
    ...over,
  };
}

const byKey = (sectionId: string, over?: Partial<CircumstanceInputs>) =>
  Object.fromEntries(circumstanceFigures(sectionId, inputs(over)).map((f) => [f.key, f]));

describe('the report’s figures from recorded circumstances', () => {
  it('counts the victims recorded as women or as minors among the violent categories, with last year and the change', () => {
    const figures = byKey('violence-women-children');
    expect(figures['circumstances:violence:victim-female']).toMatchObject({ value: 5, previous: 4, change: 25, unit: 'count' });
    expect(figures['circumstances:violence:victim-minor']).toMatchObject({ value: 3, previous: 0, change: null });
  });

  it('gives the share of the categories’ incidents with the field recorded: 6 of the 20 violent incidents have a sex', () => {
    const figures = byKey('violence-women-children');
    expect(figures['circumstances:violence:victim-sex:recorded']).toMatchObject({ value: 30, unit: 'percent', previous: null });
    // Ages: 1 + 2 + 3 of 20.
    expect(figures['circumstances:violence:victim-age:recorded']!.value).toBe(30);
  });

  it('counts crimes in public places by kind of place, and leaves out what is not a crime', () => {
    const figures = byKey('public-places');
    expect(figures['circumstances:crime:public-place']!.value).toBe(6);
    expect(figures['circumstances:crime:place:street']!.value).toBe(5);
    expect(figures['circumstances:crime:place:market']!.value).toBe(1);
    expect(figures['circumstances:crime:place:park']!.value).toBe(0);
    // 10 crimes with a place of the 40 crimes.
    expect(figures['circumstances:crime:place:recorded']!.value).toBe(25);
  });

  it('has no share where the categories hold no incident, rather than a false zero', () => {
    const figures = byKey('under-influence', { current: [], totals: [] });
    expect(figures['circumstances:crime:intoxication:recorded']!.value).toBeNull();
    expect(figures['circumstances:crime:alcohol']!.value).toBe(0);
  });

  it('says in each figure’s source which column, categories, days and region it counted', () => {
    const [female] = circumstanceFigures('violence-women-children', inputs({ regionId: '750000000' }));
    expect(female!.source).toContain('victim_sex in (female)');
    expect(female!.source).toContain('domestic-violence');
    expect(female!.source).toContain('2024-12-31T19:00:00.000Z');
    expect(female!.source).toContain('region_id = 750000000');
  });

  it('adds nothing to the sections it has no plan for, and marks its own keys for the public version to leave out', () => {
    expect(circumstanceFigures('property', inputs())).toEqual([]);
    const keys = Object.keys(byKey('juveniles'));
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every(isCircumstanceFigure)).toBe(true);
    expect(isCircumstanceFigure('burglary')).toBe(false);
  });
});
