import crypto from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../../http/errors.js';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { ALMATY, LEGAL_BASIS, answers, referredCaseIn, send, staffIn } from '../../test/prevention-fixtures.js';
import { enrolmentIn } from '../../test/programme-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

const P = '/api/v1/prevention';
const CLOSE = { outcome: 'risk-reduced', reason: 'Risk reduced; victim safe with her family', confirmOpenItems: true };
const REOPEN = { reason: 'New call-out to the home last night' };
const today = () => new Date().toISOString().slice(0, 10);

/**
 * A case with something of every kind on it: an aggressor in a court-ordered programme, a risk
 * conference with its decision and a safety-plan action, and a second officer to add to the team.
 */
async function busyCase() {
  const e = await enrolmentIn(t, ALMATY);
  await send(t, e.officer, {
    method: 'POST',
    url: `${P}/cases/${e.caseId}/assessments`,
    payload: { answers: answers(14), reason: 'initial' },
  });
  const file = await send(t, e.officer, { method: 'GET', url: `${P}/cases/${e.caseId}` });
  const supervisor = await staffIn(t, ALMATY, ['supervisor']);
  const conference = await send(t, supervisor, {
    method: 'POST',
    url: `${P}/conferences`,
    payload: {
      districtId: file.districtId,
      scheduledAt: new Date().toISOString(),
      agencies: ['police', 'crisis-centre', 'health'],
    },
  });
  const conferenceId = conference.id as string;
  const decided = await send(t, supervisor, {
    method: 'POST',
    url: `${P}/conferences/${conferenceId}/decisions`,
    payload: { caseId: e.caseId, decision: 'Safety plan agreed' },
  });
  const decisionId = (decided.decisions as { id: string; caseId: string }[]).find((d) => d.caseId === e.caseId)!.id;
  const action = await send(t, supervisor, {
    method: 'POST',
    url: `${P}/conferences/${conferenceId}/actions`,
    payload: {
      caseId: e.caseId,
      agency: 'crisis-centre',
      description: 'Offer a place',
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
    },
  });
  const colleague = await staffIn(t, ALMATY, ['officer']);
  return { ...e, supervisor, conferenceId, decisionId, actionId: action.id as string, colleagueId: colleague.id };
}
type Busy = Awaited<ReturnType<typeof busyCase>>;

/** Every route that changes a case or what belongs to it, with a request that succeeds on an open case. */
const GUARDED: Record<string, (c: Busy) => InjectOptions> = {
  'POST /api/v1/prevention/cases/:id/people': (c) => ({
    method: 'POST',
    url: `${P}/cases/${c.caseId}/people`,
    payload: { role: 'child', name: 'Test Child' },
  }),
  'POST /api/v1/prevention/cases/:id/incidents': (c) => ({
    method: 'POST',
    url: `${P}/cases/${c.caseId}/incidents`,
    payload: { incidentId: crypto.randomUUID(), occurredAt: new Date().toISOString() },
  }),
  'POST /api/v1/prevention/cases/:id/assessments': (c) => ({
    method: 'POST',
    url: `${P}/cases/${c.caseId}/assessments`,
    payload: { answers: answers(3), reason: 'review' },
  }),
  'POST /api/v1/prevention/cases/:id/orders': (c) => ({
    method: 'POST',
    url: `${P}/cases/${c.caseId}/orders`,
    payload: { kind: 'police-protection', conditions: ['no-contact'], legalBasis: LEGAL_BASIS },
  }),
  'POST /api/v1/prevention/cases/:id/team': (c) => ({
    method: 'POST',
    url: `${P}/cases/${c.caseId}/team`,
    payload: { userId: c.colleagueId },
  }),
  'POST /api/v1/prevention/conferences/:id/decisions': (c) => ({
    method: 'POST',
    url: `${P}/conferences/${c.conferenceId}/decisions`,
    payload: { caseId: c.caseId, decision: 'Review in a month' },
  }),
  'POST /api/v1/prevention/conferences/:id/decisions/:decisionId/amendments': (c) => ({
    method: 'POST',
    url: `${P}/conferences/${c.conferenceId}/decisions/${c.decisionId}/amendments`,
    payload: { decision: 'Safety plan agreed; shelter offered', reason: 'The minutes left out the shelter offer' },
  }),
  'POST /api/v1/prevention/conferences/:id/actions': (c) => ({
    method: 'POST',
    url: `${P}/conferences/${c.conferenceId}/actions`,
    payload: {
      caseId: c.caseId,
      agency: 'health',
      description: 'Medical check',
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
    },
  }),
  'POST /api/v1/prevention/cases/:id/programmes': (c) => ({
    method: 'POST',
    url: `${P}/cases/${c.caseId}/programmes`,
    payload: { providerId: c.providerId, personId: c.aggressorId, basis: 'voluntary', sessionsPlanned: 4, missesAllowed: 1 },
  }),
  'POST /api/v1/prevention/programmes/:id/sessions': (c) => ({
    method: 'POST',
    url: `${P}/programmes/${c.enrolmentId}/sessions`,
    payload: { heldOn: today(), attended: true },
  }),
  'POST /api/v1/prevention/programmes/:id/end': (c) => ({
    method: 'POST',
    url: `${P}/programmes/${c.enrolmentId}/end`,
    payload: { status: 'completed', endedOn: today() },
  }),
};

