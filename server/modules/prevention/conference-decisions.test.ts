import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { ALMATY, ASTANA, conferenceIn, referredCaseIn, send, staffIn } from '../../test/prevention-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

function call(staff: TestStaff, method: 'GET' | 'PUT' | 'POST', url: string, payload?: Record<string, unknown>) {
  return t.app.inject({
    method,
    url: `${url}${url.includes('?') ? '&' : '?'}lang=en`,
    headers: { cookie: staff.cookie },
    payload,
  });
}

const DECISION = 'Safety plan agreed; the crisis centre offers a place tonight';

describe('what a risk conference decided', () => {
  it('lists the cases due for the next conference, and not those already heard', async () => {
    const heard = await conferenceIn(t, ALMATY);
    const due = await referredCaseIn(t, ALMATY);
    const page = await send(t, heard.supervisor, { method: 'GET', url: '/api/v1/prevention/referrals?waiting=true&limit=500' });
    const ids = (page.items as { id: string; conferenceId: string | null }[]).map((r) => r.id);
    expect(ids).toContain(due.referralId);
    expect(ids).not.toContain(heard.referralId);
  });

  it('lists the conferences of the caller’s area with their agenda size, and hides another region’s', async () => {
    const here = await conferenceIn(t, ALMATY);
    const there = await conferenceIn(t, ASTANA);
    const page = await send(t, here.supervisor, { method: 'GET', url: '/api/v1/prevention/conferences?limit=500' });
    const items = page.items as { id: string; agendaCount: number; attended: unknown }[];
    expect(items.find((c) => c.id === here.conferenceId)).toMatchObject({ agendaCount: expect.any(Number), attended: null });
    expect(items.find((c) => c.id === here.conferenceId)!.agendaCount).toBeGreaterThanOrEqual(1);
    expect(items.map((c) => c.id)).not.toContain(there.conferenceId);
  });

  it('records attendance once, among the invited agencies only; a change is a correction with a reason', async () => {
    const c = await conferenceIn(t, ALMATY);
    const url = `/api/v1/prevention/conferences/${c.conferenceId}/attendance`;
    const uninvited = await call(c.supervisor, 'PUT', url, { attended: ['police', 'education'] });
    expect(uninvited.statusCode).toBe(422);
    expect(uninvited.json().code).toBe('prevention.agency_not_participating');
    const unknown = await call(c.supervisor, 'PUT', url, { attended: ['army'] });
    expect(unknown.statusCode).toBe(400);
    const before = await send(t, c.supervisor, { method: 'GET', url: `/api/v1/prevention/conferences/${c.conferenceId}` });
    expect(before.attended).toBeNull();

    const corrections = `${url}/corrections`;
    const early = await call(c.supervisor, 'POST', corrections, { attended: ['police'], reason: 'The list was wrong' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('prevention.attendance_not_recorded');

    expect((await call(c.supervisor, 'PUT', url, { attended: ['health', 'police'] })).json().attended).toEqual([
      'police',
      'health',
    ]);
    const twice = await call(c.supervisor, 'PUT', url, { attended: ['crisis-centre'] });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('prevention.attendance_already_recorded');

    expect((await call(c.supervisor, 'POST', corrections, { attended: ['crisis-centre'] })).statusCode).toBe(400);
    const uninvitedFix = await call(c.supervisor, 'POST', corrections, {
      attended: ['education'],
      reason: 'Education came late',
    });
    expect(uninvitedFix.statusCode).toBe(422);
    const corrected = await call(c.supervisor, 'POST', corrections, {
      attended: ['crisis-centre', 'police'],
      reason: 'Health left before the start; the crisis centre signed in late',
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({
      attended: ['police', 'crisis-centre'],
      attendanceCorrections: [
        {
          previous: ['police', 'health'],
          attended: ['police', 'crisis-centre'],
          reason: 'Health left before the start; the crisis centre signed in late',
        },
      ],
    });
    const stored =
      await sql`select * from risk_conference_attendance_corrections where conference_id = ${c.conferenceId}`.execute(
        t.database.db,
      );
    expect(JSON.stringify(stored.rows)).not.toContain('signed in late');
    const audit = await sql<{ action: string }>`
      select action from audit_inbox where target_id = ${c.conferenceId}
      union all select action from audit_log where target_id = ${c.conferenceId}`.execute(t.database.db);
    expect(audit.rows.map((r) => r.action)).toContain('prevention.conference.attendance_correct');
  });

  it('amends a decision with a reason, keeping the text it replaced, on the case timeline and audited', async () => {
    const c = await conferenceIn(t, ALMATY);
    const recorded = await call(c.supervisor, 'POST', `/api/v1/prevention/conferences/${c.conferenceId}/decisions`, {
      caseId: c.id,
      decision: DECISION,
    });
    const decisionId = (recorded.json().decisions as { id: string }[])[0]!.id;
    const url = `/api/v1/prevention/conferences/${c.conferenceId}/decisions/${decisionId}/amendments`;
    const amended = 'Safety plan agreed; the victim goes to her sister, not the crisis centre';
    expect((await call(c.supervisor, 'POST', url, { decision: amended })).statusCode).toBe(400);
    expect((await call(c.supervisor, 'POST', url, { decision: amended, reason: '  ' })).statusCode).toBe(400);
    const missing = await call(
      c.supervisor,
      'POST',
      `/api/v1/prevention/conferences/${c.conferenceId}/decisions/${c.id}/amendments`,
      {
        decision: amended,
        reason: 'The minutes were corrected',
      },
    );
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('prevention.decision_not_found');

    const response = await call(c.supervisor, 'POST', url, {
      decision: amended,
      reason: 'The minutes were corrected by the chair',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().decisions).toEqual([
      expect.objectContaining({
        id: decisionId,
        decision: amended,
        amendedAt: expect.any(String),
        history: [expect.objectContaining({ previousDecision: DECISION, reason: 'The minutes were corrected by the chair' })],
      }),
    ]);
    const stored = await sql`select * from risk_conference_decision_amendments where decision_id = ${decisionId}`.execute(
      t.database.db,
    );
    expect(JSON.stringify(stored.rows)).not.toMatch(/crisis centre offers|corrected by the chair/);
    const file = await send(t, c.officer, { method: 'GET', url: `/api/v1/prevention/cases/${c.id}` });
    expect((file.timeline as { kind: string }[]).map((e) => e.kind)).toContain('conference.decision_amended');
    const audit = await sql<{ action: string }>`
      select action from audit_inbox where target_id = ${c.conferenceId}
      union all select action from audit_log where target_id = ${c.conferenceId}`.execute(t.database.db);
    expect(audit.rows.map((r) => r.action)).toContain('prevention.conference.decision_amend');
  });

  it('records a decision for a case on the agenda, sealed at rest and noted on the case', async () => {
    const c = await conferenceIn(t, ALMATY);
    const url = `/api/v1/prevention/conferences/${c.conferenceId}/decisions`;
    const other = await referredCaseIn(t, ALMATY);
    const offAgenda = await call(c.supervisor, 'POST', url, { caseId: other.id, decision: DECISION });
    expect(offAgenda.statusCode).toBe(422);
    expect(offAgenda.json().code).toBe('prevention.case_not_on_agenda');
    const blank = await call(c.supervisor, 'POST', url, { caseId: c.id, decision: '   ' });
    expect(blank.statusCode).toBe(400);

    const recorded = await call(c.supervisor, 'POST', url, { caseId: c.id, decision: DECISION });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json().decisions).toEqual([expect.objectContaining({ caseId: c.id, decision: DECISION })]);
    const stored = await sql`select * from risk_conference_decisions where conference_id = ${c.conferenceId}`.execute(
      t.database.db,
    );
    expect(stored.rows).toHaveLength(1);
    expect(JSON.stringify(stored.rows)).not.toContain('crisis centre offers');
    const file = await send(t, c.officer, { method: 'GET', url: `/api/v1/prevention/cases/${c.id}` });
    expect((file.timeline as { kind: string }[]).map((e) => e.kind)).toContain('conference.decision');
    const audit = await sql<{ action: string }>`
      select action from audit_inbox where target_id = ${c.conferenceId} and actor_id = ${c.supervisor.id}
      union all select action from audit_log where target_id = ${c.conferenceId} and actor_id = ${c.supervisor.id}`.execute(
      t.database.db,
    );
    expect(audit.rows.map((r) => r.action)).toContain('prevention.conference.decision');
  });

  it('refuses a beat inspector, a partner, and a supervisor of another region', async () => {
    const c = await conferenceIn(t, ALMATY);
    const view = await send(t, c.officer, { method: 'GET', url: `/api/v1/prevention/cases/${c.id}` });
    const inspector = await createStaff(t, ['officer'], {
      level: 'beat',
      regionId: ALMATY,
      districtId: view.districtId as string,
      beatId: view.beatId as string,
    });
    const partner = await staffIn(t, ALMATY, ['partner']);
    const stranger = await staffIn(t, ASTANA, ['supervisor']);
    const attendance = `/api/v1/prevention/conferences/${c.conferenceId}/attendance`;
    const decisions = `/api/v1/prevention/conferences/${c.conferenceId}/decisions`;
    for (const staff of [inspector, partner]) {
      expect((await call(staff, 'PUT', attendance, { attended: ['police'] })).statusCode).toBe(403);
      expect((await call(staff, 'POST', decisions, { caseId: c.id, decision: DECISION })).statusCode).toBe(403);
      expect((await call(staff, 'GET', '/api/v1/prevention/conferences')).statusCode).toBe(403);
    }
    expect((await call(stranger, 'PUT', attendance, { attended: ['police'] })).statusCode).toBe(404);
    expect((await call(stranger, 'POST', decisions, { caseId: c.id, decision: DECISION })).statusCode).toBe(404);
    const decided = await call(c.supervisor, 'POST', decisions, { caseId: c.id, decision: DECISION });
    const decisionId = (decided.json().decisions as { id: string }[])[0]!.id;
    const amend = { decision: 'Amended text', reason: 'The minutes were corrected' };
    const correction = { attended: ['police'], reason: 'The minutes were corrected' };
    for (const staff of [inspector, partner]) {
      expect((await call(staff, 'POST', `${decisions}/${decisionId}/amendments`, amend)).statusCode).toBe(403);
      expect((await call(staff, 'POST', `${attendance}/corrections`, correction)).statusCode).toBe(403);
    }
    expect((await call(stranger, 'POST', `${decisions}/${decisionId}/amendments`, amend)).statusCode).toBe(404);
    expect((await call(stranger, 'POST', `${attendance}/corrections`, correction)).statusCode).toBe(404);
    const after = await send(t, c.supervisor, { method: 'GET', url: `/api/v1/prevention/conferences/${c.conferenceId}` });
    expect(after).toMatchObject({ attended: null, decisions: [expect.objectContaining({ decision: DECISION, history: [] })] });
  });
});
