import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { firstDistrictAndBeat } from '../geo/index.js';
import { buildTestApp, createStaff, type TestApp } from '../../test/app.js';
import { freshTestDatabase } from '../../test/database.js';
import { cluster, recordCrimes, type CrimeSeed } from './portal-fixtures.js';
import { publishMonth } from './publish.js';
import * as store from './store.js';

const ALMATY = '750000000';
// Its own database, so each of these is "the latest" when it is published here, whatever other
// suites of the worker publish.
const FIRST = '2098-01';
const SECOND = '2098-02';
const ELSEWHERE = '2098-03';
const A = { lat: 43.25, lon: 76.92 };
const B = { lat: 43.3, lon: 76.85 };
const ALMATY_BOX = 'west=76.7&south=43.1&east=77.1&north=43.4';

let t: TestApp;
let place: { regionId: string; districtId: string; beatId: string };
const publish = (month: string) =>
  publishMonth({ db: t.database.db, secretKey: t.keys.secretKey, clock: () => new Date() }, month);

beforeAll(async () => {
  t = await buildTestApp({ database: await freshTestDatabase() });
  place = { regionId: ALMATY, ...(await firstDistrictAndBeat(t.database.db, ALMATY)) };
  const at = (p: { lat: number; lon: number }, month: string, category: string, n: number): CrimeSeed[] =>
    cluster(p.lat, p.lon, n).map((q) => ({ ...place, ...q, month, category }));
  await recordCrimes(t, [
    ...at(A, FIRST, 'robbery', 7),
    ...at(A, FIRST, 'domestic-violence', 6),
    ...at(B, FIRST, 'burglary', 3),
    ...at(A, SECOND, 'robbery', 9),
  ]);
  await publish(FIRST);
});
afterAll(async () => {
  await t.app.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const points = (query: string) => `/api/v1/portal/map?month=${FIRST}&zoom=12&${ALMATY_BOX}&${query}`;
type Item = { name: string; lat: number; lon: number; value: { count: number; hidden: number; label: string } };
const near = (items: Item[], p: { lat: number; lon: number }) =>
  items.find((i) => Math.abs(i.lat - p.lat) < 0.01 && Math.abs(i.lon - p.lon) < 0.01);

describe('validators of the public answers', () => {
  it('sends an ETag a browser or proxy can keep, and answers 304 to a caller who already holds the answer', async () => {
    const first = await get(points('category=all-crime'), { 'accept-language': 'en' });
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    expect(first.headers.vary).toMatch(/Accept-Language/);

    const again = await get(points('category=all-crime'), { 'accept-language': 'en', 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);

    const other = await get(points('category=all-crime'), { 'accept-language': 'en', 'if-none-match': '"something-else"' });
    expect(other.statusCode).toBe(200);
    expect(other.json()).toEqual(first.json());
  });

  it('gives the neighbourhood page its validators too, asked again each time since its team can change', async () => {
    const first = await get(`/api/v1/portal/neighbourhoods/${place.beatId}?lang=en`);
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    const again = await get(`/api/v1/portal/neighbourhoods/${place.beatId}?lang=en`, {
      'if-none-match': first.headers.etag as string,
    });
    expect(again.statusCode).toBe(304);
  });

  it('never keeps a refusal: a bad request is refused each time, with no validators', async () => {
    for (let i = 0; i < 2; i++) {
      const response = await get('/api/v1/portal/map?month=2098-13&zoom=4&west=46&south=40&east=88&north=56');
      expect(response.statusCode).toBe(400);
      expect(response.headers.etag).toBeUndefined();
    }
  });
});

describe('what a kept answer depends on', () => {
  it('answers each language in its own words, whichever was asked first', async () => {
    const english = await get(points('category=robbery'), { 'accept-language': 'en' });
    const russian = await get(points('category=robbery'), { 'accept-language': 'ru' });
    const kazakhByParam = await get(`${points('category=robbery')}&lang=kk`, { 'accept-language': 'en' });
    expect(near(english.json().items, A)?.name).toMatch(/^On or near /);
    expect(near(russian.json().items, A)?.name).toMatch(/^Рядом: /);
    expect(near(kazakhByParam.json().items, A)?.name).toMatch(/ маңында$/);
    expect(new Set([english.headers.etag, russian.headers.etag, kazakhByParam.headers.etag]).size).toBe(3);

    const summaryEn = (await get(`/api/v1/portal/neighbourhoods/${place.beatId}`, { 'accept-language': 'en' })).json();
    const summaryRu = (await get(`/api/v1/portal/neighbourhoods/${place.beatId}`, { 'accept-language': 'ru' })).json();
    const robbery = (s: { categories: { category: string; name: string }[] }) =>
      s.categories.find((c) => c.category === 'robbery')?.name;
    expect(robbery(summaryEn)).toBe('Robbery');
    expect(robbery(summaryRu)).toBe('Грабёж и разбой');
  });

  it('answers a signed-in reader in their own language, and marks that answer theirs alone to keep', async () => {
    const staff = await createStaff(t, ['analyst'], { level: 'country' });
    await t.database.db.updateTable('users').set({ language: 'ru' }).where('id', '=', staff.id).execute();
    // An anonymous English reader's answer is kept first; the signed-in reader must not be given it.
    await get(points('category=all-crime'), { 'accept-language': 'en' });
    const response = await get(points('category=all-crime'), { 'accept-language': 'en', cookie: staff.cookie });
    expect(response.statusCode).toBe(200);
    expect(near(response.json().items, A)?.name).toMatch(/^Рядом: /);
    expect(response.headers['cache-control']).toBe('private, max-age=300');
  });

  it('keeps the suppression of every answer: a category asked after all crime is its own, small counts still hidden', async () => {
    const all = (await get(points('category=all-crime'), { 'accept-language': 'en' })).json() as { items: Item[] };
    // The 6 domestic-violence crimes at A are never points: only its 7 robberies count there.
    expect(near(all.items, A)?.value).toEqual({ count: 7, hidden: 0, label: 'count' });

    for (let i = 0; i < 2; i++) {
      const burglary = (await get(points('category=burglary'), { 'accept-language': 'en' })).json() as { items: Item[] };
      expect(near(burglary.items, A)).toBeUndefined();
      expect(near(burglary.items, B)?.value).toEqual({ count: 0, hidden: 1, label: 'fewer-than-5' });
      expect(JSON.stringify(burglary)).not.toMatch(/"count":[1-4][,}]/);
    }
    // A sensitive category is refused even once all crime is kept, however often it is asked.
    for (let i = 0; i < 2; i++) {
      const refused = await get(points('category=domestic-violence'), { 'accept-language': 'en' });
      expect(refused.statusCode).toBe(404);
      expect(refused.json().code).toBe('portal.unknown_category');
    }
  });
});

describe('a new publication', () => {
  it('is seen at once on the node that publishes it, and the old ETag no longer matches', async () => {
    const before = await get('/api/v1/open/crime-last-updated');
    expect(before.json()).toEqual({ date: `${FIRST}-01` });
    const filtersBefore = (await get('/api/v1/portal/map/filters?lang=en')).json();
    expect(filtersBefore.months[0]).toBe(FIRST);
    const summaryBefore = (await get(`/api/v1/portal/neighbourhoods/${place.beatId}?lang=en`)).json();
    expect(summaryBefore.months.latest).toBe(FIRST);

    expect((await publish(SECOND)).published).toBe(true);

    const after = await get('/api/v1/open/crime-last-updated', { 'if-none-match': before.headers.etag as string });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toEqual({ date: `${SECOND}-01` });
    expect((await get('/api/v1/portal/map/filters?lang=en')).json().months.slice(0, 2)).toEqual([SECOND, FIRST]);
    const summaryAfter = (await get(`/api/v1/portal/neighbourhoods/${place.beatId}?lang=en`)).json();
    expect(summaryAfter.months).toMatchObject({ latest: SECOND, from: FIRST, count: 2 });
    const robbery = summaryAfter.categories.find((c: { category: string }) => c.category === 'robbery');
    expect(robbery.lastMonth).toEqual({ count: 9, suppressed: null });
  });

  it('made by another node is seen within a second', async () => {
    let now = performance.now();
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    expect((await get('/api/v1/open/crime-last-updated')).json()).toEqual({ date: `${SECOND}-01` });
    // Another node claims and writes a month: nothing on this node is told.
    await t.database.db.transaction().execute((trx) => store.claimMonth(trx, ELSEWHERE, new Date()));
    now += 500;
    expect((await get('/api/v1/open/crime-last-updated')).json()).toEqual({ date: `${SECOND}-01` });
    now += 600;
    expect((await get('/api/v1/open/crime-last-updated')).json()).toEqual({ date: `${ELSEWHERE}-01` });
  });
});
