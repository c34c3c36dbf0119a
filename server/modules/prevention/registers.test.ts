import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDistricts } from '../geo/index.js';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { ALMATY, send, staffIn } from '../../test/prevention-fixtures.js';
import { contactIn, daysFromToday, entryIn, entryRequest, today } from '../../test/register-fixtures.js';
import { setPartnerAgency } from './conference-store.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

function inject(staff: TestStaff, method: 'GET' | 'POST', url: string, payload?: unknown) {
  return t.app.inject({ method, url, headers: { cookie: staff.cookie }, payload: payload as Record<string, unknown> });
}

async function entryCount(): Promise<number> {
  const row = await sql<{ n: number }>`select count(*)::int n from prevention_register_entries`.execute(t.database.db);
  return row.rows[0]!.n;
}

async function auditOf(entryId: string) {
  const rows = await sql<{ action: string; actor_id: string; details: Record<string, unknown> }>`
    select action, actor_id, details from audit_inbox where target_type = 'register_entry' and target_id = ${entryId}
    union all
    select action, actor_id, details from audit_log where target_type = 'register_entry' and target_id = ${entryId}`.execute(
    t.database.db,
  );
  return rows.rows;
}

async function partnerOf(agency: 'education' | 'health'): Promise<TestStaff> {
  const partner = await staffIn(t, ALMATY, ['partner']);
  await setPartnerAgency(t.database.db, { userId: partner.id, agency, by: partner.id, now: new Date() });
  return partner;
}

describe('preventive register entries', () => {
  it('keeps who the entry is about encrypted at rest and audits the read with reader and reason', async () => {
    const officer = await staffIn(t, ALMATY, ['officer']);
    const created = await send(
      t,
      officer,
      entryRequest(ALMATY, { name: 'Асқар Тестов', iin: '950101400012', phone: '+7 701 123 45 67', address: 'Abai 5, flat 2' }),
    );
    expect(created).toMatchObject({
      kind: 'released-prisoner',
      legalBasis: 'prevention-of-offences',
      status: 'active',
      access: 'responsible',
      name: 'Асқар Тестов',
      iin: '950101400012',
      phone: '+77011234567',
    });
    expect(created.point).toEqual({ lon: 76.9458, lat: 43.2383 });
    const row = await sql<Record<string, string | null>>`
      select * from prevention_register_entries where id = ${created.id as string}`.execute(t.database.db);
    const stored = JSON.stringify(row.rows[0]);
    for (const secret of ['Асқар', '950101400012', '7011234567', 'Abai', '76.9458', 'Ruling'])
      expect(stored).not.toContain(secret);
    expect(row.rows[0]!.iin_hash).toMatch(/\S/);

    const read = await inject(
      officer,
      'GET',
      `/api/v1/prevention/register/entries/${created.id as string}?purpose=planning%20a%20visit`,
    );
    expect(read.statusCode).toBe(200);
    const reads = (await auditOf(created.id as string)).filter((a) => a.action === 'prevention.register.read');
    expect(reads.map((a) => a.details)).toContainEqual(
      expect.objectContaining({ access: 'responsible', purpose: 'planning a visit' }),
    );
    expect(reads.every((a) => a.actor_id === officer.id)).toBe(true);
  });

  it('refuses an end date beyond what the basis allows, in the caller’s language, and writes nothing', async () => {
    const officer = await staffIn(t, ALMATY, ['officer']);
    const before = await entryCount();
    const request = entryRequest(ALMATY, { endDate: daysFromToday(-10 + 400) });
    const titles: string[] = [];
    for (const lang of ['kk', 'ru', 'en']) {
      const response = await inject(officer, 'POST', `${request.url as string}?lang=${lang}`, request.payload);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      expect(response.json().code).toBe('prevention.register_term_exceeded');
      titles.push(response.json().title as string);
    }
    expect(titles[2]).toBe('The end date is beyond what the legal basis allows');
    expect(new Set(titles).size).toBe(3);
    expect(await entryCount()).toBe(before);
  });

  it.each([
    ['an IIN whose check digit is wrong', { iin: '950101400013' }, 422, 'iin.invalid'],
    ['an unknown kind', { kind: 'suspicious-neighbour' }, 400, 'request.invalid'],
    ['a review after the end', { reviewDate: daysFromToday(200) }, 400, 'prevention.register_dates_invalid'],
    ['a field the API does not know', { religion: 'x' }, 400, 'request.invalid'],
  ])('refuses %s and writes nothing', async (_name, overrides, status, code) => {
    const officer = await staffIn(t, ALMATY, ['officer']);
    const before = await entryCount();
    const request = entryRequest(ALMATY, overrides);
    const response = await inject(officer, 'POST', request.url as string, request.payload);
    expect(response.statusCode).toBe(status);
    expect(response.json().code).toBe(code);
    expect(await entryCount()).toBe(before);
  });
});

