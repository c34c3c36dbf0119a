import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePoint } from '../geo/index.js';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { freshTestDatabase } from '../../test/database.js';
import { insertPlace, placeBody } from '../../test/place-safety-fixtures.js';
import { recordedIncidentsForMonth } from '../incidents/index.js';
import { publishMonth } from './publish.js';

// Its own database: the ratings compare every place of a kind, so no other suite's places may join in.
const ALMATY = '750000000';
const ASTANA = '710000000';
const MONTH = '2026-09';
const ADMIN = '/api/v1/portal-admin/places';
const REVIEWS = '/api/v1/portal-admin/place-reviews';
const REVIEWS_PER_HOUR = 4;

const POINTS = {
  a: [76.9458, 43.2383],
  b: [76.92, 43.25],
  c: [76.95, 43.26],
  d: [76.85, 43.22],
} as const satisfies Record<string, [number, number]>;

let t: TestApp;
let ids: Record<keyof typeof POINTS, string>;
let regionHead: TestStaff;
let districtHead: TestStaff;
let officer: TestStaff;
let districtOfA: string;
let placeInOtherDistrict: string;

async function insertIncidents(at: readonly [number, number], category: string, count: number, month = MONTH) {
  const located = (await resolvePoint(t.database.db, { lon: at[0], lat: at[1] }))!;
  for (let i = 0; i < count; i++) {
    await sql`
      insert into incidents (region_id, district_id, beat_id, category, status, priority, source, occurred_at, reported_at, location)
      values (${located.regionId}, ${located.districtId}, ${located.beatId}, ${category}, 'resolved', 3, 'test',
              ${`${month}-15T12:00:00Z`}::timestamptz, ${`${month}-15T12:05:00Z`}::timestamptz,
              ST_SetSRID(ST_MakePoint(${at[0] + i * 0.00001}, ${at[1]}), 4326))`.execute(t.database.db);
  }
}

beforeAll(async () => {
  t = await buildTestApp({ database: await freshTestDatabase(), env: { AMAN_RATE_LIMIT_REVIEWS: String(REVIEWS_PER_HOUR) } });
  ids = {
    a: await insertPlace(t, ALMATY, { kind: 'market', centre: [...POINTS.a], visitors: 10_000 }),
    b: await insertPlace(t, ALMATY, { kind: 'market', centre: [...POINTS.b], visitors: 10_000 }),
    c: await insertPlace(t, ALMATY, { kind: 'market', centre: [...POINTS.c], visitors: 10_000 }),
    d: await insertPlace(t, ALMATY, { kind: 'market', centre: [...POINTS.d], visitors: null }),
  };
  await insertIncidents(POINTS.a, 'robbery', 12);
  await insertIncidents(POINTS.a, 'drugs', 3);
  await insertIncidents(POINTS.a, 'domestic-violence', 6);
  await insertIncidents(POINTS.a, 'sexual-offences', 5);
  await insertIncidents(POINTS.b, 'robbery', 2);
  await insertIncidents(POINTS.c, 'robbery', 30);
  await publishMonth({ db: t.database.db, secretKey: t.keys.secretKey, clock: () => new Date() }, MONTH);

  districtOfA = (await resolvePoint(t.database.db, { lon: POINTS.a[0], lat: POINTS.a[1] }))!.districtId!;
  regionHead = await createStaff(t, ['supervisor'], { level: 'region', regionId: ALMATY });
  districtHead = await createStaff(t, ['supervisor'], { level: 'district', regionId: ALMATY, districtId: districtOfA });
  officer = await createStaff(t, ['officer'], { level: 'region', regionId: ALMATY });
  placeInOtherDistrict = '';
  for (const [key, p] of Object.entries(POINTS)) {
    const located = await resolvePoint(t.database.db, { lon: p[0], lat: p[1] });
    if (located?.districtId !== districtOfA) placeInOtherDistrict = ids[key as keyof typeof POINTS];
  }
  expect(placeInOtherDistrict, 'the test points must span two districts').not.toBe('');
}, 120_000);
afterAll(async () => {
  await t.app.close();
});

