import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, type TestApp } from '../../test/app.js';
import { localMidnight } from './situation-service.js';

const ALMATY = '750000000';
const ASTANA = '710000000';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// A Wednesday, 14:30 in Almaty (UTC+5).
const NOW = new Date('2031-03-12T09:30:00Z');

let t: TestApp;
let supervisor: string;
let district: string;
let astanaDistrict: string;
beforeAll(async () => {
  t = await buildTestApp({ clock: () => NOW });
  supervisor = (await createStaff(t, ['supervisor'], { level: 'region', regionId: ALMATY }, NOW)).cookie;
  const first = async (regionId: string) =>
    (await sql<{ id: string }>`select id from districts where region_id = ${regionId} order by id limit 1`.execute(t.database.db))
      .rows[0]!.id;
  district = await first(ALMATY);
  astanaDistrict = await first(ASTANA);
});
afterAll(async () => {
  await t.app.close();
});

const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

async function incident(regionId: string, districtId: string, priority: number, status: string, reportedAt: Date) {
  await sql`
    insert into incidents (region_id, district_id, category, status, priority, source, occurred_at, reported_at)
    values (${regionId}, ${districtId}, 'other-theft', ${status}, ${priority}, 'test', ${reportedAt}, ${reportedAt})`.execute(
    t.database.db,
  );
}

async function unit(regionId: string, districtId: string, status: string) {
  await sql`
    insert into units (region_id, district_id, call_sign, agency, kind, status, status_changed_at, created_at)
    values (${regionId}, ${districtId}, ${`T-${Math.random().toString(36).slice(2, 8)}`}, 'police', 'patrol_car', ${status}, ${NOW}, ${NOW})`.execute(
    t.database.db,
  );
}

interface Row {
  id: string | null;
  open: number;
  openByPriority: Record<string, number>;
  units: Record<string, number>;
  today: number;
  yesterday: number;
  usual: number;
}

describe('situation board', () => {
  it('starts the day at local midnight', () => {
    expect(localMidnight(NOW, 'Asia/Almaty').toISOString()).toBe('2031-03-11T19:00:00.000Z');
  });

  it('counts the region’s open incidents, units and today’s reports against yesterday and the usual', async () => {
    const before = (await get('/api/v1/analytics/situation', supervisor)).json();
    const midnight = new Date(before.since);
    await incident(ALMATY, district, 1, 'new', new Date(midnight.getTime() + HOUR));
    await incident(ALMATY, district, 1, 'dispatched', new Date(midnight.getTime() + 2 * HOUR));
    // Merged into another: neither open nor reported twice.
    await incident(ALMATY, district, 1, 'merged', new Date(midnight.getTime() + 2 * HOUR));
    // Yesterday inside the same hours of the day, and yesterday evening (after this time of day).
    await incident(ALMATY, district, 3, 'triaged', new Date(midnight.getTime() - DAY + HOUR));
    await incident(ALMATY, district, 3, 'closed', new Date(midnight.getTime() - 2 * HOUR));
    // A week and two weeks ago, the same weekday and hours: (1 + 1) / 4 weeks.
    await incident(ALMATY, district, 2, 'closed', new Date(midnight.getTime() - 7 * DAY + HOUR));
    await incident(ALMATY, district, 2, 'resolved', new Date(midnight.getTime() - 14 * DAY + HOUR));
    await incident(ASTANA, astanaDistrict, 1, 'new', new Date(midnight.getTime() + HOUR));
    await unit(ALMATY, district, 'available');
    await unit(ALMATY, district, 'available');
    await unit(ALMATY, district, 'busy');
    await unit(ASTANA, astanaDistrict, 'available');

    const response = await get('/api/v1/analytics/situation', supervisor);
    expect(response.statusCode, response.body).toBe(200);
    const after = response.json();
    expect(after.level).toBe('district');
    expect(after.timeZone).toBe('Asia/Almaty');
    const none: Row = { id: district, open: 0, openByPriority: {}, units: {}, today: 0, yesterday: 0, usual: 0 };
    const rowOf = (body: { areas: Row[] }) => body.areas.find((a) => a.id === district) ?? none;
    const [was, is] = [rowOf(before), rowOf(after)];
    expect(is.open - was.open).toBe(3);
    expect((is.openByPriority['1'] ?? 0) - (was.openByPriority['1'] ?? 0)).toBe(2);
    expect((is.openByPriority['3'] ?? 0) - (was.openByPriority['3'] ?? 0)).toBe(1);
    expect(is.today - was.today).toBe(2);
    expect(is.yesterday - was.yesterday).toBe(1);
    expect(is.usual - was.usual).toBeCloseTo(0.5, 9);
    expect((is.units.available ?? 0) - (was.units.available ?? 0)).toBe(2);
    expect((is.units.busy ?? 0) - (was.units.busy ?? 0)).toBe(1);
    expect(after.totals.open - before.totals.open).toBe(3);
    // Every row is an Almaty district: Astana's incident and unit are not on this board.
    const almatyDistricts = await sql<{ id: string }>`select id from districts where region_id = ${ALMATY}`.execute(
      t.database.db,
    );
    const ids = new Set(almatyDistricts.rows.map((r) => r.id));
    expect(after.areas.every((a: Row) => a.id === null || ids.has(a.id))).toBe(true);
    expect(after.areas.find((a: Row) => a.id === district).name.en).toBeTruthy();
  });

  it('shows a country-wide analyst one row per region', async () => {
    const analyst = await createStaff(t, ['analyst'], { level: 'country' }, NOW);
    const body = (await get('/api/v1/analytics/situation', analyst.cookie)).json();
    expect(body.level).toBe('region');
    expect(body.areas.find((a: Row) => a.id === ASTANA).open).toBeGreaterThanOrEqual(1);
    expect(body.areas.find((a: Row) => a.id === ASTANA).units.available).toBeGreaterThanOrEqual(1);
  });

  it('refuses no session, the wrong role, a beat-level supervisor and another region', async () => {
    expect((await get('/api/v1/analytics/situation')).statusCode).toBe(401);
    const operator = await createStaff(t, ['operator'], { level: 'region', regionId: ALMATY }, NOW);
    expect((await get('/api/v1/analytics/situation', operator.cookie)).statusCode).toBe(403);
    const beat = await sql<{ id: string }>`select id from beats where district_id = ${district} limit 1`.execute(t.database.db);
    const narrow = await createStaff(
      t,
      ['supervisor'],
      { level: 'beat', regionId: ALMATY, districtId: district, beatId: beat.rows[0]!.id },
      NOW,
    );
    expect((await get('/api/v1/analytics/situation', narrow.cookie)).statusCode).toBe(403);
    const outside = await get(`/api/v1/analytics/situation?regionId=${ASTANA}`, supervisor);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('jurisdiction.outside');
  });
});
