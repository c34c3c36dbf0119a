import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstDistrictAndBeat } from '../geo/index.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { freshTestDatabase } from '../../test/database.js';
import { cluster, recordCrimes } from './portal-fixtures.js';
import { publishMonth } from './publish.js';

const ALMATY = '750000000';
const MONTH = '2002-03';
// Almaty, near the Central Mosque: A is about 1 km north of here, B about 2.2 km: one inside a mile, one outside.
const HERE = { lat: 43.24, lng: 76.9 };
const A = cluster(43.249, 76.9, 3);
const B = cluster(43.26, 76.9, 4);
const CRIME_KEYS = [
  'category',
  'location_type',
  'location',
  'context',
  'outcome_status',
  'persistent_id',
  'id',
  'location_subtype',
  'month',
];

let t: TestApp;
beforeAll(async () => {
  // Its own database: its month's crimes without a location are counted exactly, so no other
  // suite's incidents or publications may join in.
  t = await buildTestApp({ database: await freshTestDatabase() });
  const { districtId, beatId } = await firstDistrictAndBeat(t.database.db, ALMATY);
  const place = { regionId: ALMATY, districtId, beatId, month: MONTH };
  await recordCrimes(t, [
    ...A.map((p) => ({ ...place, ...p, category: 'burglary' })),
    ...B.map((p, i) => ({ ...place, ...p, category: i === 0 ? 'robbery' : 'anti-social-behaviour', status: 'resolved' })),
    ...A.map((p) => ({ ...place, ...p, category: 'sexual-offences' })),
    { ...place, lon: null, lat: null, category: 'fraud' },
  ]);
  await publishMonth({ db: t.database.db, secretKey: t.keys.secretKey, clock: () => new Date() }, MONTH);
});
afterAll(async () => {
  await t.app.close();
});

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('GET /api/v1/open/crime-categories', () => {
  it('lists all-crime first, then police.uk’s categories, as {url, name}', async () => {
    const response = await get(`/api/v1/open/crime-categories?date=${MONTH}&lang=en`);
    expect(response.statusCode).toBe(200);
    const categories = response.json();
    expect(categories[0]).toEqual({ url: 'all-crime', name: 'All crime' });
    expect(categories.map((c: { url: string }) => c.url)).toEqual([
      'all-crime',
      'anti-social-behaviour',
      'bicycle-theft',
      'burglary',
      'criminal-damage-arson',
      'drugs',
      'other-theft',
      'possession-of-weapons',
      'public-order',
      'robbery',
      'shoplifting',
      'theft-from-the-person',
      'vehicle-crime',
      'violent-crime',
      'other-crime',
    ]);
    expect(categories.every((c: object) => Object.keys(c).join() === 'url,name')).toBe(true);
  });

  it('refuses a date that is not a month, in the caller’s language', async () => {
    const response = await get('/api/v1/open/crime-categories?date=2024-13', { 'accept-language': 'ru' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(response.json()).toMatchObject({
      code: 'portal.invalid_month',
      title: 'Месяц нужно указать как ГГГГ-ММ, например 2024-01',
    });
  });
});

describe('GET /api/v1/open/crime-last-updated', () => {
  it('answers the first day of the latest published month', async () => {
    const response = await get('/api/v1/open/crime-last-updated');
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json())).toEqual(['date']);
    expect(response.json().date).toMatch(/^\d{4}-\d{2}-01$/);
    expect(response.json().date >= `${MONTH}-01`).toBe(true);
  });
});

