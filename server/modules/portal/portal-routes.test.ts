import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstDistrictAndBeat, listDistricts } from '../geo/index.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { cluster, recordCrimes, type CrimeSeed } from './portal-fixtures.js';
import { publishMonth } from './publish.js';

const ALMATY = '750000000';
// Later than any month other suites publish, so these are "the last month" and the one before.
const LATEST = '2090-01';
const BEFORE = '2089-12';

let t: TestApp;
let place: { regionId: string; districtId: string; beatId: string };
beforeAll(async () => {
  t = await buildTestApp();
  const first = await firstDistrictAndBeat(t.database.db, ALMATY);
  place = { regionId: ALMATY, ...first };
  const crimes = (month: string, category: string, n: number): CrimeSeed[] =>
    cluster(43.25, 76.92, n).map((p) => ({ ...place, ...p, month, category }));
  await recordCrimes(t, [
    ...crimes(LATEST, 'robbery', 7),
    ...crimes(LATEST, 'burglary', 2),
    ...crimes(LATEST, 'domestic-violence', 3),
    ...crimes(BEFORE, 'robbery', 6),
    ...crimes(BEFORE, 'burglary', 1),
  ]);
  const deps = { db: t.database.db, secretKey: t.keys.secretKey, clock: () => new Date() };
  await publishMonth(deps, BEFORE);
  await publishMonth(deps, LATEST);
});
afterAll(async () => {
  await t.app.close();
});

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('GET /api/v1/portal/neighbourhoods/:beatId', () => {
  it('gives the last month and the last 24 months by category, small counts as "fewer than 5"', async () => {
    const response = await get(`/api/v1/portal/neighbourhoods/${place.beatId}?lang=en`);
    expect(response.statusCode).toBe(200);
    const summary = response.json();
    expect(summary.months).toMatchObject({ latest: LATEST, from: BEFORE, count: 2 });
    const robbery = summary.categories.find((c: { category: string }) => c.category === 'robbery');
    expect(robbery).toMatchObject({
      name: 'Robbery',
      lastMonth: { count: 7, suppressed: null },
      last24Months: { count: 13, hidden: 0 },
    });
    const burglary = summary.categories.find((c: { category: string }) => c.category === 'burglary');
    expect(burglary).toMatchObject({
      lastMonth: { count: null, suppressed: 'fewer-than-5' },
      last24Months: { count: 0, hidden: 2 },
    });
    expect(JSON.stringify([summary.categories, summary.sensitive])).not.toMatch(/"count":[1-4][,}]/);
  });

  it('gives the beat’s month-by-month series from published cells, oldest first', async () => {
    const summary = (await get(`/api/v1/portal/neighbourhoods/${place.beatId}`)).json();
    expect(summary.monthly).toEqual([
      { month: BEFORE, count: 6, hidden: 1 },
      { month: LATEST, count: 7, hidden: 1 },
    ]);
  });

  it('compares per 10,000 residents with the district and the country, the beat’s population marked as estimated', async () => {
    const summary = (await get(`/api/v1/portal/neighbourhoods/${place.beatId}`)).json();
    const districts = await listDistricts(t.database.db);
    const district = districts.find((d) => d.id === place.districtId)!;
    const country = districts.reduce((s, d) => s + d.population, 0);
    expect(summary.populations.beat.estimated).toBe(true);
    expect(summary.populations.district.population).toBe(district.population);
    const robbery = summary.categories.find((c: { category: string }) => c.category === 'robbery');
    expect(robbery.per10000.last24Months.district).toBeCloseTo((13 / district.population) * 10_000, 2);
    expect(robbery.per10000.last24Months.country).toBeCloseTo((13 / country) * 10_000, 2);
    expect(robbery.per10000.last24Months.beat).toBeCloseTo((13 / summary.populations.beat.population) * 10_000, 2);
  });

  it('shows sensitive categories for the district only', async () => {
    const summary = (await get(`/api/v1/portal/neighbourhoods/${place.beatId}`)).json();
    expect(summary.categories.map((c: { category: string }) => c.category)).not.toContain('domestic-violence');
    expect(summary.sensitive.find((c: { category: string }) => c.category === 'domestic-violence')).toMatchObject({
      lastMonth: { count: null, suppressed: 'fewer-than-5' },
      last24Months: { count: 0, hidden: 1 },
    });
  });

  it('answers 404 for a beat that does not exist', async () => {
    const response = await get('/api/v1/portal/neighbourhoods/000000000-01?lang=en');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'portal.neighbourhood_not_found', title: 'There is no such neighbourhood' });
  });
});

describe('GET /api/v1/portal/locate', () => {
  it('finds the beat of a point', async () => {
    const located = (await get('/api/v1/portal/locate?lat=43.24&lng=76.9&lang=ru')).json();
    expect(located.region).toEqual({ id: ALMATY, name: 'город Алматы' });
    expect(located.beat.name).toMatch(/^Участок №\d+, /);
  });

  it('refuses a latitude out of range, and a point outside Kazakhstan', async () => {
    expect((await get('/api/v1/portal/locate?lat=95&lng=76.9')).json().code).toBe('geo.invalid_coordinates');
    const outside = await get('/api/v1/portal/locate?lat=51.5&lng=-0.12');
    expect(outside.statusCode).toBe(422);
  });
});
