import { describe, expect, it } from 'vitest';
import {
  bayesianStars,
  combine,
  incidentRate,
  incidentScores,
  priorStars,
  publicRate,
  publishBreakdown,
  reviewScore,
  type PlaceExposure,
} from './place-safety-rating.js';

const place = (over: Partial<PlaceExposure> & { id: string }): PlaceExposure => ({
  kind: 'park',
  visitorHoursPerMonth: null,
  areaHa: 10,
  months: 12,
  counts: new Map(),
  ...over,
});

const rank = (id: string) => [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);

describe('incident rate', () => {
  it('counts per 10,000 visitor-hours over the months covered when the place has a visitor figure', () => {
    // 30 incidents over 12 months of 50,000 visitor-hours: 30 / 600,000 × 10,000 = 0.5.
    const rate = incidentRate(place({ id: 'a', visitorHoursPerMonth: 50_000, counts: new Map([['robbery', 30]]) }));
    expect(rate).toEqual({ basis: 'visitor-hours', value: 0.5 });
  });

  it('counts per hectare a year when there is no visitor figure, scaling a shorter record to a year', () => {
    // 6 incidents in 6 published months on 4 ha: 12 a year, 3 per hectare.
    const rate = incidentRate(place({ id: 'a', areaHa: 4, months: 6, counts: new Map([['drugs', 6]]) }));
    expect(rate).toEqual({ basis: 'area', value: 3 });
  });

  it('has no rate before any month is published', () => {
    expect(incidentRate(place({ id: 'a', months: 0 }))).toBeNull();
  });
});

describe('incident score', () => {
  it('ranks a place against places of the same kind measured the same way, the fewest incidents scoring highest', () => {
    const scores = incidentScores([
      place({ id: 'calm', counts: new Map([['robbery', 1]]) }),
      place({ id: 'middle', counts: new Map([['robbery', 10]]) }),
      place({ id: 'busy', counts: new Map([['robbery', 40]]) }),
      // A mall and a park measured per visitor-hour are not its peers.
      place({ id: 'mall', kind: 'mall', counts: new Map([['robbery', 500]]) }),
      place({ id: 'counted', visitorHoursPerMonth: 1000, counts: new Map([['robbery', 500]]) }),
    ]);
    expect(scores.get('calm')).toBe(100);
    expect(scores.get('middle')).toBe(50);
    expect(scores.get('busy')).toBe(0);
    expect(scores.get('mall')).toBeNull();
    expect(scores.get('counted')).toBeNull();
  });

  it('gives no score with fewer than three comparable places', () => {
    const scores = incidentScores([place({ id: 'a' }), place({ id: 'b', counts: new Map([['drugs', 5]]) })]);
    expect([...scores.values()]).toEqual([null, null]);
  });
});

describe('reviews', () => {
  it('pulls a place with two five-star reviews towards the mean, below one with many four-star reviews', () => {
    const prior = priorStars({ count: 100, sum: 300 }); // 3 stars on average
    const two = bayesianStars({ count: 2, sum: 10 }, prior)!;
    const many = bayesianStars({ count: 60, sum: 240 }, prior)!;
    expect(two).toBeCloseTo((5 * 3 + 10) / 7, 6);
    expect(two).toBeLessThan(many);
  });

  it('has no stars and no score without a review, and maps 1–5 stars onto 0–100', () => {
    expect(bayesianStars({ count: 0, sum: 0 }, 3)).toBeNull();
    expect(reviewScore(null)).toBeNull();
    expect(reviewScore(1)).toBe(0);
    expect(reviewScore(5)).toBe(100);
    expect(priorStars({ count: 0, sum: 0 })).toBe(3);
  });
});

describe('grade', () => {
  it('weights incidents 60 % and reviews 40 %, or uses the one part there is', () => {
    expect(combine(100, 50)).toEqual({ score: 80, grade: 'A' });
    expect(combine(50, 0)).toEqual({ score: 30, grade: 'D' });
    expect(combine(null, 65)).toEqual({ score: 65, grade: 'B' });
    expect(combine(10, null)).toEqual({ score: 10, grade: 'E' });
    expect(combine(null, null)).toBeNull();
  });
});

describe('published breakdown', () => {
  it('shows counts from 1 to 4 as fewer than 5 and hides another so that the total cannot give one away', () => {
    const published = publishBreakdown(
      new Map([
        ['robbery', 12],
        ['drugs', 3],
      ]),
      rank,
    );
    const drugs = published.categories.find((c) => c.category === 'drugs')!;
    expect(drugs.value).toEqual({ kind: 'fewer-than-5' });
    // With the total shown, drugs alone hidden would be total − the shown categories: so at
    // least one more category (a zero shown as "fewer than 5", or another count withheld) is hidden.
    expect(published.total).toEqual({ kind: 'count', count: 15 });
    expect(published.categories.filter((c) => c.value.kind !== 'count').length).toBeGreaterThanOrEqual(2);
  });

  it('shows a total from 1 to 4 as fewer than 5 and only a rate below the one 5 incidents would make', () => {
    const counts = new Map([['robbery', 2]]);
    const published = publishBreakdown(counts, rank);
    expect(published.total).toEqual({ kind: 'fewer-than-5' });
    const exposure = place({ id: 'a', visitorHoursPerMonth: 10_000, counts });
    // 5 incidents over 120,000 visitor-hours: 0.4166… per 10,000.
    const rate = publicRate(exposure, published.total)!;
    expect(rate).toMatchObject({ kind: 'below', basis: 'visitor-hours' });
    expect(rate.kind === 'below' && rate.value).toBeCloseTo(5 / 12, 9);
  });
});
