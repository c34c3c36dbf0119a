import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDay } from '../../../common/register-terms.js';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { insertQueuedIncident } from '../../test/console-fixtures.js';
import { validReport } from './report-fixtures.js';

let t: TestApp;
let operator: TestStaff;
const ALMATY = '750000000';
const ASTANA = '710000000';
// insertQueuedIncident's incidents occurred on 1 January 2001 (06:00 in Almaty).
const COURT = { outcome: 'sent-to-court', decidedOn: '2001-03-15' };
const CLEAR = { outcome: null, decidedOn: null };

beforeAll(async () => {
  t = await buildTestApp();
  operator = await createStaff(t, ['operator'], { level: 'region', regionId: ALMATY });
});
afterAll(async () => {
  await t.app.close();
});

const put = (id: string, payload: object, headers: Record<string, string> = { cookie: operator.cookie }, query = '') =>
  t.app.inject({ method: 'PUT', url: `/api/v1/incidents/${id}/outcome${query}`, headers, payload });

const stored = (id: string) =>
  sql<{ investigation_outcome: string | null; outcome_decided_on: string | null }>`
    select investigation_outcome, outcome_decided_on::text from incidents where id = ${id}`
    .execute(t.database.db)
    .then((r) => r.rows[0]);

const written = async (id: string) => {
  const [timeline, audit, events] = await Promise.all([
    sql<{ status: string; system_notes: unknown; public_text: string | null; internal_note_enc: string | null }>`
      select status, system_notes, public_text, internal_note_enc from incident_timeline where incident_id = ${id} order by id`.execute(
      t.database.db,
    ),
    sql<{
      details: unknown;
    }>`select details from audit_inbox where target_id = ${id} and action = 'incident.outcome' order by id`.execute(
      t.database.db,
    ),
    sql<{ type: string }>`select type from domain_events where payload->>'incidentId' = ${id}`.execute(t.database.db),
  ]);
  return { timeline: timeline.rows, audit: audit.rows.map((a) => a.details), events: events.rows.map((e) => e.type) };
};

describe('PUT /api/v1/incidents/:id/outcome', () => {
  it('stores the outcome and its day, and answers the incident in full with it', async () => {
    const id = await insertQueuedIncident(t, ALMATY, { status: 'closed' });
    const before = await t.app.inject({
      method: 'GET',
      url: `/api/v1/incidents/${id}/detail`,
      headers: { cookie: operator.cookie },
    });
    expect(before.json().outcome).toBeNull();
    const response = await put(id, COURT);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id, outcome: { code: 'sent-to-court', decidedOn: '2001-03-15' } });
    expect(await stored(id)).toEqual({ investigation_outcome: 'sent-to-court', outcome_decided_on: '2001-03-15' });
  });

  it('notes it on the staff timeline under the unchanged status, audits code and day, tells the other consoles', async () => {
    const id = await insertQueuedIncident(t, ALMATY, { status: 'resolved' });
    await put(id, { outcome: 'suspended-no-suspect', decidedOn: '2001-02-01' });
    await put(id, COURT);
    const response = await put(id, CLEAR);
    expect(response.statusCode).toBe(200);
    expect(response.json().outcome).toBeNull();
    expect(await stored(id)).toEqual({ investigation_outcome: null, outcome_decided_on: null });
    const changes = await written(id);
    expect(changes.timeline).toEqual(
      Array.from({ length: 3 }, () => ({
        status: 'resolved',
        system_notes: [{ kind: 'outcome' }],
        public_text: null,
        internal_note_enc: null,
      })),
    );
    expect(changes.audit).toEqual([
      { outcome: 'suspended-no-suspect', decidedOn: '2001-02-01' },
      { outcome: 'sent-to-court', decidedOn: '2001-03-15' },
      { outcome: null, decidedOn: null },
    ]);
    expect(changes.events).toEqual(['incident.noted', 'incident.noted', 'incident.noted']);
  });

  it('writes nothing when nothing changed, and takes today and the day of the offence', async () => {
    const id = await insertQueuedIncident(t, ALMATY, { status: 'closed' });
    await put(id, COURT);
    expect((await put(id, COURT)).statusCode).toBe(200);
    expect((await written(id)).timeline).toHaveLength(1);
    expect((await put(id, CLEAR)).statusCode).toBe(200);
    expect((await put(id, CLEAR)).statusCode).toBe(200);
    expect((await written(id)).timeline).toHaveLength(2);
    const today = localDay(new Date(), 'Asia/Almaty');
    expect((await put(id, { outcome: 'no-offence', decidedOn: today })).statusCode).toBe(200);
    expect((await put(id, { outcome: 'no-offence', decidedOn: '2001-01-01' })).statusCode).toBe(200);
  });

  it('leaves the reporter’s page as it was: the note is staff’s, under an unchanged status', async () => {
    const filed = (await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: validReport() })).json();
    const today = localDay(new Date(), 'Asia/Almaty');
    expect((await put(filed.id, { outcome: 'suspended-no-suspect', decidedOn: today })).statusCode).toBe(200);
    const page = (await t.app.inject({ method: 'GET', url: `/api/v1/reports/${filed.trackingCode}?lang=en` })).json();
    expect(page.timeline.map((s: { status: string }) => s.status)).toEqual(['new']);
    expect(page.updatedAt).toBe(page.createdAt);
    expect(JSON.stringify(page)).not.toMatch(/outcome|suspended/);
  });

  it('lets a supervisor record it too', async () => {
    const supervisor = await createStaff(t, ['supervisor'], { level: 'region', regionId: ALMATY });
    const id = await insertQueuedIncident(t, ALMATY, { status: 'closed' });
    expect((await put(id, COURT, { cookie: supervisor.cookie })).statusCode).toBe(200);
  });
});

