import { sql } from 'kysely';
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

  it(
    'forecasts with the analyst’s square size, horizon, periods and share, and judges the models on them',
    { timeout: 60_000 },
    async () => {
      const response = await get(forecastUrl('&cellSize=250&horizonDays=28&periods=2&share=0.01'), almaty);
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      expect([body.cellSize, body.horizonDays, body.share]).toEqual([250, 28, 0.01]);
      expect(body.end).toBe(new Date(Date.parse(start) + 28 * 86_400_000).toISOString());
      expect(body.evaluation.periods).toBe(2);
      // Two periods of four weeks: 8 weeks × 3 burglaries.
      expect(body.evaluation.crimes).toBe(24);
      // Flagging 1% only: no cell of the 5% is listed.
      expect(body.cells.every((cell: { share: number }) => cell.share === 0.01)).toBe(true);
      const [[west], [east]] = body.cells[0].ring;
      // 250 m a side: 250 / (111,320 · cos 43.24°) degrees of longitude.
      expect((east - west) * 111_320 * Math.cos((43.2383 * Math.PI) / 180)).toBeCloseTo(250, -1);
      for (const model of body.evaluation.models) expect(model.hitRate['0.01'], model.name).not.toBeNull();
    },
  );

  it('refuses options out of bounds in the caller’s language, naming the limits', async () => {
    const refused = [
      'cellSize=99',
      'cellSize=2001',
      'horizonDays=0',
      'horizonDays=29',
      'periods=1',
      'periods=13',
      'share=0.02',
      'share=0',
    ];
    for (const option of refused) {
      const response = await get(forecastUrl(`&${option}&lang=en`), almaty);
      expect(response.statusCode, option).toBe(400);
      expect(response.json().code, option).toBe('analytics.forecast_options_invalid');
      expect(response.json().title, option).toMatch(/100–2000 m.*1–28 days.*2–12.*1% or 5%/);
    }
    const titles = await Promise.all(
      ['kk', 'ru'].map(async (lang) => (await get(forecastUrl(`&periods=40&lang=${lang}`), almaty)).json().title),
    );
    expect(titles[0]).toMatch(/^Болжам параметрлері дұрыс емес: .*2–12/);
    expect(titles[1]).toMatch(/^Неверные параметры прогноза: .*2–12/);
    // Not a number at all is the schema's refusal.
    expect((await get(forecastUrl('&cellSize=large'), almaty)).statusCode).toBe(400);
  });

  it('answers a repeated question again with the data as they are now, never a stale copy', { timeout: 60_000 }, async () => {
    const url = forecastUrl('&horizonDays=1&periods=2&model=last-period');
    const first = (await get(url, almaty)).json();
    expect((await get(url, almaty)).json()).toEqual(first);
    // A late report of the day before the forecast, 3 km from anything else.
    const at = new Date(Date.parse(start) - 12 * 3_600_000);
    await sql`
      insert into incidents (region_id, category, status, priority, source, occurred_at, reported_at, location)
      values (${ALMATY}, 'burglary', 'closed', 3, 'test', ${at}, ${at}, ST_SetSRID(ST_MakePoint(76.90, 43.21), 4326))`.execute(
      t.database.db,
    );
    const after = (await get(url, almaty)).json();
    expect(after.incidents).toBe(first.incidents + 1);
    // The last day's one burglary is the last-period model's only flagged square.
    expect(after.cells).toHaveLength(1);
    expect(inside([76.9, 43.21], after.cells[0].ring)).toBe(true);
  });

  it('lets a country-wide analyst forecast one region, in their language', { timeout: 60_000 }, async () => {
    const response = await get(forecastUrl(`&regionId=${ASTANA}&periods=2&lang=ru`), country);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().incidents).toBe(50);
    const refused = await get(forecastUrl('&lang=ru'), country);
    expect(refused.json().title).toBe('Для прогноза выберите регион');
  });
});