/** Writes a closed case still takes, or that change no case; each reason is in case-write.ts. */
const NOT_GUARDED = [
  'POST /api/v1/prevention/cases',
  'POST /api/v1/prevention/cases/:id/close',
  'POST /api/v1/prevention/cases/:id/reopen',
  'POST /api/v1/prevention/cases/:id/outcomes',
  'POST /api/v1/prevention/cases/:id/break-glass',
  'POST /api/v1/prevention/orders/:id/violations',
  'POST /api/v1/prevention/partner/actions/:id/complete',
  'POST /api/v1/prevention/crisis-centres/:id/referrals',
  'POST /api/v1/prevention/crisis-referrals/:id/decision',
  // The conference's own record; a closed case's waiting referral stays off its agenda (tested below).
  'POST /api/v1/prevention/conferences',
  'PUT /api/v1/prevention/conferences/:id/attendance',
  'POST /api/v1/prevention/conferences/:id/attendance/corrections',
  // No case: reference data, people search, the preventive register.
  'PUT /api/v1/prevention/partner-agencies/:userId',
  'POST /api/v1/prevention/programme-providers',
  'POST /api/v1/prevention/crisis-centres',
  'PUT /api/v1/prevention/crisis-centres/:id/occupancy',
  'POST /api/v1/prevention/people/search',
  'POST /api/v1/prevention/register/entries',
  'POST /api/v1/prevention/register/entries/:id/contacts',
  'POST /api/v1/prevention/register/contacts/:id/outcome',
  'POST /api/v1/prevention/register/entries/:id/review',
  'POST /api/v1/prevention/register/entries/:id/responsibility',
];

/** Everything stored on the case: its row and the rows of every table that names it. */
async function stateOf(caseId: string) {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.columns
    where table_schema = 'public' and column_name = 'case_id' order by table_name`.execute(t.database.db);
  const counts: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    const n = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table_name)} where case_id = ${caseId}`.execute(
      t.database.db,
    );
    counts[table_name] = n.rows[0]!.n;
  }
  const row = await sql`select status, risk_grade, needs_reassessment, updated_at from dv_cases where id = ${caseId}`.execute(
    t.database.db,
  );
  const decisions = await sql`select decision_enc from risk_conference_decisions where case_id = ${caseId} order by id`.execute(
    t.database.db,
  );
  return { counts, row: row.rows[0], decisions: decisions.rows };
}

function as(staff: TestStaff, request: InjectOptions, lang?: string) {
  const url = lang ? `${request.url as string}?lang=${lang}` : (request.url as string);
  return t.app.inject({ ...request, url, headers: { cookie: staff.cookie } });
}

const close = (c: Busy) => send(t, c.officer, { method: 'POST', url: `${P}/cases/${c.caseId}/close`, payload: CLOSE });
const reopen = (c: Busy) => send(t, c.officer, { method: 'POST', url: `${P}/cases/${c.caseId}/reopen`, payload: REOPEN });

