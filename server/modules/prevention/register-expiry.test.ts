import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { everyRowAsText } from '../../test/every-row.js';
import { ALMATY, send } from '../../test/prevention-fixtures.js';
import { daysFromToday, entryIn, today } from '../../test/register-fixtures.js';
import { expireRegisters } from './register-expiry.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

// Invented; the IIN passes its check digit.
const CANARY = {
  name: 'Тіркеубек Канареев Тестұлы',
  iin: '950101400012',
  phone: '+77017776655',
  address: 'Canarystrasse 17, flat 9',
  decision: 'Canary ruling 7-777/2026',
};
const CANARY_NOTE = 'Canary note: met his sister Canarina';
const CANARY_REASON = 'Canary reason for extension';
const SECRETS = [
  'Тіркеубек',
  'Канареев',
  CANARY.iin,
  '7017776655',
  'Canarystrasse',
  'Canary ruling',
  'Canarina',
  'Canary reason',
];

async function stored(id: string) {
  const row = await sql<Record<string, unknown>>`
    select status, close_reason, name_enc, iin_enc, iin_hash, address_enc, phone_enc, location_enc, decision_enc,
           kind, district_id, beat_id, start_date::text, end_date::text, review_flagged_on::text
    from prevention_register_entries where id = ${id}`.execute(t.database.db);
  return row.rows[0]!;
}

describe('the registers’ expiry job', () => {
  it('closes and anonymises an entry past its end day, keeping kind, days and place for statistics', async () => {
    const ended = await entryIn(t, ALMATY, undefined, {
      startDate: daysFromToday(-100),
      reviewDate: daysFromToday(-20),
      endDate: daysFromToday(-1),
      iin: CANARY.iin,
    });
    const running = await entryIn(t, ALMATY);
    await send(t, ended.officer, {
      method: 'POST',
      url: `/api/v1/prevention/register/entries/${ended.id}/contacts`,
      payload: { kind: 'home-visit', dueDate: daysFromToday(-5) },
    });
    const result = await expireRegisters(t.database.db, new Date());
    expect(result.closed).toBeGreaterThanOrEqual(1);
    expect(await stored(ended.id)).toMatchObject({
      status: 'closed',
      close_reason: 'expired',
      name_enc: null,
      iin_enc: null,
      iin_hash: null,
      address_enc: null,
      phone_enc: null,
      location_enc: null,
      decision_enc: null,
      kind: 'released-prisoner',
      district_id: ended.districtId,
      beat_id: ended.beatId,
      end_date: daysFromToday(-1),
    });
    expect((await stored(running.id)).status).toBe('active');
    // Its overdue visit leaves the inspector's day with it.
    const list = await send(t, ended.officer, { method: 'GET', url: '/api/v1/prevention/register/today' });
    expect((list.items as { entryId: string }[]).map((i) => i.entryId)).not.toContain(ended.id);
    const audit = await sql<{ action: string; actor_kind: string }>`
      select action, actor_kind from audit_inbox where target_id = ${ended.id}
      union all select action, actor_kind from audit_log where target_id = ${ended.id}`.execute(t.database.db);
    expect(audit.rows).toContainEqual({ action: 'prevention.register.expire', actor_kind: 'system' });
  });

  it('keeps an entry whose last day is today', async () => {
    const lastDay = await entryIn(t, ALMATY, undefined, {
      startDate: daysFromToday(-60),
      reviewDate: daysFromToday(-1),
      endDate: today(),
    });
    await expireRegisters(t.database.db, new Date());
    expect((await stored(lastDay.id)).status).toBe('active');
  });

  it('flags an entry whose review day has come, once, and shows the review on the work list', async () => {
    const due = await entryIn(t, ALMATY, undefined, { reviewDate: today() });
    const notYet = await entryIn(t, ALMATY);
    await expireRegisters(t.database.db, new Date());
    expect((await stored(due.id)).review_flagged_on).toBe(today());
    expect((await stored(notYet.id)).review_flagged_on).toBeNull();
    const again = await expireRegisters(t.database.db, new Date());
    expect(again.flagged).toBe(0);
    const list = await send(t, due.officer, { method: 'GET', url: '/api/v1/prevention/register/today' });
    expect((list.items as Record<string, unknown>[]).find((i) => i.entryId === due.id)).toMatchObject({ type: 'review' });
    const entries = await send(t, due.officer, { method: 'GET', url: '/api/v1/prevention/register/entries?mine=true' });
    expect((entries.items as Record<string, unknown>[]).find((i) => i.id === due.id)).toMatchObject({ isReviewDue: true });
  });
});

describe('the registers’ canary', () => {
  it('never stores a canary person, note or reason in plain text anywhere, before or after expiry', async () => {
    const entry = await entryIn(t, ALMATY, undefined, {
      ...CANARY,
      kind: 'alcohol-treatment',
      startDate: daysFromToday(-80),
      reviewDate: today(),
      endDate: daysFromToday(10),
    });
    const contact = await send(t, entry.officer, {
      method: 'POST',
      url: `/api/v1/prevention/register/entries/${entry.id}/contacts`,
      payload: { kind: 'home-visit', dueDate: today() },
    });
    await send(t, entry.officer, {
      method: 'POST',
      url: `/api/v1/prevention/register/contacts/${contact.id as string}/outcome`,
      payload: { outcome: 'met', note: CANARY_NOTE },
    });
    await send(t, entry.officer, { method: 'GET', url: '/api/v1/prevention/register/today' });
    await send(t, entry.officer, {
      method: 'POST',
      url: `/api/v1/prevention/register/entries/${entry.id}/review`,
      payload: { decision: 'extend', endDate: daysFromToday(20), reviewDate: daysFromToday(15), reason: CANARY_REASON },
    });
    // The team reads it back whole, so the values really were written.
    const read = await send(t, entry.officer, { method: 'GET', url: `/api/v1/prevention/register/entries/${entry.id}` });
    expect(read).toMatchObject({ name: CANARY.name, iin: CANARY.iin, decision: CANARY.decision });
    expect(JSON.stringify(read)).toContain(CANARY_REASON);

    const dump = await everyRowAsText(t.database.db);
    expect(dump).toContain(entry.id);
    for (const secret of SECRETS) expect(dump, secret).not.toContain(secret);

    await sql`update prevention_register_entries set end_date = ${daysFromToday(-1)}::date, review_date = ${daysFromToday(-1)}::date,
              start_date = ${daysFromToday(-80)}::date where id = ${entry.id}`.execute(t.database.db);
    await expireRegisters(t.database.db, new Date());
    const afterExpiry = await everyRowAsText(t.database.db);
    for (const secret of SECRETS) expect(afterExpiry, secret).not.toContain(secret);
    const encrypted = await sql<{ n: number }>`
      select count(*)::int n from prevention_register_contacts c join prevention_register_reviews r using (entry_id)
      where c.entry_id = ${entry.id} and (c.outcome_note_enc is not null or r.reason_enc is not null)`.execute(t.database.db);
    expect(encrypted.rows[0]!.n).toBe(0);
  });
});
