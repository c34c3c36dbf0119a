import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, createStaff, type TestApp } from '../../test/app.js';
import { firstDistrictAndBeat } from '../geo/index.js';
import { DEMO_OFFICER, seedDispatch } from './seed.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

const ALMATY = '750000000';

it('puts the demo officer on a patrol car of their district once, also where units were seeded before', async () => {
  const home = await firstDistrictAndBeat(t.database.db, ALMATY);
  const officer = await createStaff(t, ['officer'], { level: 'beat', regionId: ALMATY, ...home });
  // The demo account, under the name the README prints (the factory makes its own names).
  await t.database.db.updateTable('users').set({ username: DEMO_OFFICER }).where('id', '=', officer.id).execute();
  const { rows } = await sql<{ id: string }>`
    insert into units (region_id, district_id, call_sign, agency, kind, status, status_changed_at, created_at)
    values (${ALMATY}, ${home.districtId}, '000-demo', 'police', 'patrol_car', 'available', now(), now())
    returning id`.execute(t.database.db);
  const unitId = rows[0]!.id;

  expect(await seedDispatch(t.database, { now: new Date() })).toEqual({ units: 0, demoOfficerLinked: true });
  expect(await seedDispatch(t.database, { now: new Date() })).toEqual({ units: 0, demoOfficerLinked: false });
  const memberships = await t.database.db
    .selectFrom('unit_members')
    .select('unit_id')
    .where('user_id', '=', officer.id)
    .execute();
  expect(memberships).toEqual([{ unit_id: unitId }]);

  const mine = await t.app.inject({ method: 'GET', url: '/api/v1/units/mine', headers: { cookie: officer.cookie } });
  expect(mine.json().map((u: { callSign: string }) => u.callSign)).toEqual(['000-demo']);
});
