import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CIRCUMSTANCES, type IncidentCircumstances } from '../../../common/incident-circumstances.js';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { insertQueuedIncident } from '../../test/console-fixtures.js';

let t: TestApp;
let operator: TestStaff;
const ALMATY = '750000000';
const ASTANA = '710000000';

const RECORDED: IncidentCircumstances = {
  victimSex: 'female',
  victimAgeBand: '18-64',
  offenderAgeBand: '18-64',
  offenderIntoxication: 'alcohol',
  placeType: 'home',
};

beforeAll(async () => {
  t = await buildTestApp();
  operator = await createStaff(t, ['operator'], { level: 'region', regionId: ALMATY });
});
afterAll(async () => {
  await t.app.close();
});

const put = (id: string, payload: object, headers: Record<string, string> = { cookie: operator.cookie }, query = '') =>
  t.app.inject({ method: 'PUT', url: `/api/v1/incidents/${id}/circumstances${query}`, headers, payload });

async function stored(id: string) {
  return t.database.db
    .selectFrom('incidents')
    .select([
      'victim_sex',
      'victim_age_band',
      'offender_age_band',
      'offender_intoxication',
      'place_type',
      'circumstances_recorded_at',
    ])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

const written = async (id: string) => {
  const [timeline, audit, events] = await Promise.all([
    sql<{ system_notes: unknown }>`select system_notes from incident_timeline where incident_id = ${id} order by id`.execute(
      t.database.db,
    ),
    sql<{ action: string; details: unknown }>`
      select action, details from audit_inbox where target_id = ${id} and action = 'incident.circumstances' order by id`.execute(
      t.database.db,
    ),
    sql<{ type: string }>`select type from domain_events where payload->>'incidentId' = ${id}`.execute(t.database.db),
  ]);
  return { timeline: timeline.rows, audit: audit.rows, events: events.rows.map((e) => e.type) };
};

describe('PUT /api/v1/incidents/:id/circumstances', () => {
  it('stores them and answers the incident in full with them', async () => {
    const id = await insertQueuedIncident(t, ALMATY, { status: 'triaged' });
    const before = await t.app.inject({
      method: 'GET',
      url: `/api/v1/incidents/${id}/detail`,
      headers: { cookie: operator.cookie },
    });
    expect(before.json().circumstances).toEqual(NO_CIRCUMSTANCES);
    const response = await put(id, RECORDED);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id, circumstances: RECORDED });
    const row = await stored(id);
    expect(row).toMatchObject({
      victim_sex: 'female',
      victim_age_band: '18-64',
      offender_age_band: '18-64',
      offender_intoxication: 'alcohol',
      place_type: 'home',
    });
    expect(row.circumstances_recorded_at).toBeInstanceOf(Date);
  });

  it('notes on the staff timeline and in the audit which fields changed, never their values, and tells the other consoles', async () => {
    const id = await insertQueuedIncident(t, ALMATY, { status: 'closed' });
    await put(id, { ...NO_CIRCUMSTANCES, victimSex: 'male', placeType: 'street' });
    const response = await put(id, { ...NO_CIRCUMSTANCES, victimSex: 'male', placeType: 'park' });
    expect(response.statusCode).toBe(200);
    const changes = await written(id);
    expect(changes.timeline.map((e) => e.system_notes)).toEqual([
      [{ kind: 'circumstances', fields: ['victimSex', 'placeType'] }],
      [{ kind: 'circumstances', fields: ['placeType'] }],
    ]);
    expect(changes.audit.map((a) => a.details)).toEqual([{ fields: ['victimSex', 'placeType'] }, { fields: ['placeType'] }]);
    expect(JSON.stringify(changes.audit)).not.toContain('park');
    expect(changes.events).toEqual(['incident.noted', 'incident.noted']);
    expect(response.json().timeline.at(-1).systemNotes).toEqual([{ kind: 'circumstances', fields: ['placeType'] }]);
  });

  it('keeps the time they were first recorded, and writes nothing when nothing changed', async () => {
    const id = await insertQueuedIncident(t, ALMATY, { status: 'resolved' });
    await put(id, RECORDED);
    const first = (await stored(id)).circumstances_recorded_at;
    await put(id, RECORDED);
    await put(id, { ...RECORDED, offenderIntoxication: null });
    const row = await stored(id);
    expect(row.circumstances_recorded_at).toEqual(first);
    expect(row.offender_intoxication).toBeNull();
    expect((await written(id)).timeline).toHaveLength(2);
  });

  it('lets a supervisor record them too', async () => {
    const supervisor = await createStaff(t, ['supervisor'], { level: 'region', regionId: ALMATY });
    const id = await insertQueuedIncident(t, ALMATY);
    expect((await put(id, RECORDED, { cookie: supervisor.cookie })).statusCode).toBe(200);
  });
});

