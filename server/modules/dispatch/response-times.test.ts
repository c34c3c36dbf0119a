import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { unitIn } from '../../test/dispatch-fixtures.js';
import { firstDistrictAndBeat, listDistricts } from '../geo/index.js';

const ALMATY = '750000000';
const ASTANA = '710000000';
// A day no other test writes incidents on: the figures below are exact only over these.
const DAY = '2011-06-15';
const at = (time: string) => new Date(`${DAY}T${time}Z`);

let now = at('00:00:00');
let t: TestApp;
let operator: TestStaff;
let astanaOperator: TestStaff;
let officer: TestStaff;
let supervisor: TestStaff;
let districts: [string, string];

beforeAll(async () => {
  t = await buildTestApp({ clock: () => now });
  const home = await firstDistrictAndBeat(t.database.db, ALMATY);
  const second = (await listDistricts(t.database.db, ALMATY)).find((d) => d.id !== home.districtId)!;
  districts = [home.districtId, second.id];
  operator = await createStaff(t, ['operator'], { level: 'region', regionId: ALMATY });
  astanaOperator = await createStaff(t, ['operator'], { level: 'region', regionId: ASTANA });
  officer = await createStaff(t, ['officer'], { level: 'beat', regionId: ALMATY, ...home });
  supervisor = await createStaff(t, ['supervisor'], { level: 'region', regionId: ALMATY });
  await seedTimelines();
});
afterAll(async () => {
  await t.app.close();
});

const post = (who: TestStaff, url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload });

async function incident(regionId: string, districtId: string | null, priority: number, reportedAt: Date, status = 'new') {
  const { rows } = await sql<{ id: string }>`
    insert into incidents (region_id, district_id, category, status, priority, source, occurred_at, reported_at, location)
    values (${regionId}, ${districtId}, 'other-theft', ${status}, ${priority}, 'test', ${reportedAt}, ${reportedAt},
      ST_SetSRID(ST_MakePoint(76.9458, 43.2383), 4326))
    returning id`.execute(t.database.db);
  return rows[0]!.id;
}

/** Walks an incident through the real routes, each step at `reported + seconds`. */
async function respond(
  id: string,
  reported: Date,
  steps: { assigned: number; onScene?: number; resolved?: number },
  who = { operator, officer, regionId: ALMATY },
) {
  const later = (seconds: number) => new Date(reported.getTime() + seconds * 1000);
  const unitId = await unitIn(t, who.regionId, [who.officer.id]);
  now = later(steps.assigned);
  const assigned = await post(who.operator, `/api/v1/incidents/${id}/assignments`, { unitId });
  expect(assigned.statusCode, assigned.body).toBe(201);
  const assignmentId = (assigned.json() as { id: string }).id;
  if (steps.onScene === undefined && steps.resolved === undefined) return;
  now = later(steps.assigned + 1);
  expect((await post(who.officer, `/api/v1/incidents/${id}/assignments/${assignmentId}/accept`)).statusCode).toBe(200);
  for (const status of ['on_scene', 'resolved'] as const) {
    const seconds = status === 'on_scene' ? steps.onScene : steps.resolved;
    if (seconds === undefined) continue;
    now = later(seconds);
    const step = await post(who.officer, `/api/v1/incidents/${id}/assignments/${assignmentId}/status`, { status });
    expect(step.statusCode, step.body).toBe(200);
  }
}

/**
 * Almaty, in two districts: P1 answered in 60/120/30 s, on scene at 300/600/420 s, two resolved
 * at 1200/1800 s; a P2 dispatched at 240 s and no further; a P3 nobody was sent to. Around them:
 * an Astana incident, one reported exactly at the period's end, and a merged duplicate.
 */
async function seedTimelines() {
  const [d1, d2] = districts;
  const plan = [
    { district: d1, priority: 1, time: '08:00:00', steps: { assigned: 60, onScene: 300, resolved: 1200 } },
    { district: d1, priority: 1, time: '09:00:00', steps: { assigned: 120, onScene: 600, resolved: 1800 } },
    { district: d2, priority: 1, time: '10:00:00', steps: { assigned: 30, onScene: 420 } },
    { district: d2, priority: 2, time: '11:00:00', steps: { assigned: 240 } },
    { district: d1, priority: 3, time: '12:00:00', steps: null },
  ];
  for (const p of plan) {
    const reported = at(p.time);
    const id = await incident(ALMATY, p.district, p.priority, reported);
    if (p.steps) await respond(id, reported, p.steps);
  }
  const astanaOfficer = await createStaff(t, ['officer'], { level: 'region', regionId: ASTANA });
  const astana = await incident(ASTANA, (await firstDistrictAndBeat(t.database.db, ASTANA)).districtId, 1, at('13:00:00'));
  await respond(
    astana,
    at('13:00:00'),
    { assigned: 5, onScene: 10, resolved: 15 },
    {
      operator: astanaOperator,
      officer: astanaOfficer,
      regionId: ASTANA,
    },
  );
  const nextDay = new Date(`${DAY}T00:00:00Z`);
  nextDay.setUTCDate(nextDay.getUTCDate() + 1);
  await respond(await incident(ALMATY, d1, 1, nextDay), nextDay, { assigned: 5 });
  await incident(ALMATY, d1, 1, at('14:00:00'), 'merged');
}

