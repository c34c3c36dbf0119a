import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstDistrictAndBeat } from '../geo/index.js';
import { validReport } from '../incidents/report-fixtures.js';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { unitIn } from '../../test/dispatch-fixtures.js';
import { createFieldCrypto } from '../../secrets/field-crypto.js';
import { telegramRatings } from './index.js';

const ALMATY = '750000000';
let t: TestApp;
let operator: TestStaff;
beforeAll(async () => {
  t = await buildTestApp({ env: { AMAN_RATE_LIMIT_PUBLIC: '1000', AMAN_RATE_LIMIT_TRACKING: '1000' } });
  operator = await createStaff(t, ['operator'], { level: 'region', regionId: ALMATY });
});
afterAll(async () => {
  await t.app.close();
});

const call = (who: TestStaff, url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload });

async function report() {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: validReport() });
  return response.json() as { id: string; trackingCode: string };
}

/** A citizen's report that a unit reached and resolved. */
async function resolvedReport() {
  const filed = await report();
  const officer = await createStaff(t, ['officer'], {
    level: 'beat',
    regionId: ALMATY,
    ...(await firstDistrictAndBeat(t.database.db, ALMATY)),
  });
  const unitId = await unitIn(t, ALMATY, [officer.id]);
  const assignment = (await call(operator, `/api/v1/incidents/${filed.id}/assignments`, { unitId })).json() as { id: string };
  const base = `/api/v1/incidents/${filed.id}/assignments/${assignment.id}`;
  expect((await call(officer, `${base}/accept`)).statusCode).toBe(200);
  expect((await call(officer, `${base}/status`, { status: 'on_scene' })).statusCode).toBe(200);
  expect((await call(officer, `${base}/status`, { status: 'resolved' })).statusCode).toBe(200);
  return { ...filed, unitId, officer };
}

function rate(code: string, payload: object) {
  return t.app.inject({ method: 'POST', url: `/api/v1/reports/${code}/rating`, payload });
}

describe('rating the service', () => {
  it('stores the reporter’s rating with the units and officers who came, the comment encrypted', async () => {
    const filed = await resolvedReport();
    const response = await rate(filed.trackingCode, { score: 4, comment: 'Приехали быстро, спасибо Ерлану' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ score: 4 });
    const row = await t.database.db
      .selectFrom('service_ratings')
      .selectAll()
      .where('incident_id', '=', filed.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ score: 4, channel: 'web', unit_ids: [filed.unitId], officer_ids: [filed.officer.id] });
    expect(row.comment_enc).not.toContain('Ерлан');

    const supervisor = await createStaff(t, ['supervisor'], { level: 'region', regionId: ALMATY });
    const seen = await t.app.inject({ url: '/api/v1/feedback/ratings?limit=500', headers: { cookie: supervisor.cookie } });
    const mine = seen.json().items.find((r: { incidentId: string }) => r.incidentId === filed.id);
    expect(mine).toMatchObject({ score: 4, comment: 'Приехали быстро, спасибо Ерлану' });
    const analyst = await createStaff(t, ['analyst'], { level: 'region', regionId: ALMATY });
    const counted = await t.app.inject({ url: '/api/v1/feedback/ratings?limit=500', headers: { cookie: analyst.cookie } });
    expect(counted.json().items.find((r: { incidentId: string }) => r.incidentId === filed.id)).toMatchObject({
      score: 4,
      comment: null,
    });
  });

  it('takes one rating per report', async () => {
    const filed = await resolvedReport();
    expect((await rate(filed.trackingCode, { score: 5 })).statusCode).toBe(201);
    const again = await rate(filed.trackingCode, { score: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('feedback.already_rated');
    const rows = await t.database.db.selectFrom('service_ratings').select('score').where('incident_id', '=', filed.id).execute();
    expect(rows).toEqual([{ score: 5 }]);
  });

  it('refuses a rating before action is taken, an unknown code and a score out of range, storing nothing', async () => {
    const filed = await report();
    const early = await rate(filed.trackingCode, { score: 3 });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('feedback.not_closed');
    expect((await rate('0000000000', { score: 3 })).statusCode).toBe(404);
    const resolved = await resolvedReport();
    const wild = await t.app.inject({
      method: 'POST',
      url: `/api/v1/reports/${resolved.trackingCode}/rating?lang=en`,
      payload: { score: 6 },
    });
    expect(wild.statusCode).toBe(400);
    const rows = await t.database.db
      .selectFrom('service_ratings')
      .select('id')
      .where('incident_id', 'in', [filed.id, resolved.id])
      .execute();
    expect(rows).toEqual([]);
  });

  it('lets the reporter of a merged report rate the incident it joined', async () => {
    const merged = await report();
    // Merging needs the kept incident open: merge first, then end it (here directly).
    const keptOpen = await report();
    expect((await call(operator, `/api/v1/incidents/${merged.id}/merge`, { into: keptOpen.id, reason: 'same' })).statusCode).toBe(
      200,
    );
    await t.database.db.updateTable('incidents').set({ status: 'closed' }).where('id', '=', keptOpen.id).execute();
    expect((await rate(merged.trackingCode, { score: 2 })).statusCode).toBe(201);
    const row = await t.database.db
      .selectFrom('service_ratings')
      .select('incident_id')
      .where('incident_id', 'in', [merged.id, keptOpen.id])
      .execute();
    expect(row).toEqual([{ incident_id: keptOpen.id }]);
  });

  it('takes the bot’s rating by the same rule, and a second tap in the chat is no error', async () => {
    const filed = await resolvedReport();
    const sink = telegramRatings({
      db: t.database.db,
      fieldCrypto: createFieldCrypto(t.keys.secretKey),
      clock: () => new Date(),
    });
    const tap = { trackingCode: filed.trackingCode, score: 3, channel: 'telegram' as const, raterHash: 'chat', at: new Date() };
    await sink(tap);
    await expect(sink({ ...tap, score: 1 })).resolves.toBeUndefined();
    const rows = await t.database.db
      .selectFrom('service_ratings')
      .select(['score', 'channel'])
      .where('incident_id', '=', filed.id)
      .execute();
    expect(rows).toEqual([{ score: 3, channel: 'telegram' }]);
  });
});
