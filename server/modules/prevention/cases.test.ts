import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCrypto } from '../../secrets/field-crypto.js';
import { buildTestApp, createStaff, type TestApp } from '../../test/app.js';
import { ALMATY, caseIn, caseRequest, send, staffIn } from '../../test/prevention-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

// Invented people; the IIN passes its check digit.
const CANARY = {
  name: 'Канарейка Сәуле Тестқызы',
  iin: '950101400012',
  phone: '+77011234567',
  address: 'ул. Канареечная, 7, кв. 13',
};

async function auditOf(caseId: string) {
  const rows = await sql<{ action: string; actor_id: string }>`
    select action, actor_id from audit_inbox where target_type = 'dv_case' and target_id = ${caseId}
    union all select action, actor_id from audit_log where target_type = 'dv_case' and target_id = ${caseId}`.execute(
    t.database.db,
  );
  return rows.rows;
}

describe('domestic-violence cases', () => {
  it('opens a case whose people are encrypted at rest, with a keyed hash of the IIN', async () => {
    const officer = await staffIn(t, ALMATY, ['officer']);
    const body = await send(
      t,
      officer,
      caseRequest(ALMATY, [
        { role: 'victim', ...CANARY },
        { role: 'aggressor', name: 'Test Aggressor' },
      ]),
    );
    expect(body.caseNumber).toMatch(/^DV-\d{4}-\d{6}$/);
    expect(body.people).toEqual([
      expect.objectContaining({
        role: 'victim',
        name: CANARY.name,
        iin: CANARY.iin,
        phone: CANARY.phone,
        address: CANARY.address,
      }),
      expect.objectContaining({ role: 'aggressor', name: 'Test Aggressor', iin: null }),
    ]);
    const raw = await sql<Record<string, unknown>>`select * from dv_case_people where case_id = ${body.id as string}`.execute(
      t.database.db,
    );
    const stored = JSON.stringify(raw.rows);
    for (const value of [CANARY.name, CANARY.iin, CANARY.phone, CANARY.address, 'Канарейка']) expect(stored).not.toContain(value);
    const victim = raw.rows.find((r) => r.role === 'victim')!;
    expect(victim.iin_hash).toBe(createFieldCrypto(t.keys.secretKey).lookupHash(CANARY.iin));
  });

  it('refuses an IIN whose check digit is wrong', async () => {
    const officer = await staffIn(t, ALMATY, ['officer']);
    const response = await t.app.inject({
      ...caseRequest(ALMATY, [{ role: 'victim', name: 'X', iin: '950101400013' }]),
      headers: { cookie: officer.cookie },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('iin.invalid');
  });

  it('records who read a case, on every read', async () => {
    const created = await caseIn(t, ALMATY);
    const supervisor = await staffIn(t, ALMATY, ['supervisor']);
    await send(t, supervisor, { method: 'GET', url: `/api/v1/prevention/cases/${created.id}` });
    await send(t, supervisor, { method: 'GET', url: `/api/v1/prevention/cases/${created.id}` });
    const reads = (await auditOf(created.id)).filter((e) => e.action === 'prevention.case.read');
    // The officer's own creation answer is a read too. Entries may sit in the inbox or the sealed
    // log (another test may seal meanwhile), so who read is compared, not the order.
    expect(reads.map((e) => e.actor_id).sort()).toEqual([created.officer.id, supervisor.id, supervisor.id].sort());
  });

  it('hides a case from an officer of another district of the same region', async () => {
    const created = await caseIn(t, ALMATY);
    const other = await sql<{ id: string }>`
      select id from districts where region_id = ${ALMATY} and id <> ${created.districtId} limit 1`.execute(t.database.db);
    const stranger = await createStaff(t, ['officer'], { level: 'district', regionId: ALMATY, districtId: other.rows[0]!.id });
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/prevention/cases/${created.id}`,
      headers: { cookie: stranger.cookie },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('prevention.case_not_found');
    const list = await send(t, stranger, { method: 'GET', url: '/api/v1/prevention/cases?limit=500' });
    expect((list.items as { id: string }[]).map((c) => c.id)).not.toContain(created.id);
  });

  it('shows an analyst that cases exist, but not who they are about', async () => {
    const officer = await staffIn(t, ALMATY, ['officer']);
    const created = await send(t, officer, caseRequest(ALMATY, [{ role: 'victim', ...CANARY }]));
    const analyst = await createStaff(t, ['analyst'], { level: 'country' });
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/prevention/cases?limit=500',
      headers: { cookie: analyst.cookie },
    });
    expect(list.statusCode).toBe(200);
    const item = (list.json().items as Record<string, unknown>[]).find((c) => c.id === created.id);
    expect(item).toMatchObject({ caseNumber: created.caseNumber, regionId: ALMATY });
    expect(list.body).not.toContain(CANARY.name);
    expect(list.body).not.toContain(CANARY.phone);
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/prevention/cases/${created.id as string}`,
      headers: { cookie: analyst.cookie },
    });
    expect(read.statusCode).toBe(403);
  });

  it('adds people and links incidents on the timeline, with the legal basis of the opening', async () => {
    const created = await caseIn(t, ALMATY);
    await send(t, created.officer, {
      method: 'POST',
      url: `/api/v1/prevention/cases/${created.id}/people`,
      payload: { role: 'child', name: 'Test Child' },
    });
    const incidentId = crypto.randomUUID();
    await send(t, created.officer, {
      method: 'POST',
      url: `/api/v1/prevention/cases/${created.id}/incidents`,
      payload: { incidentId, occurredAt: new Date().toISOString() },
    });
    const view = await send(t, created.officer, { method: 'GET', url: `/api/v1/prevention/cases/${created.id}` });
    expect((view.people as { role: string }[]).map((p) => p.role)).toEqual(['victim', 'child']);
    expect(view.incidents).toEqual([expect.objectContaining({ incidentId })]);
    expect(view.needsReassessment).toBe(true);
    const timeline = view.timeline as { kind: string; legalBasis: string | null }[];
    expect(timeline.map((e) => e.kind)).toEqual(['case.opened', 'person.added', 'incident.linked']);
    expect(timeline[0]!.legalBasis).toMatch(/domestic violence/);
  });
});
