import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../http/access.js';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { actionIn, ALMATY, ASTANA, BREAK_GLASS_REASON, caseIn, send, staffIn } from '../../test/prevention-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

const REASON = BREAK_GLASS_REASON;

function get(staff: TestStaff, url: string) {
  return t.app.inject({ method: 'GET', url, headers: { cookie: staff.cookie } });
}

function breakGlass(staff: TestStaff, caseId: string, reason: string) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/prevention/cases/${caseId}/break-glass`,
    headers: { cookie: staff.cookie },
    payload: { reason },
  });
}

async function freshSession(app: TestApp, userId: string, now: Date): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await app.database.db
    .insertInto('sessions')
    .values({
      id: crypto.createHash('sha256').update(token).digest('hex'),
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      ip: '127.0.0.1',
      user_agent: 'test',
    })
    .execute();
  return `${SESSION_COOKIE}=${token}`;
}

async function auditActions(caseId: string, actorId: string) {
  const rows = await sql<{ action: string; details: Record<string, unknown> }>`
    select action, details from audit_inbox where target_id = ${caseId} and actor_id = ${actorId}
    union all select action, details from audit_log where target_id = ${caseId} and actor_id = ${actorId}`.execute(t.database.db);
  return rows.rows;
}

describe('the case team and break-glass reads', () => {
  it('lets the officer who opened the case, an added member and the beat’s inspector read it', async () => {
    const created = await caseIn(t, ALMATY);
    expect((await get(created.officer, `/api/v1/prevention/cases/${created.id}`)).json().access).toBe('team');
    const member = await staffIn(t, ALMATY, ['officer']);
    expect((await get(member, `/api/v1/prevention/cases/${created.id}`)).statusCode).toBe(403);
    await send(t, created.officer, {
      method: 'POST',
      url: `/api/v1/prevention/cases/${created.id}/team`,
      payload: { userId: member.id },
    });
    const asMember = await get(member, `/api/v1/prevention/cases/${created.id}`);
    expect(asMember.statusCode).toBe(200);
    expect(asMember.json().people[0].name).toBe('Test Victim');
    const view = asMember.json() as { districtId: string; beatId: string };
    const inspector = await createStaff(t, ['officer'], {
      level: 'beat',
      regionId: ALMATY,
      districtId: view.districtId,
      beatId: view.beatId,
    });
    expect((await get(inspector, `/api/v1/prevention/cases/${created.id}`)).json().access).toBe('team');
  });

  it('refuses an officer outside the team with a problem that says the glass must be broken', async () => {
    const created = await caseIn(t, ALMATY);
    const outsider = await staffIn(t, ALMATY, ['officer']);
    const response = await get(outsider, `/api/v1/prevention/cases/${created.id}?lang=en`);
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'prevention.break_glass_required', caseId: created.id });
    expect(response.json().title).toMatch(/break the glass/);
    expect(response.body).not.toContain('Test Victim');
    const trend = await get(outsider, `/api/v1/prevention/cases/${created.id}/assessments`);
    expect(trend.statusCode).toBe(403);
  });

  it('opens the case to an outsider who gives a reason, audits it as its own action and shows it to the team', async () => {
    const created = await caseIn(t, ALMATY);
    const outsider = await staffIn(t, ALMATY, ['officer']);
    const short = await breakGlass(outsider, created.id, 'because');
    expect(short.statusCode).toBe(400);
    const opened = await breakGlass(outsider, created.id, REASON);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ access: 'break-glass', people: [expect.objectContaining({ name: 'Test Victim' })] });
    // The glass stays broken for a while: the next read needs no second reason.
    expect((await get(outsider, `/api/v1/prevention/cases/${created.id}`)).statusCode).toBe(200);
    const audit = await auditActions(created.id, outsider.id);
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'prevention.case.break_glass', details: expect.objectContaining({ reason: REASON }) }),
    );
    expect(audit.filter((e) => e.action === 'prevention.case.read').map((e) => e.details.access)).toEqual([
      'break-glass',
      'break-glass',
    ]);
    const log = await send(t, created.officer, { method: 'GET', url: `/api/v1/prevention/cases/${created.id}/break-glass` });
    expect(log).toEqual([expect.objectContaining({ userId: outsider.id, username: outsider.username, reason: REASON })]);
    const supervisor = await staffIn(t, ALMATY, ['supervisor']);
    expect((await get(supervisor, `/api/v1/prevention/cases/${created.id}/break-glass`)).statusCode).toBe(200);
    // The responsible officer and the area's supervisors are alerted, by case number only.
    const alerts = async (staff: TestStaff) =>
      (
        (await send(t, staff, { method: 'GET', url: '/api/v1/prevention/reminders?limit=500' })).items as Record<
          string,
          unknown
        >[]
      ).filter((r) => r.kind === 'break-glass' && r.caseId === created.id);
    expect(await alerts(created.officer)).toHaveLength(1);
    expect(await alerts(supervisor)).toHaveLength(1);
    expect(await alerts(outsider)).toHaveLength(0);
    expect(JSON.stringify(await alerts(supervisor))).not.toContain('need the order');
    // The reader who broke the glass does not see who else did.
    const own = await get(outsider, `/api/v1/prevention/cases/${created.id}/break-glass`);
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('prevention.case_team_only');
    const stored = await sql`select * from dv_case_break_glass where case_id = ${created.id}`.execute(t.database.db);
    expect(JSON.stringify(stored.rows)).not.toContain('need the order');
  });

  it('keeps the glass broken for an hour only', async () => {
    let now = new Date();
    const clocked = await buildTestApp({ clock: () => now });
    try {
      const created = await caseIn(clocked, ALMATY);
      const outsider = await staffIn(clocked, ALMATY, ['officer']);
      const opened = await clocked.app.inject({
        method: 'POST',
        url: `/api/v1/prevention/cases/${created.id}/break-glass`,
        headers: { cookie: outsider.cookie },
        payload: { reason: REASON },
      });
      expect(opened.statusCode).toBe(200);
      now = new Date(now.getTime() + 61 * 60_000);
      // A new session an hour later: the first one has idled out by then.
      const later = await clocked.app.inject({
        method: 'GET',
        url: `/api/v1/prevention/cases/${created.id}`,
        headers: { cookie: await freshSession(clocked, outsider.id, now) },
      });
      expect(later.statusCode).toBe(403);
    } finally {
      await clocked.app.close();
    }
  });

  it('hides a case of another region even from an officer who gives a reason', async () => {
    const created = await caseIn(t, ALMATY);
    const stranger = await staffIn(t, ASTANA, ['officer']);
    expect((await get(stranger, `/api/v1/prevention/cases/${created.id}`)).statusCode).toBe(404);
    const response = await breakGlass(stranger, created.id, REASON);
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('prevention.case_not_found');
  });

  it('lets prosecutors of the area read, and a partner only with an action of their agency on the case', async () => {
    const withAction = await actionIn(t, ALMATY, 'crisis-centre');
    const prosecutor = await staffIn(t, ALMATY, ['prosecutor']);
    expect((await get(prosecutor, `/api/v1/prevention/cases/${withAction.id}`)).json().access).toBe('oversight');
    const admin = await createStaff(t, ['admin'], { level: 'country' });
    const partner = await staffIn(t, ALMATY, ['partner']);
    const other = await staffIn(t, ALMATY, ['partner']);
    for (const [user, agency] of [
      [partner, 'crisis-centre'],
      [other, 'health'],
    ] as const) {
      await send(t, admin, { method: 'PUT', url: `/api/v1/prevention/partner-agencies/${user.id}`, payload: { agency } });
    }
    const seen = await get(partner, `/api/v1/prevention/cases/${withAction.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().actions).toEqual([expect.objectContaining({ agency: 'crisis-centre' })]);
    expect((await get(other, `/api/v1/prevention/cases/${withAction.id}`)).statusCode).toBe(403);
    expect((await breakGlass(other, withAction.id, REASON)).statusCode).toBe(403);
  });

  it('lists only the caller’s team’s cases with mine=true', async () => {
    const officer = await staffIn(t, ALMATY, ['officer']);
    const own = await caseIn(t, ALMATY, officer);
    const foreign = await caseIn(t, ALMATY);
    const list = await send(t, officer, { method: 'GET', url: '/api/v1/prevention/cases?mine=true&limit=500' });
    const ids = (list.items as { id: string }[]).map((c) => c.id);
    expect(ids).toContain(own.id);
    expect(ids).not.toContain(foreign.id);
  });

  it('refuses to add an unknown user to the team, and an outsider cannot add themselves', async () => {
    const created = await caseIn(t, ALMATY);
    const unknown = await t.app.inject({
      method: 'POST',
      url: `/api/v1/prevention/cases/${created.id}/team`,
      headers: { cookie: created.officer.cookie },
      payload: { userId: crypto.randomUUID() },
    });
    expect(unknown.statusCode).toBe(404);
    const outsider = await staffIn(t, ALMATY, ['officer']);
    const self = await t.app.inject({
      method: 'POST',
      url: `/api/v1/prevention/cases/${created.id}/team`,
      headers: { cookie: outsider.cookie },
      payload: { userId: outsider.id },
    });
    expect(self.statusCode).toBe(403);
  });
});
