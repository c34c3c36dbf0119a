import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORECAST_HOT_SPOT, plantWeeklyBurglaries } from '../../test/analytics-fixtures.js';
import { buildTestApp, createStaff, type TestApp } from '../../test/app.js';

const ALMATY = '750000000';
const ASTANA = '710000000';

let t: TestApp;
let almaty: string;
let country: string;
let start: string;
beforeAll(async () => {
  t = await buildTestApp();
  almaty = (await createStaff(t, ['analyst'], { level: 'region', regionId: ALMATY })).cookie;
  country = (await createStaff(t, ['analyst'], { level: 'country' })).cookie;
  start = await plantWeeklyBurglaries(t);
});
afterAll(async () => {
  await t.app.close();
});

const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const forecastUrl = (extra = '') => `/api/v1/analytics/forecast?categories=burglary&start=${start}${extra}`;

/** Whether a point lies inside a closed ring (ray casting). */
function inside([x, y]: [number, number], ring: [number, number][]): boolean {
  let result = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

describe('forecast', () => {
  it('puts the week’s highest risk on the hot spot, from the caller’s incidents only', { timeout: 60_000 }, async () => {
    const response = await get(forecastUrl(), almaty);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    // 50 weeks × 3 in Almaty; Astana's 50 are outside the caller's jurisdiction.
    expect(body.incidents).toBe(150);
    expect(body.model).toBe('etas');
    expect(body.end).toBe(new Date(Date.parse(start) + 7 * 86_400_000).toISOString());
    expect(inside(FORECAST_HOT_SPOT, body.cells[0].ring)).toBe(true);
    expect(body.cells[0].share).toBe(0.01);
    expect(body.params.theta).toBeGreaterThanOrEqual(0);
    // The square is 500 m a side; its west edge runs (almost) due north, 111.1 km to the degree here.
    const [[, south], , , [, north]] = body.cells[0].ring;
    expect((north - south) * 111_100).toBeGreaterThan(495);
    expect((north - south) * 111_100).toBeLessThan(505);
  });

  it('shows every model’s back-test: the hot spot holds two of each week’s three burglaries', { timeout: 60_000 }, async () => {
    const body = (await get(forecastUrl('&model=long-term-average'), almaty)).json();
    expect(body.model).toBe('long-term-average');
    expect(body.evaluation.periods).toBe(8);
    expect(body.evaluation.crimes).toBe(24);
    expect(body.evaluation.models.map((m: { name: string }) => m.name)).toEqual([
      'etas',
      'last-period',
      'kde',
      'long-term-average',
    ]);
    for (const model of body.evaluation.models) {
      // Whatever else the model flags, the hot spot's cell is its first, and it holds 2 of 3.
      expect(model.hitRate['0.05'], model.name).toBeGreaterThanOrEqual(2 / 3 - 1e-9);
      expect(model.pai['0.05'], model.name).toBeCloseTo(model.hitRate['0.05'] / 0.05, 9);
      expect(model.peiStar['0.05'], model.name).toBeLessThanOrEqual(1 + 1e-9);
    }
  });

  it('answers an empty forecast, not an error, where nothing happened', async () => {
    const response = await get('/api/v1/analytics/forecast?categories=drugs&start=1900-06-01T00:00:00Z', almaty);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().cells).toEqual([]);
    expect(response.json().evaluation.models[0].hitRate['0.01']).toBeNull();
  });

  it('refuses no session, the wrong role, another region, no region and a future start', async () => {
    expect((await get(forecastUrl())).statusCode).toBe(401);
    const operator = await createStaff(t, ['operator'], { level: 'region', regionId: ALMATY });
    expect((await get(forecastUrl(), operator.cookie)).statusCode).toBe(403);
    const other = await get(forecastUrl(`&regionId=${ASTANA}`), almaty);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('jurisdiction.outside');
    const whole = await get(forecastUrl(), country);
    expect(whole.statusCode).toBe(422);
    expect(whole.json().code).toBe('analytics.area_required');
    const future = await get('/api/v1/analytics/forecast?categories=burglary&start=2999-01-01T00:00:00Z', almaty);
    expect(future.statusCode).toBe(422);
    expect(future.json().code).toBe('analytics.invalid_period');
    const badModel = await get(forecastUrl('&model=crystal-ball'), almaty);
    expect(badModel.statusCode).toBe(400);
  });

  it('lets a country-wide analyst forecast one region, in their language', { timeout: 60_000 }, async () => {
    const response = await get(forecastUrl(`&regionId=${ASTANA}&periods=2&lang=ru`), country);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().incidents).toBe(50);
    const refused = await get(forecastUrl('&lang=ru'), country);
    expect(refused.json().title).toBe('Для прогноза выберите регион');
  });
});