describe('who may see an entry', () => {
  it('lets the responsible officer, the beat’s inspector, the area’s supervisor and the assigned partner read it', async () => {
    const entry = await entryIn(t, ALMATY, undefined, { partnerAgency: 'education' });
    const url = `/api/v1/prevention/register/entries/${entry.id}`;
    const inspector = await createStaff(t, ['officer'], {
      level: 'beat',
      regionId: ALMATY,
      districtId: entry.districtId,
      beatId: entry.beatId,
    });
    const supervisor = await staffIn(t, ALMATY, ['supervisor']);
    const partner = await partnerOf('education');
    for (const [who, access] of [
      [entry.officer, 'responsible'],
      [inspector, 'beat-inspector'],
      [supervisor, 'supervisor'],
      [partner, 'partner'],
    ] as const) {
      const response = await inject(who, 'GET', url);
      expect(response.statusCode, access).toBe(200);
      expect(response.json()).toMatchObject({ access, name: 'Test Person' });
    }
  });

  it('refuses another officer of the area, a partner without the assignment and an analyst', async () => {
    const entry = await entryIn(t, ALMATY, undefined, { partnerAgency: 'education' });
    const url = `/api/v1/prevention/register/entries/${entry.id}`;
    const otherOfficer = await staffIn(t, ALMATY, ['officer']);
    const otherPartner = await partnerOf('health');
    const partnerWithoutAgency = await staffIn(t, ALMATY, ['partner']);
    for (const who of [otherOfficer, otherPartner, partnerWithoutAgency]) {
      const response = await inject(who, 'GET', url);
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('prevention.register_team_only');
      expect(response.body).not.toContain('Test Person');
    }
    const analyst = await staffIn(t, ALMATY, ['analyst']);
    expect((await inject(analyst, 'GET', url)).statusCode).toBe(403);
    // The analyst counts entries, never people: the list has no personal field at all.
    const list = await inject(analyst, 'GET', '/api/v1/prevention/register/entries?limit=500');
    expect(list.statusCode).toBe(200);
    const listed = (list.json().items as Record<string, unknown>[]).find((i) => i.id === entry.id);
    expect(listed).toBeDefined();
    expect(Object.keys(listed!)).not.toEqual(expect.arrayContaining(['name']));
    expect(list.body).not.toContain('Test Person');
    // Neither may the refused change it.
    const plan = await inject(otherOfficer, 'POST', `${url}/contacts`, { kind: 'call', dueDate: today() });
    expect(plan.statusCode).toBe(403);
  });

  it('hides the entry from an officer of another district as if it did not exist', async () => {
    const entry = await entryIn(t, ALMATY);
    const otherDistrict = (await listDistricts(t.database.db, ALMATY)).find((d) => d.id !== entry.districtId)!;
    const officer = await createStaff(t, ['officer'], { level: 'district', regionId: ALMATY, districtId: otherDistrict.id });
    const response = await inject(officer, 'GET', `/api/v1/prevention/register/entries/${entry.id}`);
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('prevention.register_entry_not_found');
    const list = await inject(officer, 'GET', '/api/v1/prevention/register/entries?limit=500');
    expect((list.json().items as { id: string }[]).map((i) => i.id)).not.toContain(entry.id);
  });

  it('shows a partner only the entries assigned to their agency', async () => {
    const assigned = await entryIn(t, ALMATY, undefined, { partnerAgency: 'education' });
    const unassigned = await entryIn(t, ALMATY);
    const partner = await partnerOf('education');
    const list = await inject(partner, 'GET', '/api/v1/prevention/register/entries?limit=500');
    const ids = (list.json().items as { id: string }[]).map((i) => i.id);
    expect(ids).toContain(assigned.id);
    expect(ids).not.toContain(unassigned.id);
  });
});

