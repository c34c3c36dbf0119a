import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstDistrictAndBeat } from '../geo/index.js';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { unitIn } from '../../test/dispatch-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

const ALMATY = '750000000';
const ASTANA = '710000000';
const ago = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();

const call = (who: TestStaff, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: who.cookie }, payload });

async function officerOfNewUnit(regionId = ALMATY) {
  const officer = await createStaff(t, ['officer'], {
    level: 'beat',
    ...(await firstDistrictAndBeat(t.database.db, regionId)),
    regionId,
  });
  return { officer, unitId: await unitIn(t, regionId, [officer.id]) };
}

describe('units', () => {
  it('creates a unit in the supervisor’s region and refuses one elsewhere', async () => {
    const supervisor = await createStaff(t, ['supervisor'], { level: 'region', regionId: ALMATY });
    const home = await firstDistrictAndBeat(t.database.db, ALMATY);
    const created = await call(supervisor, 'POST', '/api/v1/units', {
      callSign: 'Бүркіт-7',
      agency: 'national_guard',
      kind: 'motorcycle',
      districtId: home.districtId,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      callSign: 'Бүркіт-7',
      status: 'off_duty',
      regionId: ALMATY,
      position: null,
      emergency: false,
    });
    const again = await call(supervisor, 'POST', '/api/v1/units', {
      callSign: 'Бүркіт-7',
      agency: 'police',
      kind: 'foot',
      districtId: home.districtId,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('dispatch.call_sign_taken');
    const elsewhere = await call(supervisor, 'POST', '/api/v1/units', {
      callSign: 'Бүркіт-8',
      agency: 'police',
      kind: 'foot',
      districtId: (await firstDistrictAndBeat(t.database.db, ASTANA)).districtId,
    });
    expect(elsewhere.statusCode).toBe(403);
  });

  it('refuses a member who is not a user', async () => {
    const supervisor = await createStaff(t, ['supervisor'], { level: 'region', regionId: ALMATY });
    const response = await call(supervisor, 'POST', '/api/v1/units', {
      callSign: `X-${Date.now()}`,
      agency: 'police',
      kind: 'foot',
      districtId: (await firstDistrictAndBeat(t.database.db, ALMATY)).districtId,
      memberIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('dispatch.member_unknown');
  });

  it('shows another region’s unit to nobody there: 404 like a missing one', async () => {
    const operator = await createStaff(t, ['operator'], { level: 'region', regionId: ALMATY });
    const response = await call(operator, 'GET', `/api/v1/units/${await unitIn(t, ASTANA)}`);
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('dispatch.unit_not_found');
  });
});

describe('positions', () => {
  it('keeps the newest fix, so a late batch never replaces a newer one', async () => {
    const { officer, unitId } = await officerOfNewUnit();
    const first = await call(officer, 'POST', `/api/v1/units/${unitId}/positions`, {
      fixes: [
        { at: ago(30), lon: 76.9, lat: 43.2 },
        { at: ago(10), lon: 76.95, lat: 43.25, speedKmh: 30 },
      ],
    });
    expect(first.statusCode).toBe(202);
    expect(first.json().accepted).toBe(2);
    const late = await call(officer, 'POST', `/api/v1/units/${unitId}/positions`, {
      fixes: [{ at: ago(60), lon: 77.1, lat: 43.3 }],
    });
    expect(late.statusCode).toBe(202);
    expect(late.json().latestAt).toBe(first.json().latestAt);
    const operator = await createStaff(t, ['operator'], { level: 'region', regionId: ALMATY });
    const unit = (await call(operator, 'GET', `/api/v1/units/${unitId}`)).json();
    expect(unit.position.location.coordinates).toEqual([76.95, 43.25]);
    expect(unit.position.ageSeconds).toBeGreaterThanOrEqual(10);
    expect(unit.position.stale).toBe(false);
    const rows = await sql<{ n: number }>`select count(*)::int n from unit_positions where unit_id = ${unitId}`.execute(
      t.database.db,
    );
    expect(rows.rows[0]!.n).toBe(1);
  });

  it('marks a position older than AMAN_STALE_POSITION_SECONDS as stale', async () => {
    const { officer, unitId } = await officerOfNewUnit();
    await call(officer, 'POST', `/api/v1/units/${unitId}/positions`, { fixes: [{ at: ago(600), lon: 76.9, lat: 43.2 }] });
    const unit = (await call(officer, 'GET', `/api/v1/units/${unitId}`)).json();
    expect(unit.position).toMatchObject({ stale: true });
    expect(unit.position.ageSeconds).toBeGreaterThanOrEqual(600);
  });

  it('refuses an officer of another unit, fixes outside Kazakhstan and fixes from the future', async () => {
    const { officer, unitId } = await officerOfNewUnit();
    const other = await officerOfNewUnit();
    const stranger = await call(other.officer, 'POST', `/api/v1/units/${unitId}/positions`, {
      fixes: [{ at: ago(1), lon: 76.9, lat: 43.2 }],
    });
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().code).toBe('dispatch.not_unit_member');
    const abroad = await call(officer, 'POST', `/api/v1/units/${unitId}/positions`, {
      fixes: [{ at: ago(1), lon: 37.6, lat: 55.7 }],
    });
    expect(abroad.statusCode).toBe(422);
    const future = await call(officer, 'POST', `/api/v1/units/${unitId}/positions`, {
      fixes: [{ at: new Date(Date.now() + 3_600_000).toISOString(), lon: 76.9, lat: 43.2 }],
    });
    expect(future.statusCode).toBe(400);
  });

  it('answers 404 to an officer for another region’s unit', async () => {
    const { officer } = await officerOfNewUnit();
    const response = await call(officer, 'POST', `/api/v1/units/${await unitIn(t, ASTANA)}/positions`, {
      fixes: [{ at: ago(1), lon: 71.4, lat: 51.1 }],
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('status and panic', () => {
  it('lets the unit’s officer go off duty, publishing unit.status_changed', async () => {
    const { officer, unitId } = await officerOfNewUnit();
    const response = await call(officer, 'POST', `/api/v1/units/${unitId}/status`, { status: 'off_duty' });
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe('off_duty');
    const events = await sql<{ payload: Record<string, unknown> }>`
      select payload from domain_events where type = 'unit.status_changed' and payload->>'unitId' = ${unitId}`.execute(
      t.database.db,
    );
    expect(events.rows.map((e) => e.payload)).toEqual([{ unitId, from: 'available', to: 'off_duty', incidentId: null }]);
  });

  it('refuses a status change by an officer of another unit', async () => {
    const { unitId } = await officerOfNewUnit();
    const other = await officerOfNewUnit();
    const response = await call(other.officer, 'POST', `/api/v1/units/${unitId}/status`, { status: 'busy' });
    expect(response.statusCode).toBe(403);
  });

  it('puts a unit in an emergency at the top of every unit list of its area until it is cleared', async () => {
    const { officer, unitId } = await officerOfNewUnit();
    const operator = await createStaff(t, ['operator'], { level: 'region', regionId: ALMATY });
    const raised = await call(officer, 'POST', `/api/v1/units/${unitId}/emergency`, { active: true });
    expect(raised.statusCode).toBe(200);
    expect(raised.json().emergency).toBe(true);
    const list = (await call(operator, 'GET', '/api/v1/units?limit=5')).json();
    expect(list.items[0].emergency).toBe(true);
    expect(list.items.map((u: { id: string }) => u.id)).toContain(unitId);
    const event = await sql<{ region_id: string }>`
      select region_id from domain_events where type = 'unit.emergency_raised' and payload->>'unitId' = ${unitId}`.execute(
      t.database.db,
    );
    expect(event.rows).toEqual([{ region_id: ALMATY }]);

    const supervisor = await createStaff(t, ['supervisor'], { level: 'region', regionId: ALMATY });
    const cleared = await call(supervisor, 'POST', `/api/v1/units/${unitId}/emergency`, { active: false });
    expect(cleared.json().emergency).toBe(false);
  });

  it('lets nobody but the unit’s own officers raise its panic', async () => {
    const { unitId } = await officerOfNewUnit();
    const supervisor = await createStaff(t, ['supervisor'], { level: 'region', regionId: ALMATY });
    const response = await call(supervisor, 'POST', `/api/v1/units/${unitId}/emergency`, { active: true });
    expect(response.statusCode).toBe(403);
  });

  it('pages the unit list without repeating or skipping a unit', async () => {
    const operator = await createStaff(t, ['operator'], { level: 'region', regionId: '790000000' });
    const made = new Set<string>();
    for (let i = 0; i < 5; i++) made.add(await unitIn(t, '790000000'));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/units?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await call(operator, 'GET', url)).json() as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of made) expect(seen).toContain(id);
  });
});
