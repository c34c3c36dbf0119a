import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, type TestApp } from '../../test/app.js';

const ALMATY = '750000000';
const ASTANA = '710000000';
const DAY = 86_400_000;

let t: TestApp;
let analyst: string;
let district: string;
beforeAll(async () => {
  t = await buildTestApp();
  analyst = (await createStaff(t, ['analyst'], { level: 'region', regionId: ALMATY })).cookie;
  district = (
    await sql<{ id: string }>`select id from districts where region_id = ${ALMATY} order by id limit 1`.execute(t.database.db)
  ).rows[0]!.id;
});
afterAll(async () => {
  await t.app.close();
});

/** An incident reported at `reported`, with its resolution on the timeline at `cleared` when given. */
async function incident(regionId: string, status: string, reported: Date, cleared?: Date) {
  const row = await sql<{ id: string }>`
    insert into incidents (region_id, district_id, category, status, priority, source, occurred_at, reported_at)
    values (${regionId}, ${regionId === ALMATY ? district : null}, 'other-theft', ${status}, 3, 'test', ${reported}, ${reported})
    returning id`.execute(t.database.db);
  if (cleared) {
    await sql`insert into incident_timeline (incident_id, region_id, at, status) values (${row.rows[0]!.id}, ${regionId}, ${cleared}, ${status})`.execute(
      t.database.db,
    );
  }
}

const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

describe('clearance rate', () => {
  it('counts the share resolved or closed before the period ended, and shows what it is made of', async () => {
    // A month of 1962 no other test uses.
    const from = new Date(Date.UTC(1962, 4, 1));
    const to = new Date(Date.UTC(1962, 5, 1));
    const inside = (days: number) => new Date(from.getTime() + days * DAY);
    await incident(ALMATY, 'closed', inside(1), inside(3)); // cleared in time
    await incident(ALMATY, 'resolved', inside(2), inside(10)); // cleared in time
    await incident(ALMATY, 'closed', inside(29), inside(33)); // cleared after the month
    await incident(ALMATY, 'closed', inside(5)); // no time recorded
    await incident(ALMATY, 'triaged', inside(6)); // still open
    await incident(ALMATY, 'cancelled', inside(7)); // not counted
    await incident(ALMATY, 'closed', inside(40), inside(41)); // reported after the month
    await incident(ASTANA, 'closed', inside(1), inside(2)); // another region

    const url = `/api/v1/analytics/clearance?from=${from.toISOString()}&to=${to.toISOString()}`;
    const response = await get(url, analyst);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.level).toBe('district');
    expect(body.totals).toEqual({
      reported: 5,
      clearedByEnd: 2,
      clearedLater: 1,
      clearedUndated: 1,
      open: 1,
      rate: 0.4,
      rateUndatedIncluded: 0.6,
    });
    expect(body.areas).toHaveLength(1);
    expect(body.areas[0].id).toBe(district);
    expect(body.areas[0].name.ru).toBeTruthy();
  });

  it('refuses no session, the wrong role, another region and a backwards period', async () => {
    const url = '/api/v1/analytics/clearance?from=1962-05-01T00:00:00Z&to=1962-06-01T00:00:00Z';
    expect((await get(url)).statusCode).toBe(401);
    const officer = await createStaff(t, ['officer'], { level: 'region', regionId: ALMATY });
    expect((await get(url, officer.cookie)).statusCode).toBe(403);
    const outside = await get(`${url}&regionId=${ASTANA}`, analyst);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('jurisdiction.outside');
    const backwards = await get('/api/v1/analytics/clearance?from=1962-06-01T00:00:00Z&to=1962-05-01T00:00:00Z', analyst);
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().code).toBe('analytics.invalid_period');
  });
});