describe('a closed case', () => {
  it('classes every write route of the module as refused on a closed case or deliberately not', () => {
    const writes = t.routes
      .filter((r) => r.url.startsWith(`${P}/`) || r.url === `${P}`)
      .filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method))
      .map((r) => `${r.method} ${r.url}`);
    expect(new Set(writes)).toEqual(new Set([...Object.keys(GUARDED), ...NOT_GUARDED]));
  });

  it('refuses every change (409, in the caller’s language) and stores nothing; after a reopen each succeeds', async () => {
    const c = await busyCase();
    await close(c);
    const before = await stateOf(c.caseId);
    const langs = ['kk', 'ru', 'en'] as const;
    let i = 0;
    for (const [route, request] of Object.entries(GUARDED)) {
      const lang = langs[i++ % langs.length]!;
      const refused = await as(c.supervisor, request(c), lang);
      expect(refused.statusCode, route).toBe(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json(), route).toMatchObject({
        code: 'prevention.case_closed',
        title: ERRORS['prevention.case_closed'].title[lang],
      });
    }
    expect(await stateOf(c.caseId)).toEqual(before);

    await reopen(c);
    for (const [route, request] of Object.entries(GUARDED)) {
      const done = await as(c.supervisor, request(c));
      expect(done.statusCode, `${route}: ${done.body}`).toBeLessThan(300);
    }
  });

  it('refuses the case’s own officer too, not only oversight', async () => {
    const c = await busyCase();
    await close(c);
    const refused = await as(c.officer, GUARDED['POST /api/v1/prevention/cases/:id/assessments']!(c), 'ru');
    expect(refused.json()).toMatchObject({ code: 'prevention.case_closed', title: expect.stringContaining('возобновите') });
  });

  it('keeps a breach of an order still in force, marks the case for reassessment and says it is closed', async () => {
    const c = await busyCase();
    await close(c);
    const response = await as(c.officer, {
      method: 'POST',
      url: `${P}/orders/${c.orderId}/violations`,
      payload: { occurredAt: new Date().toISOString(), legalBasis: LEGAL_BASIS },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ caseClosed: true });
    const file = await send(t, c.officer, { method: 'GET', url: `${P}/cases/${c.caseId}` });
    expect(file).toMatchObject({ status: 'closed', needsReassessment: true });
    const timeline = file.timeline as { kind: string; details: Record<string, unknown> }[];
    expect(timeline.find((e) => e.kind === 'order.violated')?.details).toMatchObject({ caseClosed: true });
    const events =
      await sql`select 1 from domain_events where type = 'prevention.order-violated' and payload->>'caseId' = ${c.caseId}`.execute(
        t.database.db,
      );
    expect(events.rows).toHaveLength(1);
  });

  it('takes a follow-up outcome and a partner’s completed action', async () => {
    const c = await busyCase();
    await close(c);
    const outcome = await as(c.officer, {
      method: 'POST',
      url: `${P}/cases/${c.caseId}/outcomes`,
      payload: { kind: 'no-further-abuse', occurredAt: new Date().toISOString() },
    });
    expect(outcome.statusCode, outcome.body).toBe(201);
    const partner = await staffIn(t, ALMATY, ['partner']);
    const admin = await createStaff(t, ['admin'], { level: 'country' });
    await send(t, admin, { method: 'PUT', url: `${P}/partner-agencies/${partner.id}`, payload: { agency: 'crisis-centre' } });
    const done = await as(partner, { method: 'POST', url: `${P}/partner/actions/${c.actionId}/complete` });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().completedAt).toEqual(expect.any(String));
  });

  it('keeps its waiting referral off the due list and a new conference until it is reopened', async () => {
    const referred = await referredCaseIn(t, ALMATY);
    await send(t, referred.officer, { method: 'POST', url: `${P}/cases/${referred.id}/close`, payload: CLOSE });
    const supervisor = await staffIn(t, ALMATY, ['supervisor']);
    const call = () =>
      send(t, supervisor, {
        method: 'POST',
        url: `${P}/conferences`,
        payload: { districtId: referred.districtId, scheduledAt: new Date().toISOString(), agencies: ['police'] },
      });
    const agendaOf = (conference: Record<string, unknown>) => (conference.agenda as { caseId: string }[]).map((r) => r.caseId);
    const due = async () => {
      const page = await send(t, supervisor, { method: 'GET', url: `${P}/referrals?waiting=true&limit=500` });
      return (page.items as { caseId: string }[]).map((r) => r.caseId);
    };
    expect(await due()).not.toContain(referred.id);
    expect(agendaOf(await call())).not.toContain(referred.id);
    await send(t, referred.officer, { method: 'POST', url: `${P}/cases/${referred.id}/reopen`, payload: REOPEN });
    expect(await due()).toContain(referred.id);
    expect(agendaOf(await call())).toContain(referred.id);
  });
});
