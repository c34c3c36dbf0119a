import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { actionIn, ALMATY, caseIn, expiringOrderIn, send, staffIn } from '../../test/prevention-fixtures.js';
import { remindPrevention } from './reminders.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

const DAY = 86_400_000;

async function reminders(staff: TestStaff) {
  const page = await send(t, staff, { method: 'GET', url: '/api/v1/prevention/reminders?limit=500' });
  return page.items as { kind: string; itemId: string; day: string; caseNumber: string; dueAt: string }[];
}

async function partnerOf(agency: string) {
  const partner = await staffIn(t, ALMATY, ['partner']);
  const admin = await createStaff(t, ['admin'], { level: 'country' });
  await send(t, admin, { method: 'PUT', url: `/api/v1/prevention/partner-agencies/${partner.id}`, payload: { agency } });
  return partner;
}

describe('prevention reminders', () => {
  it('reminds the responsible officer of an order ending within the configured days, once a day', async () => {
    const now = new Date();
    const order = await expiringOrderIn(t, ALMATY, now);
    await remindPrevention(t.database.db, now, 1);
    expect((await reminders(order.officer)).map((r) => r.itemId)).not.toContain(order.orderId);
    await remindPrevention(t.database.db, now, 3);
    await remindPrevention(t.database.db, new Date(now.getTime() + 60_000), 3);
    const today = (await reminders(order.officer)).filter((r) => r.itemId === order.orderId);
    expect(today).toEqual([expect.objectContaining({ kind: 'order-expiring', day: now.toISOString().slice(0, 10) })]);
    await remindPrevention(t.database.db, new Date(now.getTime() + DAY), 3);
    expect((await reminders(order.officer)).filter((r) => r.itemId === order.orderId)).toHaveLength(2);
    const other = await staffIn(t, ALMATY, ['officer']);
    expect((await reminders(other)).map((r) => r.itemId)).not.toContain(order.orderId);
  });

  it('does not remind of an order that has already ended', async () => {
    const now = new Date();
    const order = await expiringOrderIn(t, ALMATY, now);
    await remindPrevention(t.database.db, new Date(now.getTime() + 3 * DAY), 3);
    expect((await reminders(order.officer)).map((r) => r.itemId)).not.toContain(order.orderId);
  });

  it('reminds the agency of an overdue safety-plan action until it is done, naming no one', async () => {
    const now = new Date();
    const action = await actionIn(t, ALMATY, 'health', new Date(now.getTime() - DAY));
    const health = await partnerOf('health');
    const crisis = await partnerOf('crisis-centre');
    await remindPrevention(t.database.db, now, 3);
    const page = await t.app.inject({
      method: 'GET',
      url: '/api/v1/prevention/reminders?limit=500',
      headers: { cookie: health.cookie },
    });
    const mine = (page.json().items as { itemId: string }[]).filter((r) => r.itemId === action.actionId);
    expect(mine).toEqual([expect.objectContaining({ kind: 'action-overdue', agency: 'health' })]);
    expect(page.body).not.toContain('Test Victim');
    expect(page.body).not.toContain('Offer a place');
    expect((await reminders(crisis)).map((r) => r.itemId)).not.toContain(action.actionId);
    expect((await reminders(action.supervisor)).map((r) => r.itemId)).toContain(action.actionId);
    await send(t, health, { method: 'POST', url: `/api/v1/prevention/partner/actions/${action.actionId}/complete` });
    await remindPrevention(t.database.db, new Date(now.getTime() + DAY), 3);
    expect((await reminders(health)).filter((r) => r.itemId === action.actionId)).toHaveLength(1);
  });

  it('stops reminding of an action left open when its case was closed', async () => {
    const now = new Date();
    const action = await actionIn(t, ALMATY, 'crisis-centre', new Date(now.getTime() - DAY));
    const crisis = await partnerOf('crisis-centre');
    const close = { outcome: 'victim-moved', reason: 'The family moved to another region', confirmOpenItems: true };
    await send(t, action.supervisor, { method: 'POST', url: `/api/v1/prevention/cases/${action.id}/close`, payload: close });
    await remindPrevention(t.database.db, now, 3);
    expect((await reminders(crisis)).map((r) => r.itemId)).not.toContain(action.actionId);
  });

  it('refuses an analyst and a caller without a session', async () => {
    await caseIn(t, ALMATY);
    const analyst = await createStaff(t, ['analyst'], { level: 'country' });
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/v1/prevention/reminders',
      headers: { cookie: analyst.cookie },
    });
    expect(refused.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/prevention/reminders' })).statusCode).toBe(401);
  });
});