let ipCounter = 0;
const newIp = () => `10.77.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, ...(cookie ? { headers: { cookie } } : {}) });
const review = (id: string, payload: object, ip = newIp(), lang = 'en') =>
  t.app.inject({ method: 'POST', url: `/api/v1/portal/places/${id}/reviews?lang=${lang}`, payload, remoteAddress: ip });

interface Detail {
  rating: {
    grade: string | null;
    score: number | null;
    incidents: {
      score: number | null;
      total: { label: string; count: number | null };
      rate: { kind: string; basis: string; value: number | null } | null;
      months: number;
      comparedWith: number;
    };
    reviews: { score: number | null; stars: number | null; count: number };
  };
  breakdown: { category: string; value: { label: string; count: number | null } }[];
  reviews: { id: string; stars: number; text: string | null }[];
}

describe('the public rating', () => {
  it('rates a place with a visitor figure per 10,000 visitor-hours and ranks it among places of its kind', async () => {
    const a = (await get(`/api/v1/portal/places/${ids.a}`)).json() as Detail;
    // 15 street-level offences (12 robberies, 3 drugs) in one month of 10,000 visitor-hours.
    expect(a.rating.incidents.total).toEqual({ label: 'count', count: 15 });
    expect(a.rating.incidents.rate).toEqual({ kind: 'exact', basis: 'visitor-hours', value: 15 });
    expect(a.rating.incidents.months).toBe(1);
    // Compared with b (2) and c (30): one of the two has more incidents.
    expect(a.rating.incidents.comparedWith).toBe(2);
    expect(a.rating.incidents.score).toBe(50);
    const c = (await get(`/api/v1/portal/places/${ids.c}`)).json() as Detail;
    expect(c.rating.incidents.score).toBe(0);
  });

  it('never lists domestic violence, sexual offences or offences against children, and shows 1–4 as fewer than 5', async () => {
    const a = (await get(`/api/v1/portal/places/${ids.a}`)).json() as Detail;
    const categories = a.breakdown.map((b) => b.category);
    expect(categories).not.toContain('domestic-violence');
    expect(categories).not.toContain('sexual-offences');
    expect(categories).not.toContain('offences-against-children');
    expect(a.breakdown.find((b) => b.category === 'drugs')?.value).toEqual({ label: 'fewer-than-5', count: null });
    expect(JSON.stringify(a.breakdown)).not.toContain('"count":3');

    const b = (await get(`/api/v1/portal/places/${ids.b}`)).json() as Detail;
    expect(b.rating.incidents.total).toEqual({ label: 'fewer-than-5', count: null });
    // Only a bound: the rate 5 incidents would make (5 per 10,000 visitor-hours).
    expect(b.rating.incidents.rate).toEqual({ kind: 'below', basis: 'visitor-hours', value: 5 });
  });

  it('rates a place without a visitor figure per hectare and compares it with nothing when it has no peers', async () => {
    const d = (await get(`/api/v1/portal/places/${ids.d}`)).json() as Detail;
    expect(d.rating.incidents.rate).toMatchObject({ kind: 'exact', basis: 'area', value: 0 });
    expect(d.rating.incidents.comparedWith).toBe(0);
    expect(d.rating.incidents.score).toBeNull();
  });

  it('filters by kind, region and name and sorts by grade, best first', async () => {
    const list = (await get(`/api/v1/portal/places?kind=market&region=${ALMATY}`)).json() as {
      items: { id: string; rating: { score: number | null } }[];
      method: { weights: { incidents: number; reviews: number } };
    };
    expect(list.items.map((i) => i.id).sort()).toEqual(Object.values(ids).sort());
    const scores = list.items.map((i) => i.rating.score ?? -1);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(list.method.weights).toEqual({ incidents: 0.6, reviews: 0.4 });
    expect(((await get(`/api/v1/portal/places?kind=park`)).json() as { items: unknown[] }).items).toEqual([]);
    expect(((await get(`/api/v1/portal/places?region=${ASTANA}`)).json() as { items: unknown[] }).items).toEqual([]);
    const name = ((await get(`/api/v1/portal/places/${ids.c}?lang=ru`)).json() as { name: string }).name;
    const found = (await get(`/api/v1/portal/places?q=${encodeURIComponent(name.slice(-6))}`)).json() as {
      items: { id: string }[];
    };
    expect(found.items.map((i) => i.id)).toEqual([ids.c]);
  });

  it('answers 404 for a place that does not exist', async () => {
    const response = await get('/api/v1/portal/places/00000000-0000-4000-8000-000000000000');
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('portal.place_not_found');
  });
});

describe('reviews', () => {
  it('publishes a clean review at once and averages it with the prior so one review does not decide', async () => {
    for (let i = 0; i < 3; i++) expect((await review(ids.a, { stars: 1 })).json().status).toBe('published');
    const sent = await review(ids.b, { stars: 5, text: 'Clean and calm in the evening.' });
    expect(sent.statusCode).toBe(202);
    expect(sent.json().status).toBe('published');
    const b = (await get(`/api/v1/portal/places/${ids.b}`)).json() as Detail;
    expect(b.reviews.map((r) => r.text)).toContain('Clean and calm in the evening.');
    // The prior is the mean of every approved review, (1 + 1 + 1 + 5) / 4 = 2; five of them
    // with b's one five-star review: (5 × 2 + 5) / 6 = 2.5, not 5.
    expect(b.rating.reviews).toEqual({ count: 1, stars: 2.5, score: 38 });
    const a = (await get(`/api/v1/portal/places/${ids.a}`)).json() as Detail;
    expect(a.rating.reviews).toMatchObject({ count: 3, stars: 1.6 });
    // Both parts shown apart and combined 60/40: a's incident score 50 and review score 16.
    expect(a.rating.score).toBe(Math.round(0.6 * 50 + 0.4 * a.rating.reviews.score!));
  });

  it('holds a review with a link for a moderator, who publishes it', async () => {
    const sent = await review(ids.c, { stars: 1, text: 'Cheap tickets at www.spam-example.com today' });
    expect(sent.json().status).toBe('pending');
    const before = (await get(`/api/v1/portal/places/${ids.c}`)).json() as Detail;
    expect(before.reviews.map((r) => r.id)).not.toContain(sent.json().id);
    const held = (await get(REVIEWS, regionHead.cookie)).json() as { items: { id: string; flags: string[] }[] };
    expect(held.items.find((r) => r.id === sent.json().id)?.flags).toContain('link');
    const approved = await t.app.inject({
      method: 'POST',
      url: `${REVIEWS}/${sent.json().id}/approve`,
      headers: { cookie: regionHead.cookie },
    });
    expect(approved.json()).toMatchObject({ state: 'approved' });
    const after = (await get(`/api/v1/portal/places/${ids.c}`)).json() as Detail;
    expect(after.reviews.map((r) => r.id)).toContain(sent.json().id);
    const audited = await t.database.db
      .selectFrom('audit_inbox')
      .select('action')
      .where('target_id', '=', sent.json().id)
      .execute();
    expect(audited.map((a) => a.action)).toContain('portal.place_review.approved');
  });

  it('refuses stars outside 1–5 with a 400 in kk, ru and en and records nothing', async () => {
    const count = async () =>
      (
        await t.database.db
          .selectFrom('portal_place_reviews')
          .select((e) => e.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = Number(await count());
    const titles = { kk: 'Сұрау дұрыс емес', ru: 'Некорректный запрос', en: 'The request is not valid' };
    for (const [lang, title] of Object.entries(titles)) {
      const refused = await review(ids.a, { stars: 6 }, newIp(), lang);
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ code: 'request.invalid', title });
    }
    expect(Number(await count())).toBe(before);
  });

  it(`allows ${REVIEWS_PER_HOUR} reviews an hour from one address, then answers 429 in kk, ru and en`, async () => {
    const ip = newIp();
    for (let i = 0; i < REVIEWS_PER_HOUR; i++) expect((await review(ids.d, { stars: 4 }, ip)).statusCode).toBe(202);
    const titles = {
      kk: 'Бір сағатта тым көп пікір жіберілді. Кейінірек қайталаңыз',
      ru: 'Слишком много отзывов за час. Попробуйте позже',
      en: 'Too many reviews in an hour. Please try again later',
    };
    for (const [lang, title] of Object.entries(titles)) {
      const refused = await review(ids.d, { stars: 4 }, ip, lang);
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toMatchObject({ code: 'portal.review_rate_limited', title });
    }
    expect((await review(ids.d, { stars: 4 }, newIp())).statusCode).toBe(202);
  });
});

describe('staff', () => {
  it('refuses the editor without sign-in (401) and to an officer (403)', async () => {
    expect((await get(ADMIN)).statusCode).toBe(401);
    expect((await get(ADMIN, officer.cookie)).statusCode).toBe(403);
    const posted = await t.app.inject({
      method: 'POST',
      url: ADMIN,
      payload: placeBody(ALMATY),
      headers: { cookie: officer.cookie },
    });
    expect(posted.statusCode).toBe(403);
  });

  it('creates a place located from its outline, audited, and a district head sees only their district', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: ADMIN,
      payload: { ...placeBody(ALMATY), kind: 'station' },
      headers: { cookie: districtHead.cookie },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ regionId: ALMATY, districtId: districtOfA, kind: 'station' });
    const audited = await t.database.db
      .selectFrom('audit_inbox')
      .select('action')
      .where('target_id', '=', created.json().id)
      .execute();
    expect(audited.map((a) => a.action)).toEqual(['portal.place.created']);

    expect((await get(`${ADMIN}/${placeInOtherDistrict}`, districtHead.cookie)).statusCode).toBe(404);
    expect((await get(`${ADMIN}/${placeInOtherDistrict}`, regionHead.cookie)).statusCode).toBe(200);
    const listed = (await get(ADMIN, districtHead.cookie)).json() as { items: { id: string; districtId: string }[] };
    expect(listed.items.every((p) => p.districtId === districtOfA)).toBe(true);
    const moved = await t.app.inject({
      method: 'PUT',
      url: `${ADMIN}/${ids.a}`,
      payload: { ...placeBody(ALMATY), outline: { type: 'Circle', centre: [71.4304, 51.1282], radiusM: 100 } },
      headers: { cookie: districtHead.cookie },
    });
    expect(moved.statusCode).toBe(403);
    expect(moved.json().code).toBe('jurisdiction.outside');
  });

  it('refuses an outline that crosses itself with a 400 in kk, ru and en and creates nothing', async () => {
    const [lon, lat] = POINTS.a;
    const bowtie = [
      [lon, lat],
      [lon + 0.002, lat + 0.002],
      [lon + 0.002, lat],
      [lon, lat + 0.002],
      [lon, lat],
    ];
    const before = (await t.database.db.selectFrom('portal_places').select('id').execute()).length;
    for (const lang of ['kk', 'ru', 'en']) {
      const refused = await t.app.inject({
        method: 'POST',
        url: `${ADMIN}?lang=${lang}`,
        payload: { ...placeBody(ALMATY), outline: { type: 'Polygon', coordinates: [bowtie] } },
        headers: { cookie: regionHead.cookie },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().code).toBe('portal.place_invalid_outline');
      expect(refused.json().title).toMatch(lang === 'en' ? /outline/ : lang === 'ru' ? /контур/ : /шекарасы/);
    }
    expect((await t.database.db.selectFrom('portal_places').select('id').execute()).length).toBe(before);
  });

  it('works the counts out again when an outline moves', async () => {
    const [lon, lat] = POINTS.c;
    const edited = await t.app.inject({
      method: 'PUT',
      url: `${ADMIN}/${ids.c}`,
      payload: { ...placeBody(ALMATY), kind: 'market', outline: { type: 'Circle', centre: [lon + 0.01, lat], radiusM: 100 } },
      headers: { cookie: regionHead.cookie },
    });
    expect(edited.statusCode).toBe(200);
    const c = (await get(`/api/v1/portal/places/${ids.c}`)).json() as Detail;
    expect(c.rating.incidents.total).toEqual({ label: 'count', count: 0 });
  });
});

describe('counts from the published snapshot', () => {
  const publish = (month: string) =>
    publishMonth({ db: t.database.db, secretKey: t.keys.secretKey, clock: () => new Date() }, month);

  it('keeps a place’s count as published when its incidents are re-categorised or cancelled afterwards', async () => {
    const robberiesAtA = await sql<{ id: string }>`
      select id from incidents
      where category = 'robbery' and ST_DWithin(location::geography, ST_SetSRID(ST_MakePoint(${POINTS.a[0]}, ${POINTS.a[1]}), 4326)::geography, 50)
      order by id`.execute(t.database.db);
    const robberies = robberiesAtA.rows.map((r) => r.id);
    await sql`update incidents set category = 'fraud' where id in (${sql.join(robberies.slice(0, 5))})`.execute(t.database.db);
    await sql`update incidents set status = 'cancelled' where id in (${sql.join(robberies.slice(5, 9))})`.execute(t.database.db);
    // Counted from the incidents as they are now, a would have 3 robberies (12 − 5 − 4) besides b's 2 and c's 30.
    const now = (await recordedIncidentsForMonth(t.database.db, MONTH)).filter((i) => i.category === 'robbery');
    expect(now).toHaveLength(3 + 2 + 30);

    // A place first counted after the change is counted from the month as it was published.
    const newcomer = await insertPlace(t, ALMATY, { kind: 'entertainment', centre: [...POINTS.a] });
    const fresh = (await get(`/api/v1/portal/places/${newcomer}`)).json() as Detail;
    expect(fresh.rating.incidents.total).toEqual({ label: 'count', count: 15 });
    expect(fresh.breakdown.find((b) => b.category === 'robbery')?.value).toEqual({ label: 'count', count: 12 });
    // The five now filed as fraud are not counted (the total says so). Any category shown beside
    // robbery and drugs is an empty one that secondary suppression hid as "fewer than 5" (picked
    // by a keyed rank of the place's random id), never a count.
    for (const b of fresh.breakdown.filter((c) => c.category !== 'robbery' && c.category !== 'drugs')) {
      expect(b.value, b.category).toEqual({ label: 'fewer-than-5', count: null });
    }
    const a = (await get(`/api/v1/portal/places/${ids.a}`)).json() as Detail;
    expect(a.rating.incidents.total).toEqual({ label: 'count', count: 15 });
  });

  it('counts a newly published month', async () => {
    const before = (await get(`/api/v1/portal/places/${ids.d}`)).json() as Detail;
    expect(before.rating.incidents).toMatchObject({ months: 1, total: { label: 'count', count: 0 } });
    await insertIncidents(POINTS.d, 'robbery', 6, '2026-10');
    // Recorded but not yet published: not counted.
    expect(((await get(`/api/v1/portal/places/${ids.d}`)).json() as Detail).rating.incidents.total.count).toBe(0);
    expect((await publish('2026-10')).published).toBe(true);
    const after = (await get(`/api/v1/portal/places/${ids.d}`)).json() as Detail;
    expect(after.rating.incidents).toMatchObject({ months: 2, total: { label: 'count', count: 6 } });
  });

  it('freezes the points of a month published before they were kept with it, once, from the matching incidents', async () => {
    const db = t.database.db;
    // As a month published before migration 0070 would be: no frozen points, no counts.
    await db.deleteFrom('portal_crime_points').where('month', '=', '2026-10-01').execute();
    await db.deleteFrom('portal_month_points').where('month', '=', '2026-10-01').execute();
    await db.deleteFrom('portal_place_months').where('month', '=', '2026-10-01').execute();
    const d = (await get(`/api/v1/portal/places/${ids.d}`)).json() as Detail;
    expect(d.rating.incidents).toMatchObject({ months: 2, total: { label: 'count', count: 6 } });
    const frozen = await db.selectFrom('portal_crime_points').select('crime_id').where('month', '=', '2026-10-01').execute();
    expect(frozen).toHaveLength(6);
    expect(await db.selectFrom('portal_month_points').select('month').where('month', '=', '2026-10-01').execute()).toHaveLength(
      1,
    );
  });
});

describe('retiring a place', () => {
  const RETIRE_REASON = 'The market closed for rebuilding until spring.';
  const post = (url: string, cookie: string | undefined, payload?: object) =>
    t.app.inject({ method: 'POST', url, ...(payload ? { payload } : {}), ...(cookie ? { headers: { cookie } } : {}) });
  const retire = (id: string, cookie?: string, reason = RETIRE_REASON, lang = 'en') =>
    post(`${ADMIN}/${id}/retire?lang=${lang}`, cookie, { reason });
  const publicIds = async () =>
    ((await get(`/api/v1/portal/places?region=${ALMATY}`)).json() as { items: { id: string }[] }).items.map((i) => i.id);
  const placeRow = (id: string) =>
    t.database.db
      .selectFrom('portal_places')
      .select(['retired_at', 'retire_reason'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('refuses without sign-in (401), to an officer or a beat-wide supervisor (403) and outside the area (404)', async () => {
    const beatHead = await createStaff(t, ['supervisor'], {
      level: 'beat',
      regionId: ALMATY,
      districtId: districtOfA,
      beatId: (await resolvePoint(t.database.db, { lon: POINTS.a[0], lat: POINTS.a[1] }))!.beatId!,
    });
    expect((await retire(ids.b)).statusCode).toBe(401);
    expect((await retire(ids.b, officer.cookie)).statusCode).toBe(403);
    expect((await retire(ids.b, beatHead.cookie)).statusCode).toBe(403);
    const astanaPlace = await insertPlace(t, ASTANA);
    expect((await retire(astanaPlace, regionHead.cookie)).statusCode).toBe(404);
    expect((await retire(placeInOtherDistrict, districtHead.cookie)).statusCode).toBe(404);
    expect((await post(`${ADMIN}/${ids.b}/restore`, officer.cookie)).statusCode).toBe(403);
    expect((await placeRow(ids.b)).retired_at).toBeNull();
    expect((await placeRow(placeInOtherDistrict)).retired_at).toBeNull();
  });

  it('refuses a reason shorter than 10 characters with a 400 in kk, ru and en and changes nothing', async () => {
    const titles = { kk: 'Сұрау дұрыс емес', ru: 'Некорректный запрос', en: 'The request is not valid' };
    for (const [lang, title] of Object.entries(titles)) {
      const refused = await retire(ids.b, regionHead.cookie, 'closed', lang);
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ code: 'request.invalid', title });
    }
    expect((await retire(ids.b, regionHead.cookie, `   closed${' '.repeat(10)}`)).statusCode).toBe(400);
    expect((await retire(ids.b, regionHead.cookie, 'x'.repeat(2001))).statusCode).toBe(400);
    expect((await placeRow(ids.b)).retired_at).toBeNull();
  });

  it('takes a retired place off the public list and page, refuses its reviews, keeps its history, and restores it', async () => {
    const reviewsOf = async () =>
      (await t.database.db.selectFrom('portal_place_reviews').select('id').where('place_id', '=', ids.b).execute()).length;
    const reviewsBefore = await reviewsOf();
    expect(reviewsBefore).toBeGreaterThan(0);
    expect(await publicIds()).toContain(ids.b);

    const retired = await retire(ids.b, regionHead.cookie);
    expect(retired.statusCode).toBe(200);
    expect(retired.json().retired).toMatchObject({ reason: RETIRE_REASON });
    expect(await publicIds()).not.toContain(ids.b);
    expect((await get(`/api/v1/portal/places/${ids.b}`)).statusCode).toBe(404);
    const titles = {
      kk: 'Бұл орын тізімнен алынды: оған пікір қабылданбайды',
      ru: 'Это место снято с рейтинга: отзывы о нём не принимаются',
      en: 'This place has been retired: it takes no more reviews',
    };
    for (const [lang, title] of Object.entries(titles)) {
      const refused = await review(ids.b, { stars: 4 }, newIp(), lang);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'portal.place_retired', title });
    }
    expect(await reviewsOf()).toBe(reviewsBefore);
    const counts = await t.database.db.selectFrom('portal_place_months').select('month').where('place_id', '=', ids.b).execute();
    expect(counts.length).toBeGreaterThan(0);
    const staffList = (await get(ADMIN, regionHead.cookie)).json() as { items: { id: string; retired: object | null }[] };
    expect(staffList.items.find((p) => p.id === ids.b)?.retired).toMatchObject({ reason: RETIRE_REASON });
    expect((await retire(ids.b, regionHead.cookie)).json().code).toBe('portal.place_retired');

    const restored = await post(`${ADMIN}/${ids.b}/restore`, regionHead.cookie);
    expect(restored.statusCode).toBe(200);
    expect(restored.json().retired).toBeNull();
    expect(await publicIds()).toContain(ids.b);
    expect((await review(ids.b, { stars: 4 })).statusCode).toBe(202);
    expect((await post(`${ADMIN}/${ids.b}/restore`, regionHead.cookie)).statusCode).toBe(409);

    const audited = await t.database.db
      .selectFrom('audit_inbox')
      .select(['action', 'details'])
      .where('target_id', '=', ids.b)
      .where('action', 'like', 'portal.place.%')
      .execute();
    expect(audited.map((a) => a.action)).toEqual(['portal.place.retired', 'portal.place.restored']);
    expect(JSON.stringify(audited)).not.toContain(RETIRE_REASON);
  });
});