const period = `from=${DAY}T00:00:00Z&to=2011-06-16T00:00:00Z`;
const read = (who: TestStaff, query = period) =>
  t.app.inject({ method: 'GET', url: `/api/v1/dispatch/response-times?${query}`, headers: { cookie: who.cookie } });
const interval = (count: number, medianSeconds: number | null, p90Seconds: number | null) => ({
  count,
  medianSeconds,
  p90Seconds,
});

describe('response times', () => {
  it('gives median and 90th percentile overall, by priority and by district', async () => {
    const response = await read(supervisor);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.overall).toEqual({
      incidents: 5,
      toDispatch: interval(4, 90, 204),
      toOnScene: interval(3, 420, 564),
      toResolved: interval(2, 1500, 1740),
    });
    expect(body.byPriority).toEqual([
      {
        priority: 1,
        incidents: 3,
        toDispatch: interval(3, 60, 108),
        toOnScene: interval(3, 420, 564),
        toResolved: interval(2, 1500, 1740),
      },
      {
        priority: 2,
        incidents: 1,
        toDispatch: interval(1, 240, 240),
        toOnScene: interval(0, null, null),
        toResolved: interval(0, null, null),
      },
      {
        priority: 3,
        incidents: 1,
        toDispatch: interval(0, null, null),
        toOnScene: interval(0, null, null),
        toResolved: interval(0, null, null),
      },
    ]);
    const byDistrict = Object.fromEntries((body.byDistrict as { districtId: string }[]).map((d) => [d.districtId, d]));
    expect(Object.keys(byDistrict).sort()).toEqual([...districts].sort());
    expect(byDistrict[districts[0]]).toMatchObject({
      incidents: 3,
      toDispatch: interval(2, 90, 114),
      toOnScene: interval(2, 450, 570),
      toResolved: interval(2, 1500, 1740),
    });
    expect(byDistrict[districts[1]]).toMatchObject({
      incidents: 2,
      toDispatch: interval(2, 135, 219),
      toOnScene: interval(1, 420, 420),
      toResolved: interval(0, null, null),
    });
  });

  it('lets an operator read them too, and shows Astana only Astana', async () => {
    expect((await read(operator)).json().overall.incidents).toBe(5);
    const astana = (await read(astanaOperator)).json();
    expect(astana.overall).toEqual({
      incidents: 1,
      toDispatch: interval(1, 5, 5),
      toOnScene: interval(1, 10, 10),
      toResolved: interval(1, 15, 15),
    });
  });

  it('limits a district supervisor to their district', async () => {
    const [, d2] = districts;
    const local = await createStaff(t, ['supervisor'], { level: 'district', regionId: ALMATY, districtId: d2 });
    const body = (await read(local)).json();
    expect(body.overall.incidents).toBe(2);
    expect(body.byDistrict.map((d: { districtId: string }) => d.districtId)).toEqual([d2]);
  });

  it('answers an empty period with zero counts', async () => {
    const body = (await read(supervisor, 'from=2011-06-17T00:00:00Z&to=2011-06-18T00:00:00Z')).json();
    expect(body).toMatchObject({
      overall: { incidents: 0, toDispatch: interval(0, null, null) },
      byPriority: [],
      byDistrict: [],
    });
  });

  it('refuses a period that ends before it starts, one longer than a year, and a missing bound, in the caller’s language', async () => {
    const backwards = await read(supervisor, 'from=2011-06-16T00:00:00Z&to=2011-06-15T00:00:00Z&lang=kk');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.headers['content-type']).toMatch(/problem\+json/);
    expect(backwards.json()).toMatchObject({ code: 'request.invalid', title: 'Сұрау дұрыс емес' });
    expect((await read(supervisor, 'from=2010-01-01T00:00:00Z&to=2011-06-15T00:00:00Z')).statusCode).toBe(400);
    expect((await read(supervisor, 'to=2011-06-15T00:00:00Z')).statusCode).toBe(400);
    expect((await read(supervisor, `${period}&district=x`)).statusCode).toBe(400);
  });

  it('refuses an officer and a caller without a session', async () => {
    expect((await read(officer)).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/dispatch/response-times?${period}` });
    expect(anonymous.statusCode).toBe(401);
  });
});
