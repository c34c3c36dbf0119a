import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCrypto } from '../../secrets/field-crypto.js';
import { firstDistrictAndBeat } from '../geo/index.js';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { insertLocatedIncident, unitIn } from '../../test/dispatch-fixtures.js';
import { orderIn, POINTS } from '../../test/prevention-fixtures.js';

let t: TestApp;
let operator: TestStaff;
beforeAll(async () => {
  t = await buildTestApp();
  operator = await createStaff(t, ['operator'], { level: 'region', regionId: ALMATY });
});
afterAll(async () => {
  await t.app.close();
});

const ALMATY = '750000000';
const ASTANA = '710000000';

const call = (who: TestStaff, url: string, payload?: object, method: 'GET' | 'POST' = 'POST') =>
  t.app.inject({ method, url, headers: { cookie: who.cookie }, payload });

async function crew(regionId = ALMATY) {
  const officer = await createStaff(t, ['officer'], {
    level: 'beat',
    regionId,
    ...(await firstDistrictAndBeat(t.database.db, regionId)),
  });
  return { officer, unitId: await unitIn(t, regionId, [officer.id]) };
}

async function assign(incidentId: string, unitId: string) {
  return call(operator, `/api/v1/incidents/${incidentId}/assignments`, { unitId });
}

async function statusOf(incidentId: string) {
  const row = await t.database.db.selectFrom('incidents').select('status').where('id', '=', incidentId).executeTakeFirstOrThrow();
  return row.status;
}

async function unitStatus(unitId: string) {
  const row = await t.database.db.selectFrom('units').select('status').where('id', '=', unitId).executeTakeFirstOrThrow();
  return row.status;
}

