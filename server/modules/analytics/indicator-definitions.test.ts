import { describe, expect, it } from 'vitest';
import { INDICATORS, wilsonInterval } from './indicator-definitions.js';

describe('indicator definitions', () => {
  it('computes Wilson’s 95% interval: 600 of 1,000 gives 56.93–62.99%', () => {
    const { low, high } = wilsonInterval(600, 1000);
    expect(low).toBeCloseTo(56.93, 2);
    expect(high).toBeCloseTo(62.99, 2);
  });

  it('keeps the interval inside 0–100% at the extremes, where the Wald interval would not', () => {
    const { low, high } = wilsonInterval(0, 20);
    expect(low).toBeCloseTo(0, 10);
    expect(high).toBeCloseTo(16.11, 2);
  });

  it('states the concept’s targets and baselines', () => {
    const byId = Object.fromEntries(INDICATORS.map((i) => [i.id, i]));
    expect(byId['sense-of-safety']).toMatchObject({ baseline: { year: 2022, value: 60.3 }, target: { value: 88 } });
    expect(byId['safe-walking-alone']).toMatchObject({ baseline: null, target: { value: 64.8 } });
    expect(byId['road-deaths']).toMatchObject({ direction: 'down', target: { value: 10.1 } });
    expect(byId['trust-in-police']).toMatchObject({ baseline: { year: 2022, value: 74.6 }, target: { value: 84 } });
    expect(byId['police-effectiveness']).toMatchObject({ target: { value: 68 } });
  });
});
