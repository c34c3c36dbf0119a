import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plantBurglaries } from '../../test/analytics-fixtures.js';
import { buildTestApp, createStaff, type TestApp } from '../../test/app.js';

const ALMATY = '750000000';
const ASTANA = '710000000';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await buildTestApp();
  cookie = (await createStaff(t, ['analyst'], { level: 'region', regionId: ALMATY })).cookie;
});
afterAll(async () => {
  await t.app.close();
});

describe('analytics routes', () => {
  it('runs the Knox test on the caller’s incidents: three burglaries about 41 m and minutes apart', async () => {
    const { from, to } = await plantBurglaries(t, { [ALMATY]: 3, [ASTANA]: 2 });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/analytics/near-repeat',
      headers: { cookie },
      payload: { categories: ['burglary'], from, to, iterations: 19 },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.incidents).toBe(3);
    expect(body.pairs).toBe(3);
    // Default bands: same place, 0–100, 100–200, 200–300, >300 m × [0, 2), [2, 4), ≥4 days.
    expect(body.observed).toEqual([
      [0, 0, 0],
      [3, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(body.spatialBands[1]).toEqual({ from: 0, to: 100 });
  });

  it('lists Gi* cells for the caller’s incidents', async () => {
    const { from, to } = await plantBurglaries(t, { [ALMATY]: 4 });
    const url = `/api/v1/analytics/hotspots?categories=burglary,robbery&from=${from}&to=${to}&resolution=9`;
    const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.incidents).toBe(4);
    expect(body.cells.reduce((sum: number, c: { count: number }) => sum + c.count, 0)).toBe(4);
    // Every counted cell and its ring are in the study area.
    expect(body.studyCells).toBeGreaterThanOrEqual(7);
  });

  it('refuses a period that ends before it starts, and an unknown category', async () => {
    const backwards = await t.app.inject({
      method: 'GET',
      url: '/api/v1/analytics/hotspots?categories=burglary&from=2024-02-01T00:00:00Z&to=2024-01-01T00:00:00Z',
      headers: { cookie },
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().code).toBe('analytics.invalid_period');
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/v1/analytics/hotspots?categories=burglary,sheep&from=2024-01-01T00:00:00Z&to=2024-02-01T00:00:00Z',
      headers: { cookie },
    });
    expect(unknown.json().code).toBe('category.unknown');
  });
});