describe('PUT /api/v1/incidents/:id/circumstances refusals, each changing nothing', () => {
  async function expectUnchanged(id: string) {
    expect(await stored(id)).toMatchObject({ victim_sex: null, place_type: null, circumstances_recorded_at: null });
    const changes = await written(id);
    expect(changes.timeline).toEqual([]);
    expect(changes.audit).toEqual([]);
    expect(changes.events).toEqual([]);
  }

  it('asks a caller who is not signed in to sign in (401)', async () => {
    const id = await insertQueuedIncident(t, ALMATY);
    expect((await put(id, RECORDED, {})).statusCode).toBe(401);
    await expectUnchanged(id);
  });

  it('refuses a role without access (403)', async () => {
    const id = await insertQueuedIncident(t, ALMATY);
    for (const role of ['officer', 'analyst'] as const) {
      const other = await createStaff(t, [role], { level: 'region', regionId: ALMATY });
      const response = await put(id, RECORDED, { cookie: other.cookie });
      expect(response.statusCode).toBe(403);
    }
    await expectUnchanged(id);
  });

  it('answers 404 for an incident outside the operator’s jurisdiction', async () => {
    const id = await insertQueuedIncident(t, ASTANA);
    const response = await put(id, RECORDED);
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('incident.not_found');
    await expectUnchanged(id);
  });

  it('refuses a merged incident (record them on the one it went into) and a cancelled one (409)', async () => {
    const merged = await insertQueuedIncident(t, ALMATY, { status: 'merged' });
    const response = await put(merged, RECORDED, { cookie: operator.cookie }, '?lang=en');
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'incident.circumstances_merged',
      title: expect.stringContaining('merged into'),
    });
    await expectUnchanged(merged);
    const cancelled = await insertQueuedIncident(t, ALMATY, { status: 'cancelled' });
    const refused = await put(cancelled, RECORDED);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('incident.circumstances_cancelled');
    await expectUnchanged(cancelled);
  });

  it('refuses a value not in the list, a missing field and an unknown one, in the caller’s language (400)', async () => {
    const id = await insertQueuedIncident(t, ALMATY);
    // A signed-in caller's language is their setting; `lang` overrides it, as the console's switch does.
    const ru = { cookie: operator.cookie };
    const bad = await put(id, { ...RECORDED, victimAgeBand: '30-40' }, ru, '?lang=ru');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'request.invalid', title: 'Некорректный запрос' });
    const { placeType: _omitted, ...missing } = RECORDED;
    expect((await put(id, missing, ru, '?lang=ru')).statusCode).toBe(400);
    expect((await put(id, { ...RECORDED, victimName: 'Aigerim' }, ru, '?lang=ru')).statusCode).toBe(400);
    await expectUnchanged(id);
  });
});

it('documents the route in OpenAPI', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  const route = doc.paths['/api/v1/incidents/{id}/circumstances'].put;
  expect(route.tags).toEqual(['incidents']);
  expect(route.summary).toMatch(/circumstances/);
});
