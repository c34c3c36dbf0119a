import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDistricts } from '../geo/index.js';
import { createFieldCrypto } from '../../secrets/field-crypto.js';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { actionIn, ALMATY, caseIn, orderIn, send, staffIn } from '../../test/prevention-fixtures.js';
import { anonymiseClosedCases } from './index.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

const DAY = 86_400_000;
const REASON = 'Victim moved to her mother in Shymkent';

function post(staff: TestStaff, url: string, payload: unknown) {
  return t.app.inject({ method: 'POST', url, payload: payload as Record<string, unknown>, headers: { cookie: staff.cookie } });
}
const close = (staff: TestStaff, caseId: string, payload: unknown) =>
  post(staff, `/api/v1/prevention/cases/${caseId}/close`, payload);
const reopen = (staff: TestStaff, caseId: string, payload: unknown) =>
  post(staff, `/api/v1/prevention/cases/${caseId}/reopen`, payload);

async function caseState(caseId: string) {
  return t.database.db
    .selectFrom('dv_cases')
    .select(['status', 'closed_at', 'updated_at', 'anonymised_at'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
}

async function auditActions(caseId: string) {
  const rows = await sql<{ action: string; details: Record<string, unknown> }>`
    select action, details from audit_inbox where target_type = 'dv_case' and target_id = ${caseId}
    union all select action, details from audit_log where target_type = 'dv_case' and target_id = ${caseId}`.execute(
    t.database.db,
  );
  return rows.rows;
}

describe('closing a case', () => {
  it('closes with an outcome and an encrypted reason, on the timeline and in the audit log', async () => {
    const c = await caseIn(t, ALMATY);
    const response = await close(c.officer, c.id, { outcome: 'victim-moved', reason: REASON });
    expect(response.statusCode, response.body).toBe(200);
    const file = response.json();
    expect(file).toMatchObject({
      status: 'closed',
      closedAt: expect.any(String),
      closing: { outcome: 'victim-moved', outcomeNote: null, reason: REASON, reopenableUntil: expect.any(String) },
    });
    expect(file.timeline.at(-1)).toMatchObject({ kind: 'case.closed', details: { outcome: 'victim-moved' } });
    expect(JSON.stringify(file.timeline)).not.toContain('Shymkent');
    const stored = await sql`select * from dv_case_closings where case_id = ${c.id}`.execute(t.database.db);
    expect(JSON.stringify(stored.rows)).not.toContain('Shymkent');
    expect(await auditActions(c.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'prevention.case.close' })]),
    );
  });

  it('needs words for an "other" outcome and a reason; a refused close changes nothing', async () => {
    const c = await caseIn(t, ALMATY);
    const before = await caseState(c.id);
    for (const body of [
      { outcome: 'risk-reduced' },
      { outcome: 'risk-reduced', reason: '   ' },
      { outcome: 'other', reason: REASON },
      { outcome: 'risk-reduced', outcomeNote: 'Moved away', reason: REASON },
      { outcome: 'forgiven', reason: REASON },
    ]) {
      const response = await close(c.officer, c.id, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect(await caseState(c.id)).toEqual(before);

    const other = await close(c.officer, c.id, { outcome: 'other', outcomeNote: 'Family mediation', reason: REASON });
    expect(other.json().closing).toMatchObject({ outcome: 'other', outcomeNote: 'Family mediation' });
    const again = await close(c.officer, c.id, { outcome: 'risk-reduced', reason: REASON });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('prevention.case_already_closed');
  });

  it('refuses while an order is in force or an action is open unless confirmed, and keeps what was open', async () => {
    const ordered = await orderIn(t, ALMATY);
    const refused = await close(ordered.officer, ordered.id, {
      outcome: 'risk-reduced',
      reason: REASON,
      confirmOpenItems: false,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'prevention.case_has_open_items', activeOrders: 1, openActions: 0 });
    const russian = await post(ordered.officer, `/api/v1/prevention/cases/${ordered.id}/close?lang=ru`, {
      outcome: 'risk-reduced',
      reason: REASON,
    });
    expect(russian.json().title).toContain('защитное предписание');
    expect((await caseState(ordered.id)).status).toBe('open');

    const confirmed = await close(ordered.officer, ordered.id, {
      outcome: 'risk-reduced',
      reason: REASON,
      confirmOpenItems: true,
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().timeline.at(-1).details).toMatchObject({ activeOrders: 1, openActions: 0 });

    const planned = await actionIn(t, ALMATY);
    const withAction = await close(planned.supervisor, planned.id, { outcome: 'risk-reduced', reason: REASON });
    expect(withAction.json()).toMatchObject({ code: 'prevention.case_has_open_items', openActions: 1 });
  });

  it('is refused outside the district (404), outside the team (403) and to analysts (403)', async () => {
    const c = await caseIn(t, ALMATY);
    const otherDistrict = (await listDistricts(t.database.db, ALMATY)).find((d) => d.id !== c.districtId)!;
    const outsider = await createStaff(t, ['officer'], { level: 'district', regionId: ALMATY, districtId: otherDistrict.id });
    const body = { outcome: 'risk-reduced', reason: REASON };
    expect((await close(outsider, c.id, body)).statusCode).toBe(404);
    const notOnTeam = await close(await staffIn(t, ALMATY, ['officer']), c.id, body);
    expect(notOnTeam.statusCode).toBe(403);
    expect(notOnTeam.json().code).toBe('prevention.break_glass_required');
    expect((await close(await staffIn(t, ALMATY, ['analyst']), c.id, body)).statusCode).toBe(403);
    expect((await caseState(c.id)).status).toBe('open');
    // The district's supervisor may close it.
    const supervisor = await createStaff(t, ['supervisor'], { level: 'district', regionId: ALMATY, districtId: c.districtId });
    expect((await close(supervisor, c.id, body)).statusCode).toBe(200);
  });
});

describe('reopening a case', () => {
  it('reopens with a reason, audited and on the timeline; an open case is not reopened', async () => {
    const c = await caseIn(t, ALMATY);
    await send(t, c.officer, {
      method: 'POST',
      url: `/api/v1/prevention/cases/${c.id}/close`,
      payload: { outcome: 'no-further-contact', reason: REASON },
    });
    expect((await reopen(c.officer, c.id, {})).statusCode).toBe(400);
    expect((await reopen(c.officer, c.id, { reason: 'short' })).statusCode).toBe(400);
    expect((await caseState(c.id)).status).toBe('closed');

    const response = await reopen(c.officer, c.id, { reason: 'New call-out to the same address' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'open', closedAt: null, closing: null });
    expect(response.json().timeline.at(-1)).toMatchObject({ kind: 'case.reopened' });
    expect((await auditActions(c.id)).map((a) => a.action)).toContain('prevention.case.reopen');

    const twice = await reopen(c.officer, c.id, { reason: 'New call-out to the same address' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('prevention.case_not_closed');
  });

  it('cannot reopen past the retention period, nor once anonymised', async () => {
    const expired = await caseIn(t, ALMATY);
    await send(t, expired.officer, {
      method: 'POST',
      url: `/api/v1/prevention/cases/${expired.id}/close`,
      payload: { outcome: 'risk-reduced', reason: REASON },
    });
    // Closed six years ago (past the default five) but the job has not run yet.
    const longAgo = new Date(Date.now() - 6 * 365 * DAY);
    await sql`update dv_cases set closed_at = ${longAgo} where id = ${expired.id}`.execute(t.database.db);
    const late = await reopen(expired.officer, expired.id, { reason: 'New call-out to the same address' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('prevention.case_reopen_expired');

    await anonymiseClosedCases({ db: t.database.db, fieldCrypto: createFieldCrypto(t.keys.secretKey) }, new Date(), 1825);
    expect((await caseState(expired.id)).anonymised_at).not.toBeNull();
    const anonymised = await reopen(expired.officer, expired.id, { reason: 'New call-out to the same address' });
    expect(anonymised.statusCode).toBe(409);
    expect(anonymised.json().code).toBe('prevention.case_anonymised');
    const supervisor = await staffIn(t, ALMATY, ['supervisor']);
    const file = await send(t, supervisor, { method: 'GET', url: `/api/v1/prevention/cases/${expired.id}` });
    expect(file.closing).toMatchObject({ reason: '', reopenableUntil: null });
  });
});

describe('retention counts from the close', () => {
  it('anonymises a case closed six years ago though edited yesterday; never an open case however old', async () => {
    const fieldCrypto = createFieldCrypto(t.keys.secretKey);
    const closedLongAgo = await caseIn(t, ALMATY);
    await send(t, closedLongAgo.officer, {
      method: 'POST',
      url: `/api/v1/prevention/cases/${closedLongAgo.id}/close`,
      payload: { outcome: 'aggressor-convicted', reason: REASON },
    });
    const yesterday = new Date(Date.now() - DAY);
    await sql`update dv_cases set closed_at = ${new Date(Date.now() - 6 * 365 * DAY)}, updated_at = ${yesterday}
      where id = ${closedLongAgo.id}`.execute(t.database.db);

    const closedRecently = await caseIn(t, ALMATY);
    await send(t, closedRecently.officer, {
      method: 'POST',
      url: `/api/v1/prevention/cases/${closedRecently.id}/close`,
      payload: { outcome: 'risk-reduced', reason: REASON },
    });
    // Last changed long ago, closed yesterday: the old rule (updated_at) would have anonymised it.
    await sql`update dv_cases set closed_at = ${yesterday}, updated_at = ${new Date(Date.now() - 6 * 365 * DAY)}
      where id = ${closedRecently.id}`.execute(t.database.db);

    const openOld = await caseIn(t, ALMATY);
    await sql`update dv_cases set created_at = ${new Date(Date.now() - 10 * 365 * DAY)}, updated_at = ${new Date(Date.now() - 10 * 365 * DAY)}
      where id = ${openOld.id}`.execute(t.database.db);

    await anonymiseClosedCases({ db: t.database.db, fieldCrypto }, new Date(), 1825);

    expect((await caseState(closedLongAgo.id)).anonymised_at).not.toBeNull();
    expect((await caseState(closedRecently.id)).anonymised_at).toBeNull();
    expect((await caseState(openOld.id)).anonymised_at).toBeNull();
    const reasons = await sql<{
      reason_enc: string;
    }>`select reason_enc from dv_case_closings where case_id = ${closedLongAgo.id}`.execute(t.database.db);
    expect(reasons.rows.map((r) => fieldCrypto.decrypt(r.reason_enc))).toEqual(['']);
  });
});