describe('visits, the work list and reviews', () => {
  it('puts a visit due today on the inspector’s list with its map point, and takes it off once recorded', async () => {
    const planned = await contactIn(t, ALMATY);
    const list = await send(t, planned.officer, { method: 'GET', url: '/api/v1/prevention/register/today' });
    expect(list.today).toBe(today());
    const item = (list.items as Record<string, unknown>[]).find((i) => i.contactId === planned.contactId);
    expect(item).toMatchObject({ type: 'visit', name: 'Test Person', address: 'Test street 1', isOverdue: false });
    expect(item!.point).toEqual({ lon: 76.9458, lat: 43.2383 });
    // Another officer of the same area has their own day, without this person on it.
    const other = await staffIn(t, ALMATY, ['officer']);
    const theirs = await send(t, other, { method: 'GET', url: '/api/v1/prevention/register/today' });
    expect((theirs.items as { entryId: string }[]).map((i) => i.entryId)).not.toContain(planned.id);

    const outcome = await inject(planned.officer, 'POST', `/api/v1/prevention/register/contacts/${planned.contactId}/outcome`, {
      outcome: 'met',
      note: 'Works at the bakery on Abai',
    });
    expect(outcome.statusCode).toBe(200);
    expect(outcome.json()).toMatchObject({ outcome: 'met', note: 'Works at the bakery on Abai' });
    const stored = await sql<{ outcome_note_enc: string }>`
      select outcome_note_enc from prevention_register_contacts where id = ${planned.contactId}`.execute(t.database.db);
    expect(stored.rows[0]!.outcome_note_enc).not.toContain('bakery');
    const again = await inject(planned.officer, 'POST', `/api/v1/prevention/register/contacts/${planned.contactId}/outcome`, {
      outcome: 'refused',
    });
    expect(again.statusCode).toBe(409);
    const after = await send(t, planned.officer, { method: 'GET', url: '/api/v1/prevention/register/today' });
    expect((after.items as { contactId: string }[]).map((i) => i.contactId)).not.toContain(planned.contactId);
  });

  it('marks a visit past its day as overdue', async () => {
    const planned = await contactIn(t, ALMATY, daysFromToday(-3));
    const list = await send(t, planned.officer, { method: 'GET', url: '/api/v1/prevention/register/today' });
    expect((list.items as Record<string, unknown>[]).find((i) => i.contactId === planned.contactId)).toMatchObject({
      isOverdue: true,
      dueDate: daysFromToday(-3),
    });
  });

  it('refuses a visit outside the entry’s term', async () => {
    const entry = await entryIn(t, ALMATY);
    const response = await inject(entry.officer, 'POST', `/api/v1/prevention/register/entries/${entry.id}/contacts`, {
      kind: 'home-visit',
      dueDate: daysFromToday(400),
    });
    expect(response.statusCode).toBe(400);
    const read = await send(t, entry.officer, { method: 'GET', url: `/api/v1/prevention/register/entries/${entry.id}` });
    expect(read.contacts).toEqual([]);
  });

  it('extends an entry only within its basis, with a reason, and leaves it as it was when refused', async () => {
    const entry = await entryIn(t, ALMATY);
    const url = `/api/v1/prevention/register/entries/${entry.id}/review`;
    const tooLong = await inject(entry.officer, 'POST', url, {
      decision: 'extend',
      endDate: daysFromToday(360),
      reviewDate: daysFromToday(60),
      reason: 'Still drinking',
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().code).toBe('prevention.register_term_exceeded');
    const unchanged = await send(t, entry.officer, { method: 'GET', url: `/api/v1/prevention/register/entries/${entry.id}` });
    expect(unchanged).toMatchObject({ endDate: daysFromToday(190), reviews: [] });

    const extended = await inject(entry.officer, 'POST', url, {
      decision: 'extend',
      endDate: daysFromToday(350),
      reviewDate: daysFromToday(60),
      reason: 'Two warnings this month',
    });
    expect(extended.statusCode).toBe(200);
    expect(extended.json()).toMatchObject({ endDate: daysFromToday(350), reviewDate: daysFromToday(60) });
    expect(extended.json().reviews).toEqual([
      expect.objectContaining({ decision: 'extend', previousEndDate: daysFromToday(190), reason: 'Two warnings this month' }),
    ]);
  });

  it('closes an entry on review, which anonymises it and stops further work on it', async () => {
    const entry = await entryIn(t, ALMATY, undefined, { iin: '950101400012', phone: '+77010000000' });
    const closed = await inject(entry.officer, 'POST', `/api/v1/prevention/register/entries/${entry.id}/review`, {
      decision: 'close',
      reason: 'Moved to another region',
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({
      status: 'closed',
      closeReason: 'review',
      name: null,
      iin: null,
      phone: null,
      point: null,
    });
    const row = await sql<Record<string, unknown>>`
      select name_enc, iin_enc, iin_hash, address_enc, phone_enc, location_enc, decision_enc, kind, district_id
      from prevention_register_entries where id = ${entry.id}`.execute(t.database.db);
    expect(row.rows[0]).toMatchObject({
      name_enc: null,
      iin_enc: null,
      iin_hash: null,
      address_enc: null,
      phone_enc: null,
      location_enc: null,
      decision_enc: null,
      kind: 'released-prisoner',
      district_id: entry.districtId,
    });
    const plan = await inject(entry.officer, 'POST', `/api/v1/prevention/register/entries/${entry.id}/contacts`, {
      kind: 'call',
      dueDate: today(),
    });
    expect(plan.statusCode).toBe(409);
    expect((await auditOf(entry.id)).map((a) => a.action)).toContain('prevention.register.review.close');
  });
});