describe('PUT /api/v1/incidents/:id/outcome refusals, each changing nothing', () => {
  async function expectUnchanged(id: string) {
    expect(await stored(id)).toEqual({ investigation_outcome: null, outcome_decided_on: null });
    expect(await written(id)).toEqual({ timeline: [], audit: [], events: [] });
  }

  it('asks a caller who is not signed in to sign in (401) and refuses a role without access (403)', async () => {
    const id = await insertQueuedIncident(t, ALMATY, { status: 'closed' });
    expect((await put(id, COURT, {})).statusCode).toBe(401);
    for (const role of ['officer', 'analyst'] as const) {
      const other = await createStaff(t, [role], { level: 'region', regionId: ALMATY });
      expect((await put(id, COURT, { cookie: other.cookie })).statusCode).toBe(403);
    }
    await expectUnchanged(id);
  });

  it('answers 404 for an incident outside the operator’s jurisdiction', async () => {
    const id = await insertQueuedIncident(t, ASTANA, { status: 'closed' });
    const response = await put(id, COURT);
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('incident.not_found');
    await expectUnchanged(id);
  });

  it('refuses an incident that is no crime (409), in the caller’s language', async () => {
    const id = await insertQueuedIncident(t, ALMATY, { status: 'closed' });
    await sql`update incidents set category = 'noise' where id = ${id}`.execute(t.database.db);
    const response = await put(id, COURT, { cookie: operator.cookie }, '?lang=kk');
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'incident.outcome_not_a_crime',
      title: 'Тергеу нәтижесі тек қылмыс санатындағы оқиғаға жазылады',
    });
    await expectUnchanged(id);
  });

  it('refuses a merged incident and a cancelled one (409)', async () => {
    const merged = await insertQueuedIncident(t, ALMATY, { status: 'merged' });
    const response = await put(merged, COURT, { cookie: operator.cookie }, '?lang=en');
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'incident.outcome_merged', title: expect.stringContaining('merged into') });
    await expectUnchanged(merged);
    const cancelled = await insertQueuedIncident(t, ALMATY, { status: 'cancelled' });
    const refused = await put(cancelled, COURT);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('incident.outcome_cancelled');
    await expectUnchanged(cancelled);
  });

  it('refuses a day in the future and one before the offence, in the caller’s language (400)', async () => {
    const id = await insertQueuedIncident(t, ALMATY, { status: 'closed' });
    const tomorrow = addDays(localDay(new Date(), 'Asia/Almaty'), 1);
    const future = await put(id, { outcome: 'sent-to-court', decidedOn: tomorrow }, { cookie: operator.cookie }, '?lang=ru');
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ code: 'incident.outcome_in_future', title: 'Дата решения не может быть в будущем' });
    const early = await put(id, { outcome: 'sent-to-court', decidedOn: '2000-12-31' }, { cookie: operator.cookie }, '?lang=en');
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({
      code: 'incident.outcome_before_occurred',
      title: 'The day of the decision cannot be before the day the incident occurred',
    });
    await expectUnchanged(id);
  });

  it('refuses an outcome without its day and a day without an outcome, and what is not in the list (400)', async () => {
    const id = await insertQueuedIncident(t, ALMATY, { status: 'closed' });
    const ru = { cookie: operator.cookie };
    for (const half of [
      { outcome: 'sent-to-court', decidedOn: null },
      { outcome: null, decidedOn: '2001-03-15' },
    ]) {
      const response = await put(id, half, ru, '?lang=ru');
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'incident.outcome_incomplete',
        title: 'Укажите итог вместе с датой решения или оставьте пустыми оба',
      });
    }
    for (const bad of [
      { outcome: 'solved', decidedOn: '2001-03-15' },
      { outcome: 'sent-to-court', decidedOn: '2001-02-30' },
      { outcome: 'sent-to-court', decidedOn: '15.03.2001' },
      { outcome: 'sent-to-court' },
      { ...COURT, note: 'Суд Медеуского района' },
    ]) {
      const response = await put(id, bad, ru, '?lang=ru');
      expect(response.statusCode, JSON.stringify(bad)).toBe(400);
      expect(response.json().code).toBe('request.invalid');
    }
    await expectUnchanged(id);
  });
});

it('documents the route in OpenAPI', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  const route = doc.paths['/api/v1/incidents/{id}/outcome'].put;
  expect(route.tags).toEqual(['incidents']);
  expect(route.summary).toMatch(/investigation/);
});
