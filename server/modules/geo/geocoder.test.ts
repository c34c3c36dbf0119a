import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection.js';
import { getTestDatabase } from '../../test/database.js';
import { createBuiltinGeocoder, createGeocoder, createHttpGeocoder, normaliseQuery, type Geocoder } from './geocoder.js';

let db: Db;
let builtin: Geocoder;
beforeAll(async () => {
  db = (await getTestDatabase()).db;
  builtin = createBuiltinGeocoder(db);
});

describe('built-in geocoder', () => {
  it('finds Almaty by its Kazakh, Russian or English name, the city itself first', async () => {
    for (const [query, language] of [
      ['Алматы', 'kk'],
      ['алматы', 'ru'],
      ['Almaty', 'en'],
    ] as const) {
      const [first, ...rest] = await builtin.search(query, language, 10);
      expect(first?.regionId).toBe('750000000');
      expect(['region', 'settlement']).toContain(first?.kind);
      expect(rest.map((r) => r.regionId)).toContain('190000000'); // Almaty Region, a prefix match
    }
  });

  it('ranks an exact name above a prefix and a prefix above a match inside the name', async () => {
    const results = await builtin.search('Абай', 'kk', 50);
    const labels = results.map((r) => r.label);
    expect(labels[0]).toMatch(/^Абай облысы|^Абай ауданы/);
    expect(labels.indexOf('Абай даңғылы, Алматы')).toBeGreaterThan(0);
    const inside = await builtin.search('фараби', 'ru', 10);
    expect(inside.map((r) => r.label)).toContain('проспект аль-Фараби, Алматы');
  });

  it('finds a demo street in both cities that have one, with its point and district', async () => {
    const results = await builtin.search('Абай даңғылы', 'kk', 10);
    const streets = results.filter((r) => r.kind === 'street');
    expect(streets.map((s) => s.regionId).sort()).toEqual(['710000000', '750000000']);
    const almaty = streets.find((s) => s.regionId === '750000000')!;
    expect(almaty.label).toBe('Абай даңғылы, Алматы');
    expect(almaty.districtId?.startsWith('75')).toBe(true);
    expect(almaty.point).toEqual({ type: 'Point', coordinates: [76.9229, 43.2403] });
  });

  it('matches Kazakh letters typed on a Russian keyboard', async () => {
    expect(normaliseQuery('  Абай  Даңғылы! ')).toBe('абай дангылы');
    const results = await builtin.search('абай дангылы', 'ru', 5);
    expect(results.map((r) => r.label)).toContain('проспект Абая, Алматы');
  });

  it('finds rural districts and regional centres with their region', async () => {
    const [semey] = await builtin.search('Семей', 'ru', 1);
    expect(semey).toMatchObject({ kind: 'settlement', label: 'Семей, область Абай', regionId: '100000000' });
    const [district] = await builtin.search('Zhylyoi', 'en', 1);
    expect(district).toMatchObject({ kind: 'district', label: 'Zhylyoi District, Atyrau Region', districtId: '233600000' });
  });

  it('answers nothing for nothing', async () => {
    expect(await builtin.search(' - ', 'kk', 10)).toEqual([]);
    expect(await builtin.search('Бишкек', 'ru', 10)).toEqual([]);
  });
});

describe('HTTP geocoder', () => {
  const requests: URL[] = [];
  let status = 200;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      requests.push(url);
      if (url.searchParams.get('q') === 'slow') return; // never answers
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify([
          { lat: '43.2403', lon: '76.9229', display_name: 'проспект Абая, Алматы', category: 'highway', addresstype: 'road' },
          { lat: '51.1283', lon: '71.4305', display_name: 'Астана', category: 'boundary', addresstype: 'city' },
          { lat: '42.8746', lon: '74.5698', display_name: 'Бишкек', category: 'place', addresstype: 'city' },
        ]),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/nominatim/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('asks a Nominatim-compatible server and places its answers in Aman’s geography', async () => {
    status = 200;
    const results = await createHttpGeocoder(base, db).search('Абая', 'ru', 5);
    const asked = requests.at(-1)!;
    expect(asked.pathname).toBe('/nominatim/search');
    expect(Object.fromEntries(asked.searchParams)).toEqual({
      q: 'Абая',
      format: 'jsonv2',
      countrycodes: 'kz',
      'accept-language': 'ru',
      limit: '5',
    });
    expect(results).toEqual([
      expect.objectContaining({ kind: 'street', label: 'проспект Абая, Алматы', regionId: '750000000' }),
      expect.objectContaining({
        kind: 'settlement',
        label: 'Астана',
        regionId: '710000000',
        point: { type: 'Point', coordinates: [71.4305, 51.1283] },
      }),
    ]);
  });

  it('is chosen when GEOCODER_URL is set, and falls back to the built-in one when the server fails', async () => {
    const geocoder = createGeocoder({ geocoderUrl: base }, db);
    status = 200;
    expect((await geocoder.search('Абая', 'ru', 5))[0]?.label).toBe('проспект Абая, Алматы');
    status = 503;
    expect((await geocoder.search('Семей', 'ru', 1))[0]?.label).toBe('Семей, область Абай');
  });

  it('gives up on a server that does not answer', async () => {
    await expect(createHttpGeocoder(base, db, { timeoutMs: 200 }).search('slow', 'kk', 5)).rejects.toThrow();
  });

  it('is not used without GEOCODER_URL', async () => {
    const before = requests.length;
    await createGeocoder({ geocoderUrl: null }, db).search('Астана', 'kk', 5);
    expect(requests.length).toBe(before);
  });
});