describe('assignment', () => {
  it('takes an incident from dispatch to resolution, every step on the timeline, the audit log and the event stream', async () => {
    const { officer, unitId } = await crew();
    const incidentId = await insertLocatedIncident(t, ALMATY);
    const assigned = await assign(incidentId, unitId);
    expect(assigned.statusCode).toBe(201);
    const assignmentId = assigned.json().id as string;
    expect(await statusOf(incidentId)).toBe('dispatched');
    expect(await unitStatus(unitId)).toBe('dispatched');

    const base = `/api/v1/incidents/${incidentId}/assignments/${assignmentId}`;
    const accepted = await call(officer, `${base}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().acceptedAt).not.toBeNull();
    expect([await statusOf(incidentId), await unitStatus(unitId)]).toEqual(['en_route', 'en_route']);

    expect((await call(officer, `${base}/status`, { status: 'on_scene' })).statusCode).toBe(200);
    expect([await statusOf(incidentId), await unitStatus(unitId)]).toEqual(['on_scene', 'on_scene']);

    const resolved = await call(officer, `${base}/status`, { status: 'resolved', note: 'dispute settled' });
    expect(resolved.json()).toMatchObject({ status: 'resolved' });
    expect(resolved.json().endedAt).not.toBeNull();
    expect([await statusOf(incidentId), await unitStatus(unitId)]).toEqual(['resolved', 'available']);

    const timeline = await sql<{ status: string; internal_note_enc: string | null; system_notes: { step: string }[] }>`
      select status, internal_note_enc, system_notes from incident_timeline where incident_id = ${incidentId}
      order by at, id`.execute(t.database.db);
    expect(timeline.rows.map((r) => r.status)).toEqual(['dispatched', 'en_route', 'on_scene', 'resolved']);
    // Each step names the unit as data, for each reader's language; the officer's own words stay as written.
    expect(timeline.rows.map((r) => r.system_notes.map((n) => n.step))).toEqual([
      ['assigned'],
      ['accepted'],
      ['on_scene'],
      ['resolved'],
    ]);
    expect(createFieldCrypto(t.keys.secretKey).decrypt(timeline.rows[3]!.internal_note_enc!)).toBe('dispute settled');

    const events = await sql<{ type: string }>`
      select type from domain_events where payload->>'incidentId' = ${incidentId} order by id`.execute(t.database.db);
    expect(events.rows.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'incident.assigned',
        'incident.status_changed',
        'incident.assignment_updated',
        'unit.status_changed',
      ]),
    );
    const audit = await sql<{ action: string }>`
      select action from audit_inbox where target_type = 'incident' and target_id = ${incidentId} order by id`.execute(
      t.database.db,
    );
    expect(audit.rows.map((a) => a.action)).toEqual(
      expect.arrayContaining(['incident.assign', 'assignment.accepted', 'assignment.on_scene', 'assignment.resolved']),
    );
  });

  it('resolves the incident when its only unit settles it on the way, before reaching the scene', async () => {
    const { unitId, officer } = await crew();
    const incidentId = await insertLocatedIncident(t, ALMATY);
    const assignmentId = (await assign(incidentId, unitId)).json().id as string;
    const base = `/api/v1/incidents/${incidentId}/assignments/${assignmentId}`;
    expect((await call(officer, `${base}/accept`)).statusCode).toBe(200);

    const resolved = await call(officer, `${base}/status`, { status: 'resolved', note: 'the caller rang back: all calm' });

    expect(resolved.statusCode).toBe(200);
    expect([await statusOf(incidentId), await unitStatus(unitId)]).toEqual(['resolved', 'available']);
  });

  it('refuses to send a unit that is on another incident, with a 409 problem', async () => {
    const { unitId } = await crew();
    expect((await assign(await insertLocatedIncident(t, ALMATY), unitId)).statusCode).toBe(201);
    const second = await assign(await insertLocatedIncident(t, ALMATY), unitId);
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toMatch(/problem\+json/);
    expect(second.json().code).toBe('dispatch.unit_busy');
  });

  it('refuses to send an off-duty unit', async () => {
    const { officer, unitId } = await crew();
    await call(officer, `/api/v1/units/${unitId}/status`, { status: 'off_duty' });
    const response = await assign(await insertLocatedIncident(t, ALMATY), unitId);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('dispatch.unit_unavailable');
  });

  it('hides another region’s incident and unit from the operator', async () => {
    const { unitId } = await crew();
    expect((await assign(await insertLocatedIncident(t, ASTANA), unitId)).statusCode).toBe(404);
    const response = await assign(await insertLocatedIncident(t, ALMATY), await unitIn(t, ASTANA));
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('dispatch.unit_not_found');
  });

  it('lets only the assigned unit’s officers accept and report', async () => {
    const { unitId } = await crew();
    const stranger = await crew();
    const incidentId = await insertLocatedIncident(t, ALMATY);
    const assignmentId = (await assign(incidentId, unitId)).json().id as string;
    const response = await call(stranger.officer, `/api/v1/incidents/${incidentId}/assignments/${assignmentId}/accept`);
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('dispatch.not_unit_member');
    const elsewhere = await crew(ASTANA);
    const far = await call(elsewhere.officer, `/api/v1/incidents/${incidentId}/assignments/${assignmentId}/accept`);
    expect(far.statusCode).toBe(404);
  });

  it('refuses steps out of order', async () => {
    const { officer, unitId } = await crew();
    const incidentId = await insertLocatedIncident(t, ALMATY);
    const assignmentId = (await assign(incidentId, unitId)).json().id as string;
    const early = await call(officer, `/api/v1/incidents/${incidentId}/assignments/${assignmentId}/status`, {
      status: 'on_scene',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('dispatch.assignment_state');
  });

  it('shows the officer the incident they are sent to, without reporter data', async () => {
    const { officer, unitId } = await crew();
    // Away from the point where other tests issue protection orders.
    const incidentId = await insertLocatedIncident(t, ALMATY, [76.9258, 43.2483]);
    const assignmentId = (await assign(incidentId, unitId)).json().id as string;
    const mine = await call(officer, '/api/v1/units/mine', undefined, 'GET');
    expect(mine.statusCode).toBe(200);
    const unit = mine.json().find((u: { id: string }) => u.id === unitId);
    expect(unit.orders).toEqual({
      assignmentId,
      incidentId,
      status: 'assigned',
      category: 'other-theft',
      priority: 2,
      location: { type: 'Point', coordinates: [76.9258, 43.2483] },
      caution: false,
    });
  });

  it('flags an address under an active protection order, and says nothing of who is protected', async () => {
    const { officer, unitId } = await crew();
    await orderIn(t, ALMATY);
    const incidentId = await insertLocatedIncident(t, ALMATY, [...POINTS[ALMATY]!.coordinates]);
    await assign(incidentId, unitId);
    const mine = await call(officer, '/api/v1/units/mine', undefined, 'GET');
    const unit = mine.json().find((u: { id: string }) => u.id === unitId);
    expect(unit.orders.caution).toBe(true);
    expect(mine.body).not.toContain('Test Victim');
  });

  it('recalls a unit: it is available again and an incident left without units goes back to triaged', async () => {
    const { unitId } = await crew();
    const incidentId = await insertLocatedIncident(t, ALMATY);
    const assignmentId = (await assign(incidentId, unitId)).json().id as string;
    const response = await call(operator, `/api/v1/incidents/${incidentId}/assignments/${assignmentId}/cancel`, {
      reason: 'P1 nearby',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe('cancelled');
    expect([await statusOf(incidentId), await unitStatus(unitId)]).toEqual(['triaged', 'available']);
  });

  it('releases the units of an incident the operator cancels', async () => {
    const { unitId } = await crew();
    const incidentId = await insertLocatedIncident(t, ALMATY);
    await assign(incidentId, unitId);
    const cancelled = await call(operator, `/api/v1/incidents/${incidentId}/status`, {
      status: 'cancelled',
      reason: 'caller withdrew',
    });
    expect(cancelled.statusCode).toBe(200);
    expect(await unitStatus(unitId)).toBe('available');
    expect((await assign(await insertLocatedIncident(t, ALMATY), unitId)).statusCode).toBe(201);
  });
});
