import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { actionIn, ALMATY, ASTANA, BREAK_GLASS_REASON, caseRequest, send, staffIn } from '../../test/prevention-fixtures.js';
import { initialsOf } from './masked-case.js';

let t: TestApp;
let admin: TestStaff;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await createStaff(t, ['admin'], { level: 'country' });
});
afterAll(async () => {
  await t.app.close();
});

// A canary: none of it may reach an outsider, whichever way they ask.
const VICTIM = {
  role: 'victim',
  name: 'Canary Zhuldyz Maskedova',
  iin: '950101400012',
  address: 'Canary street 7',
  phone: '+77001112233',
};
const SECRETS = ['Canary', 'Zhuldyz', 'Maskedova', '950101400012', 'Canary street', '77001112233'];

async function sensitiveCase() {
  const officer = await staffIn(t, ALMATY, ['officer']);
  const body = await send(t, officer, caseRequest(ALMATY, [VICTIM, { role: 'aggressor', name: 'Canary Aggressor' }]));
  return { id: body.id as string, officer };
}

function get(staff: TestStaff, url: string) {
  return t.app.inject({ method: 'GET', url, headers: { cookie: staff.cookie } });
}

function expectNoSecrets(body: string) {
  for (const secret of SECRETS) expect(body).not.toContain(secret);
}

describe('the masked summary of a case', () => {
  it('takes initials from the first two words only', () => {
    expect(initialsOf('Әлия Демова (Демо)')).toBe('Ә. Д.');
    expect(initialsOf('  zhuldyz ')).toBe('Z.');
  });

  it('shows an officer outside the team the number, grade and initials, and offers the break-glass', async () => {
    const created = await sensitiveCase();
    const outsider = await staffIn(t, ALMATY, ['officer']);
    const full = await get(outsider, `/api/v1/prevention/cases/${created.id}`);
    expect(full.statusCode).toBe(403);
    expectNoSecrets(full.body);

    const masked = await get(outsider, `/api/v1/prevention/cases/${created.id}/masked`);
    expect(masked.statusCode).toBe(200);
    expectNoSecrets(masked.body);
    expect(masked.json()).toMatchObject({
      id: created.id,
      access: null,
      canBreakGlass: true,
      people: [
        { role: 'victim', initials: 'C. Z.' },
        { role: 'aggressor', initials: 'C. A.' },
      ],
    });
    expect(Object.keys(masked.json().people[0]).sort()).toEqual(['initials', 'role']);
    const audit = await sql<{ action: string }>`
      select action from audit_inbox where target_id = ${created.id} and actor_id = ${outsider.id}
      union all select action from audit_log where target_id = ${created.id} and actor_id = ${outsider.id}`.execute(
      t.database.db,
    );
    expect(audit.rows.map((r) => r.action)).toContain('prevention.case.masked_read');

    // After breaking the glass the same summary says the full file is open to them.
    await send(t, outsider, {
      method: 'POST',
      url: `/api/v1/prevention/cases/${created.id}/break-glass`,
      payload: { reason: BREAK_GLASS_REASON },
    });
    expect((await get(outsider, `/api/v1/prevention/cases/${created.id}/masked`)).json()).toMatchObject({
      access: 'break-glass',
      canBreakGlass: false,
    });
  });

  it('shows a partner whose agency has nothing on the case the mask, without a break-glass', async () => {
    const withAction = await actionIn(t, ALMATY, 'crisis-centre');
    const partner = await staffIn(t, ALMATY, ['partner']);
    await send(t, admin, { method: 'PUT', url: `/api/v1/prevention/partner-agencies/${partner.id}`, payload: { agency: 'ngo' } });
    const full = await get(partner, `/api/v1/prevention/cases/${withAction.id}?lang=en`);
    expect(full.statusCode).toBe(403);
    expect(full.json().code).toBe('prevention.case_team_only');
    expect(full.body).not.toContain('Test Victim');
    const masked = await get(partner, `/api/v1/prevention/cases/${withAction.id}/masked`);
    expect(masked.statusCode).toBe(200);
    expect(masked.body).not.toContain('Test Victim');
    expect(masked.json()).toMatchObject({ access: null, canBreakGlass: false, people: [{ role: 'victim', initials: 'T. V.' }] });
  });

  it('tells the team how they may open it, and refuses another region, an analyst and no session', async () => {
    const created = await sensitiveCase();
    expect((await get(created.officer, `/api/v1/prevention/cases/${created.id}/masked`)).json().access).toBe('team');
    const stranger = await staffIn(t, ASTANA, ['officer']);
    const hidden = await get(stranger, `/api/v1/prevention/cases/${created.id}/masked`);
    expect(hidden.statusCode).toBe(404);
    expectNoSecrets(hidden.body);
    const analyst = await createStaff(t, ['analyst'], { level: 'country' });
    expect((await get(analyst, `/api/v1/prevention/cases/${created.id}/masked`)).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/prevention/cases/${created.id}/masked` });
    expect(anonymous.statusCode).toBe(401);
  });
});
