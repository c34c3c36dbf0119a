import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { actionIn, ALMATY, conferenceIn, send, staffIn } from '../../test/prevention-fixtures.js';

let t: TestApp;
let admin: TestStaff;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await createStaff(t, ['admin'], { level: 'country' });
});
afterAll(async () => {
  await t.app.close();
});

async function partnerOf(agency: string | null): Promise<TestStaff> {
  const partner = await staffIn(t, ALMATY, ['partner']);
  if (agency)
    await send(t, admin, { method: 'PUT', url: `/api/v1/prevention/partner-agencies/${partner.id}`, payload: { agency } });
  return partner;
}

describe('risk conferences and safety plans', () => {
  it('puts the district’s waiting referrals on a new conference’s agenda', async () => {
    const conference = await conferenceIn(t, ALMATY);
    const view = await send(t, conference.supervisor, {
      method: 'GET',
      url: `/api/v1/prevention/conferences/${conference.conferenceId}`,
    });
    expect((view.agenda as { id: string }[]).map((r) => r.id)).toContain(conference.referralId);
    expect(view.agencies).toEqual(['police', 'crisis-centre', 'health']);
  });

  it('says which agenda cases were closed since they were put on it, and again when one is reopened', async () => {
    const conference = await conferenceIn(t, ALMATY);
    const agendaEntry = async () => {
      const view = await send(t, conference.supervisor, {
        method: 'GET',
        url: `/api/v1/prevention/conferences/${conference.conferenceId}`,
      });
      return (view.agenda as { caseId: string; caseClosed: boolean }[]).find((r) => r.caseId === conference.id);
    };
    expect(await agendaEntry()).toMatchObject({ caseClosed: false });
    const caseUrl = `/api/v1/prevention/cases/${conference.id}`;
    await send(t, conference.officer, {
      method: 'POST',
      url: `${caseUrl}/close`,
      payload: { outcome: 'risk-reduced', reason: 'Risk reduced; victim safe with her family', confirmOpenItems: true },
    });
    // Still on the agenda (the referral was heard there), but marked closed.
    expect(await agendaEntry()).toMatchObject({ caseClosed: true });
    await send(t, conference.officer, {
      method: 'POST',
      url: `${caseUrl}/reopen`,
      payload: { reason: 'New call-out to the home' },
    });
    expect(await agendaEntry()).toMatchObject({ caseClosed: false });
  });

  it('assigns actions only to participating agencies and for cases on the agenda', async () => {
    const conference = await conferenceIn(t, ALMATY);
    const url = `/api/v1/prevention/conferences/${conference.conferenceId}/actions`;
    const dueAt = new Date(Date.now() + 86_400_000).toISOString();
    const wrongAgency = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: conference.supervisor.cookie },
      payload: { caseId: conference.id, agency: 'education', description: 'Talk to the school', dueAt },
    });
    expect(wrongAgency.json().code).toBe('prevention.agency_not_participating');
    const wrongCase = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: conference.supervisor.cookie },
      payload: { caseId: crypto.randomUUID(), agency: 'health', description: 'Visit', dueAt },
    });
    expect(wrongCase.json().code).toBe('prevention.case_not_on_agenda');
  });

  it('lists overdue actions: open and past their deadline', async () => {
    const overdue = await actionIn(t, ALMATY, 'health', new Date(Date.now() - 3_600_000));
    const onTime = await actionIn(t, ALMATY, 'health', new Date(Date.now() + 86_400_000));
    const page = await send(t, overdue.supervisor, { method: 'GET', url: '/api/v1/prevention/actions?overdue=true&limit=500' });
    const ids = (page.items as { id: string; isOverdue: boolean }[]).map((a) => a.id);
    expect(ids).toContain(overdue.actionId);
    expect(ids).not.toContain(onTime.actionId);
  });

  it('shows a partner only their agency’s actions, audits the read and lets them complete one', async () => {
    const action = await actionIn(t, ALMATY, 'crisis-centre');
    const other = await actionIn(t, ALMATY, 'health');
    const partner = await partnerOf('crisis-centre');
    const page = await send(t, partner, { method: 'GET', url: '/api/v1/prevention/partner/actions?limit=500' });
    const items = page.items as { id: string; agency: string; description: string }[];
    expect(items.map((a) => a.id)).toContain(action.actionId);
    expect(items.map((a) => a.id)).not.toContain(other.actionId);
    expect(new Set(items.map((a) => a.agency))).toEqual(new Set(['crisis-centre']));
    expect(items.find((a) => a.id === action.actionId)?.description).toBe('Offer a place in the centre');
    const reads = await sql<{ actor_id: string }>`
      select actor_id from audit_inbox where action = 'prevention.action.read' and target_id = ${action.actionId}`.execute(
      t.database.db,
    );
    expect(reads.rows.map((r) => r.actor_id)).toContain(partner.id);

    const done = await send(t, partner, {
      method: 'POST',
      url: `/api/v1/prevention/partner/actions/${action.actionId}/complete`,
    });
    expect(done.completedAt).not.toBeNull();
  });

  it('refuses a partner of another agency, and one with no agency at all', async () => {
    const action = await actionIn(t, ALMATY, 'crisis-centre');
    const health = await partnerOf('health');
    const complete = await t.app.inject({
      method: 'POST',
      url: `/api/v1/prevention/partner/actions/${action.actionId}/complete`,
      headers: { cookie: health.cookie },
    });
    expect(complete.statusCode).toBe(404);
    const page = await send(t, health, { method: 'GET', url: '/api/v1/prevention/partner/actions?limit=500' });
    expect((page.items as { id: string }[]).map((a) => a.id)).not.toContain(action.actionId);

    const unassigned = await partnerOf(null);
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/v1/prevention/partner/actions',
      headers: { cookie: unassigned.cookie },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('prevention.partner_without_agency');
  });

  it('lets a partner read a case only through an action of their agency on it', async () => {
    const action = await actionIn(t, ALMATY, 'crisis-centre');
    const read = (cookie: string) =>
      t.app.inject({ method: 'GET', url: `/api/v1/prevention/cases/${action.id}`, headers: { cookie } });
    expect((await read((await partnerOf('crisis-centre')).cookie)).statusCode).toBe(200);
    // Another agency learns the case exists (its masked summary), never what is in it.
    const ngo = await read((await partnerOf('ngo')).cookie);
    expect(ngo.statusCode).toBe(403);
    expect(ngo.json().code).toBe('prevention.case_team_only');
    expect(ngo.body).not.toContain('Test Victim');
  });
});
