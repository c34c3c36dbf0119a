import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { GEO_ATTRIBUTION } from './attribution.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('GET /api/v1/geo/regions', () => {
  it('lists the 20 regions with names in the request language', async () => {
    const response = await get('/api/v1/geo/regions?lang=ru');
    expect(response.statusCode).toBe(200);
    const regions = response.json();
    expect(regions).toHaveLength(20);
    expect(regions.find((r: { id: string }) => r.id === '750000000')).toEqual({
      id: '750000000',
      iso: 'KZ-75',
      kind: 'city_of_republican_significance',
      name: 'город Алматы',
      names: { kk: 'Алматы қаласы', ru: 'город Алматы', en: 'Almaty' },
      capital: 'Алматы',
      tz: 'Asia/Almaty',
      population: 2_347_924,
      populationEstimated: false,
    });
    expect(regions.find((r: { id: string }) => r.id === '110000000')).toMatchObject({
      name: 'Акмолинская область',
      populationEstimated: true,
    });
  });

  it('follows Accept-Language', async () => {
    const regions = (await get('/api/v1/geo/regions', { 'accept-language': 'en-GB,en;q=0.9' })).json();
    expect(regions.find((r: { id: string }) => r.id === '710000000').name).toBe('Astana');
  });
});

describe('GET /api/v1/geo/regions/:id/districts', () => {
  it('lists a region’s districts', async () => {
    const districts = (await get('/api/v1/geo/regions/750000000/districts?lang=kk')).json();
    expect(districts).toHaveLength(8);
    expect(districts[0]).toMatchObject({
      id: '751110000',
      regionId: '750000000',
      kind: 'city_district',
      name: 'Алмалы ауданы',
      populationEstimated: true,
    });
  });

  it('answers 404 for an unknown region', async () => {
    const response = await get('/api/v1/geo/regions/123/districts');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(response.json().code).toBe('resource.not_found');
  });
});

describe('GET /api/v1/geo/boundaries', () => {
  it('gives regions as a GeoJSON FeatureCollection', async () => {
    const response = await get('/api/v1/geo/boundaries?level=region&lang=en');
    expect(response.statusCode).toBe(200);
    const collection = response.json();
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(20);
    const astana = collection.features.find((f: { id: string }) => f.id === '710000000');
    expect(astana.properties).toEqual({ id: '710000000', name: 'Astana' });
    expect(astana.geometry.type).toBe('MultiPolygon');
    expect(response.body.length).toBeLessThan(300_000);
  });

  it('gives the districts or beats of one region', async () => {
    const districts = (await get('/api/v1/geo/boundaries?level=district&regionId=790000000')).json();
    expect(districts.features.map((f: { id: string }) => f.id)).toEqual([
      '791110000',
      '791310000',
      '791510000',
      '791710000',
      '791910000',
    ]);
    const beats = (await get('/api/v1/geo/boundaries?level=beat&regionId=790000000&lang=ru')).json();
    expect(beats.features.length).toBeGreaterThan(10);
    expect(beats.features[0].properties).toEqual({ id: '791110000-01', name: 'Участок №1' });
  });

  it('needs a region for beats', async () => {
    const response = await get('/api/v1/geo/boundaries?level=beat');
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('request.invalid');
  });

  it('refuses an unknown level or region', async () => {
    expect((await get('/api/v1/geo/boundaries?level=street')).statusCode).toBe(400);
    expect((await get('/api/v1/geo/boundaries?level=district&regionId=999')).statusCode).toBe(404);
  });
});

describe('GET /api/v1/geo/resolve', () => {
  it('names the region, district and beat of a point', async () => {
    const response = await get('/api/v1/geo/resolve?lon=76.9456&lat=43.2383&lang=en');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.region).toEqual({ id: '750000000', name: 'Almaty' });
    expect(body.district.name).toMatch(/ District$/);
    expect(body.beat.id).toBe(`${body.district.id}-${String(body.beat.number).padStart(2, '0')}`);
    expect(body.h3).toMatch(/^89[0-9a-f]{13}$/);
  });

  it('answers 422 outside Kazakhstan, titled in the request language', async () => {
    const response = await get('/api/v1/geo/resolve?lon=74.5698&lat=42.8746&lang=ru');
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'geo.outside_kazakhstan', title: 'Точка находится за пределами Казахстана' });
  });

  it('refuses coordinates out of range or not numbers', async () => {
    const outOfRange = await get('/api/v1/geo/resolve?lon=200&lat=43');
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().code).toBe('geo.invalid_coordinates');
    const text = await get('/api/v1/geo/resolve?lon=east&lat=43');
    expect(text.statusCode).toBe(400);
    expect(text.json().code).toBe('request.invalid');
  });
});

describe('GET /api/v1/geo/search', () => {
  it('finds places and streets', async () => {
    const response = await get(`/api/v1/geo/search?q=${encodeURIComponent('Абай даңғылы')}&limit=3&lang=kk`);
    expect(response.statusCode).toBe(200);
    const results = response.json();
    expect(results.length).toBeLessThanOrEqual(3);
    expect(results[0]).toMatchObject({ kind: 'street', point: { type: 'Point' } });
  });

  it('needs a query', async () => {
    expect((await get('/api/v1/geo/search?q=')).statusCode).toBe(400);
  });
});

describe('GET /api/v1/client-config', () => {
  it('gives the map credits and no tile server by default', async () => {
    expect((await get('/api/v1/client-config')).json()).toEqual({ mapTileUrl: null, attribution: GEO_ATTRIBUTION });
  });

  it('gives the configured tile server', async () => {
    const other = await buildTestApp({ env: { MAP_TILE_URL: 'https://tiles.example.kz/{z}/{x}/{y}.png' } });
    try {
      const config = (await other.app.inject({ method: 'GET', url: '/api/v1/client-config' })).json();
      expect(config.mapTileUrl).toBe('https://tiles.example.kz/{z}/{x}/{y}.png');
    } finally {
      await other.app.close();
    }
  });
});

it('declares every geo route public and rate-limited', () => {
  const geo = t.routes.filter((r) => r.url.startsWith('/api/v1/geo') || r.url === '/api/v1/client-config');
  expect(geo).toHaveLength(7);
  expect(geo.every((r) => r.access.kind === 'public' && r.access.rateLimit === 'public')).toBe(true);
});

describe('GET /api/v1/geo/districts/:id/beats', () => {
  it('lists a district’s beats by number, named in the request language, the same ones a point resolves to', async () => {
    const resolved = (await get('/api/v1/geo/resolve?lon=76.95&lat=43.25')).json();
    const beats = (await get(`/api/v1/geo/districts/${resolved.district.id}/beats?lang=ru`)).json();
    expect(beats.length).toBeGreaterThanOrEqual(2);
    expect(beats.map((b: { number: number }) => b.number)).toEqual(
      [...beats.map((b: { number: number }) => b.number)].sort((a, b) => a - b),
    );
    expect(
      beats.every(
        (b: { districtId: string; regionId: string }) => b.districtId === resolved.district.id && b.regionId === '750000000',
      ),
    ).toBe(true);
    expect(beats.map((b: { id: string }) => b.id)).toContain(resolved.beat.id);
    expect(beats[0].name).toBe(`Участок №${beats[0].number}`);
  });

  it('answers 404 for a district that does not exist', async () => {
    expect((await get('/api/v1/geo/districts/999999999/beats')).statusCode).toBe(404);
  });
});