describe('GET /api/v1/open/crimes-street/:category', () => {
  it('answers police.uk’s crime shape, field for field, with coordinates as strings', async () => {
    const crimes = (
      await get(`/api/v1/open/crimes-street/burglary?lat=${HERE.lat}&lng=${HERE.lng}&date=${MONTH}&lang=en`)
    ).json();
    expect(crimes).toHaveLength(3);
    for (const crime of crimes) {
      expect(Object.keys(crime)).toEqual(CRIME_KEYS);
      expect(Object.keys(crime.location)).toEqual(['latitude', 'street', 'longitude']);
      expect(crime).toMatchObject({
        category: 'burglary',
        location_type: 'Force',
        context: '',
        location_subtype: '',
        month: MONTH,
        outcome_status: { category: 'Investigation complete', date: MONTH },
      });
      expect(crime.location.latitude).toBe(A[0]!.centre[0].toFixed(6));
      expect(crime.location.longitude).toBe(A[0]!.centre[1].toFixed(6));
      expect(typeof crime.location.street.id).toBe('number');
      expect(crime.location.street.name).toMatch(/^On or near /);
      expect(crime.persistent_id).toMatch(/^[0-9a-f]{64}$/);
      expect(Number.isInteger(crime.id)).toBe(true);
    }
  });

  it('takes crimes within one mile of the point and no further', async () => {
    const crimes = (await get(`/api/v1/open/crimes-street/all-crime?lat=${HERE.lat}&lng=${HERE.lng}&date=${MONTH}`)).json();
    expect(crimes.map((c: { category: string }) => c.category)).toEqual(['burglary', 'burglary', 'burglary']);
    const fromB = (await get(`/api/v1/open/crimes-street/all-crime?lat=${B[0]!.lat}&lng=${B[0]!.lon}&date=${MONTH}`)).json();
    expect(fromB.map((c: { category: string }) => c.category).sort()).toEqual([
      'anti-social-behaviour',
      'anti-social-behaviour',
      'anti-social-behaviour',
      'burglary',
      'burglary',
      'burglary',
      'robbery',
    ]);
  });

  it('takes crimes inside a polygon of lat,lng pairs', async () => {
    // A triangle around B only.
    const poly = '43.255,76.89:43.255,76.91:43.265,76.9';
    const crimes = (await get(`/api/v1/open/crimes-street/all-crime?poly=${poly}&date=${MONTH}`)).json();
    expect(crimes).toHaveLength(4);
    const robbery = (await get(`/api/v1/open/crimes-street/robbery?poly=${poly}&date=${MONTH}&lang=en`)).json();
    expect(robbery).toHaveLength(1);
    expect(robbery[0].outcome_status).toEqual({ category: 'Action taken', date: MONTH });
  });

  it('answers the same crimes as GeoJSON or CSV on ?format=', async () => {
    const base = `/api/v1/open/crimes-street/burglary?lat=${HERE.lat}&lng=${HERE.lng}&date=${MONTH}&lang=en`;
    const geojson = await get(`${base}&format=geojson`);
    expect(geojson.headers['content-type']).toMatch(/^application\/geo\+json/);
    const collection = geojson.json();
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(3);
    expect(collection.features[0].geometry.coordinates).toEqual([
      Number(A[0]!.centre[1].toFixed(6)),
      Number(A[0]!.centre[0].toFixed(6)),
    ]);
    const csv = await get(`${base}&format=csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('Crime ID,Month,Longitude,Latitude,Location,Crime type,Last outcome category,Context');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`,${MONTH},`);
    expect(lines[1]).toContain(',Burglary,Investigation complete,');
  });

  it('never shows a sensitive category as a point', async () => {
    const crimes = (await get(`/api/v1/open/crimes-street/violent-crime?lat=${HERE.lat}&lng=${HERE.lng}&date=${MONTH}`)).json();
    expect(crimes).toEqual([]);
  });

  it.each([
    [
      'a latitude out of range',
      `/api/v1/open/crimes-street/all-crime?lat=95&lng=76.9&date=${MONTH}`,
      400,
      'geo.invalid_coordinates',
    ],
    ['a bad month', '/api/v1/open/crimes-street/all-crime?lat=43.2&lng=76.9&date=2024-1', 400, 'portal.invalid_month'],
    ['no area', `/api/v1/open/crimes-street/all-crime?date=${MONTH}`, 400, 'portal.area_required'],
    [
      'a polygon of two points',
      `/api/v1/open/crimes-street/all-crime?poly=43.2,76.9:43.3,76.9&date=${MONTH}`,
      400,
      'portal.invalid_polygon',
    ],
    [
      'an unknown category',
      `/api/v1/open/crimes-street/jaywalking?lat=43.2&lng=76.9&date=${MONTH}`,
      404,
      'portal.unknown_category',
    ],
    [
      'a month not published',
      '/api/v1/open/crimes-street/all-crime?lat=43.2&lng=76.9&date=1990-01',
      404,
      'portal.month_not_published',
    ],
  ])('refuses %s with a problem in the caller’s language', async (_name, url, status, code) => {
    const response = await get(`${url}&lang=kk`);
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(response.json().code).toBe(code);
    expect(response.json().title).toMatch(/[а-яәғқңөұүһі]/i);
  });
});

describe('GET /api/v1/open/crimes-at-location and crimes-no-location', () => {
  it('lists the crimes at a location by its id, or at the one nearest a point', async () => {
    const [first] = (await get(`/api/v1/open/crimes-street/robbery?lat=${HERE.lat}&lng=${HERE.lng}&date=${MONTH}`)).json();
    expect(first).toBeUndefined();
    const robbery = (
      await get(`/api/v1/open/crimes-street/robbery?poly=43.255,76.89:43.255,76.91:43.265,76.9&date=${MONTH}`)
    ).json()[0];
    const byId = (await get(`/api/v1/open/crimes-at-location?location_id=${robbery.location.street.id}&date=${MONTH}`)).json();
    expect(byId).toHaveLength(4);
    const byPoint = (await get(`/api/v1/open/crimes-at-location?lat=43.2605&lng=76.9005&date=${MONTH}`)).json();
    expect(byPoint.map((c: { id: number }) => c.id)).toEqual(byId.map((c: { id: number }) => c.id));
  });

  it('lists a force’s crimes without a location, with location null', async () => {
    const crimes = (await get(`/api/v1/open/crimes-no-location?category=all-crime&force=${ALMATY}&date=${MONTH}`)).json();
    expect(crimes).toHaveLength(1);
    expect(Object.keys(crimes[0])).toEqual(CRIME_KEYS);
    expect(crimes[0]).toMatchObject({ category: 'other-crime', location: null, location_type: null });
    const unknown = await get(`/api/v1/open/crimes-no-location?category=all-crime&force=nowhere&date=${MONTH}`);
    expect(unknown.statusCode).toBe(404);
  });
});

describe('GET /api/v1/open/outcomes-for-crime/:persistentId', () => {
  it('answers the crime and its outcomes', async () => {
    const [crime] = (
      await get(`/api/v1/open/crimes-street/burglary?lat=${HERE.lat}&lng=${HERE.lng}&date=${MONTH}&lang=en`)
    ).json();
    const answer = (await get(`/api/v1/open/outcomes-for-crime/${crime.persistent_id}?lang=en`)).json();
    expect(Object.keys(answer)).toEqual(['crime', 'outcomes']);
    expect(answer.crime.persistent_id).toBe(crime.persistent_id);
    expect(answer.crime).not.toHaveProperty('outcome_status');
    expect(answer.outcomes).toEqual([
      { category: { code: 'investigation-complete', name: 'Investigation complete' }, date: MONTH, person_id: null },
    ]);
    expect((await get(`/api/v1/open/outcomes-for-crime/${'0'.repeat(64)}`)).statusCode).toBe(404);
  });
});

describe('forces and neighbourhoods', () => {
  it('lists forces, a force’s neighbourhoods, one neighbourhood and its boundary', async () => {
    const forces = (await get('/api/v1/open/forces?lang=en')).json();
    expect(forces).toHaveLength(20);
    expect(forces.find((f: { id: string }) => f.id === ALMATY)).toEqual({ id: ALMATY, name: 'Almaty Police Department' });
    expect((await get(`/api/v1/open/forces/${ALMATY}`)).json()).toMatchObject({
      id: ALMATY,
      telephone: '102',
      engagement_methods: [],
    });
    const neighbourhoods = (await get(`/api/v1/open/${ALMATY}/neighbourhoods?lang=en`)).json();
    expect(neighbourhoods.length).toBeGreaterThan(8);
    const { id } = neighbourhoods[0];
    const detail = (await get(`/api/v1/open/${ALMATY}/${id}?lang=en`)).json();
    expect(detail).toMatchObject({ id, name: neighbourhoods[0].name, description: null });
    expect(typeof detail.centre.latitude).toBe('string');
    expect(Number(detail.population)).toBeGreaterThan(0);
    const boundary = (await get(`/api/v1/open/${ALMATY}/${id}/boundary`)).json();
    expect(boundary.length).toBeGreaterThan(2);
    expect(Object.keys(boundary[0])).toEqual(['latitude', 'longitude']);
    expect((await get(`/api/v1/open/${ALMATY}/not-a-beat`)).statusCode).toBe(404);
  });

  it('locates the neighbourhood of a point, and refuses one outside Kazakhstan', async () => {
    const located = (await get(`/api/v1/open/locate-neighbourhood?q=${HERE.lat},${HERE.lng}`)).json();
    expect(located.force).toBe(ALMATY);
    expect(located.neighbourhood).toMatch(/^\d+-\d+$/);
    expect((await get('/api/v1/open/locate-neighbourhood?q=51.5,-0.12')).statusCode).toBe(404);
    expect((await get('/api/v1/open/locate-neighbourhood?q=north')).statusCode).toBe(400);
  });
});
