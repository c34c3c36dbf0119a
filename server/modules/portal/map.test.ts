import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstDistrictAndBeat } from '../geo/index.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { cluster, recordCrimes, type CrimeSeed } from './portal-fixtures.js';
import { publishMonth } from './publish.js';

const ALMATY = '750000000';
// Earlier than the neighbourhood suite's months, which must be the latest published.
const MONTH = '2086-03';
const A = { lat: 43.25, lon: 76.92 };
const B = { lat: 43.3, lon: 76.85 };
const ALMATY_BOX = 'west=76.7&south=43.1&east=77.1&north=43.4';
const COUNTRY_BOX = 'west=46&south=40&east=88&north=56';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  const place = { regionId: ALMATY, ...(await firstDistrictAndBeat(t.database.db, ALMATY)) };
  const at = (p: { lat: number; lon: number }, category: string, n: number): CrimeSeed[] =>
    cluster(p.lat, p.lon, n).map((q) => ({ ...place, ...q, month: MONTH, category }));
  await recordCrimes(t, [
    ...at(A, 'robbery', 7),
    ...at(A, 'domestic-violence', 5),
    ...at(A, 'sexual-offences', 5),
    ...at(B, 'burglary', 3),
  ]);
  await publishMonth({ db: t.database.db, secretKey: t.keys.secretKey, clock: () => new Date() }, MONTH);
});
afterAll(async () => {
  await t.app.close();
});

const map = (query: string) => t.app.inject({ method: 'GET', url: `/api/v1/portal/map?month=${MONTH}&${query}` });
type Item = { name: string; lat: number; lon: number; value: { count: number; hidden: number; label: string } };

describe('GET /api/v1/portal/map', () => {
  it('shows streets as anonymous points, a point of 1 to 4 crimes as "fewer than 5"', async () => {
    const body = (await map(`category=all-crime&zoom=12&${ALMATY_BOX}&lang=en`)).json() as { level: string; items: Item[] };
    expect(body.level).toBe('location');
    const near = (p: typeof A) => body.items.find((i) => Math.abs(i.lat - p.lat) < 0.01 && Math.abs(i.lon - p.lon) < 0.01)!;
    // The 10 sensitive crimes at A are never points: only the 7 robberies are counted there.
    expect(near(A).value).toEqual({ count: 7, hidden: 0, label: 'count' });
    expect(near(B).value).toEqual({ count: 0, hidden: 1, label: 'fewer-than-5' });
    expect(near(A).name).toMatch(/^On or near /);
  });

  it('never offers a sensitive category, at any zoom', async () => {
    for (const category of ['domestic-violence', 'sexual-offences', 'offences-against-children']) {
      const response = await map(`category=${category}&zoom=12&${ALMATY_BOX}&lang=en`);
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('portal.unknown_category');
    }
  });

  it('shows the whole country as regions and a region as districts, from published counts', async () => {
    const regions = (await map(`category=robbery&zoom=4&${COUNTRY_BOX}&lang=en`)).json() as { level: string; items: Item[] };
    expect(regions.level).toBe('region');
    expect(regions.items.find((i) => i.name === 'Almaty')?.value).toEqual({ count: 7, hidden: 0, label: 'count' });
    const districts = (await map(`category=burglary&zoom=8&${ALMATY_BOX}`)).json() as { level: string; items: Item[] };
    expect(districts.level).toBe('district');
    expect(districts.items.map((i) => i.value.label)).toContain('fewer-than-5');
    expect(JSON.stringify(districts.items)).not.toMatch(/"count":[1-4],/);
  });

  it('refuses an upside-down box in the caller’s language', async () => {
    const response = await map('category=all-crime&zoom=5&west=80&south=40&east=50&north=56&lang=ru');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'portal.invalid_bbox' });
    expect(response.json().title).toMatch(/^Неверная область карты/);
  });

  it('refuses a month that is not published', async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/portal/map?month=2099-01&zoom=4&${COUNTRY_BOX}` })).statusCode,
    ).toBe(404);
  });
});

describe('GET /api/v1/portal/map/filters', () => {
  it('offers published months, newest first, and only street-level categories', async () => {
    const filters = (await t.app.inject({ method: 'GET', url: '/api/v1/portal/map/filters?lang=en' })).json();
    // The worker's database is shared: other test files publish months of their own.
    expect(filters.months).toContain(MONTH);
    expect([...filters.months].sort().reverse()).toEqual(filters.months);
    expect(filters.categories[0]).toEqual({ url: 'all-crime', name: 'All crime' });
    expect(filters.categories.map((c: { url: string }) => c.url)).not.toContain('domestic-violence');
  });
});
