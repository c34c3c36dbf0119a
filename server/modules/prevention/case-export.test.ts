import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, type TestApp } from '../../test/app.js';
import { answers, ALMATY, ASTANA, send, staffIn } from '../../test/prevention-fixtures.js';
import { enrolmentIn } from '../../test/programme-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

type Staff = Awaited<ReturnType<typeof staffIn>>;
const REASON = 'Requested by the court, letter 12/345 of 3 March';
const RATIONALE = 'Strangled last week; she fears for her life';
const MISSED = 'Был пьян, провайдер не допустил';

/** A case with everything an export holds: people with contacts, a rationale, an order, a programme with a missed session. */
async function fullCase() {
  const e = await enrolmentIn(t, ALMATY);
  await send(t, e.officer, {
    method: 'POST',
    url: `/api/v1/prevention/cases/${e.caseId}/assessments`,
    payload: { answers: answers(3), judgementGrade: 'high', rationale: RATIONALE, reason: 'initial' },
  });
  await send(t, e.officer, {
    method: 'POST',
    url: `/api/v1/prevention/programmes/${e.enrolmentId}/sessions`,
    payload: { heldOn: '2026-02-02', attended: false, missedReason: MISSED },
  });
  return e;
}

const exportOf = (staff: Staff, caseId: string, query = '') =>
  t.app.inject({ method: 'GET', url: `/api/v1/prevention/cases/${caseId}/export${query}`, headers: { cookie: staff.cookie } });

async function exportAudit(caseId: string) {
  const rows = await sql<{ action: string; details: Record<string, unknown> }>`
    select action, details from audit_inbox where target_id = ${caseId} and action like 'prevention.case.export%'
    union all select action, details from audit_log where target_id = ${caseId} and action like 'prevention.case.export%'`.execute(
    t.database.db,
  );
  return rows.rows;
}

// What fixtures put in the case that a redacted export must never carry.
const PERSONAL = ['Әлия', 'Тестова', 'Бекзат', 'Тестов', '950101400012', '+77010000001', 'Абай', RATIONALE, MISSED];

describe('case exports', () => {
  it('redacts by default: roles and initials, grades, dates, area and actions; no personal data or free text', async () => {
    const e = await fullCase();
    const response = await exportOf(e.officer, e.caseId);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="DV-\d{4}-\d{6}-redacted\.json"/);
    expect(response.headers['cache-control']).toBe('no-store');
    for (const value of PERSONAL) expect(response.body).not.toContain(value);
    const body = response.json();
    expect(body).toMatchObject({ redacted: true, riskGrade: 'high', status: 'open', regionId: ALMATY });
    expect(body.people).toEqual([
      { role: 'victim', initials: 'Ә. Т.' },
      { role: 'aggressor', initials: 'Б. Т.' },
    ]);
    expect(body.assessments).toEqual([expect.objectContaining({ finalGrade: 'high', yesCount: 3 })]);
    expect(body.assessments[0]).not.toHaveProperty('rationale');
    expect(body.orders).toEqual([expect.objectContaining({ kind: 'court-special-requirements' })]);
    expect(body.programmes).toEqual([
      expect.objectContaining({ providerKind: 'psycho-correction', basis: 'court-order', attended: 0, missed: 1 }),
    ]);
    expect(await exportAudit(e.caseId)).toEqual([{ action: 'prevention.case.export', details: { format: 'json' } }]);
  });

  it('gives the case team the full export with a written reason, audited with the reason', async () => {
    const e = await fullCase();
    const response = await exportOf(e.officer, e.caseId, `?full=true&reason=${encodeURIComponent(REASON)}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.redacted).toBe(false);
    expect(body.people).toEqual([
      expect.objectContaining({ role: 'victim', name: 'Әлия Тестова', address: 'Абай даңғылы, 1', phone: '+77010000001' }),
      expect.objectContaining({ role: 'aggressor', name: 'Бекзат Тестов', iin: '950101400012' }),
    ]);
    expect(body.assessments[0].rationale).toBe(RATIONALE);
    expect(body.programmes[0].missedReasons).toEqual([MISSED]);
    expect(await exportAudit(e.caseId)).toEqual([
      { action: 'prevention.case.export_full', details: { format: 'json', reason: REASON } },
    ]);
  });

  it('refuses a full export without a reason, or to anyone off the team, recording none', async () => {
    const e = await fullCase();
    for (const query of ['?full=true', '?full=true&reason=because']) {
      const response = await exportOf(e.officer, e.caseId, query);
      expect(response.statusCode).toBe(422);
      expect(response.json().code).toBe('prevention.export_reason_required');
    }
    // A supervisor oversees the case, and may print it redacted, but is not its team.
    const supervisor = await staffIn(t, ALMATY, ['supervisor']);
    const full = await exportOf(supervisor, e.caseId, `?full=true&reason=${encodeURIComponent(REASON)}&lang=ru`);
    expect(full.statusCode).toBe(403);
    expect(full.json()).toMatchObject({
      code: 'prevention.full_export_team_only',
      title: expect.stringContaining('команда дела'),
    });
    expect(await exportAudit(e.caseId)).toEqual([]);
    expect((await exportOf(supervisor, e.caseId)).statusCode).toBe(200);
  });

  it('refuses any export to a partner off the team, an analyst, an officer off the team and other districts', async () => {
    const e = await fullCase();
    const partner = await staffIn(t, ALMATY, ['partner']);
    expect((await exportOf(partner, e.caseId)).json().code).toBe('prevention.case_team_only');
    const analyst = await staffIn(t, ALMATY, ['analyst']);
    expect((await exportOf(analyst, e.caseId)).statusCode).toBe(403);
    const stranger = await staffIn(t, ALMATY, ['officer']);
    expect((await exportOf(stranger, e.caseId)).json().code).toBe('prevention.break_glass_required');
    const district = await sql<{ id: string }>`
      select id from districts where region_id = ${ALMATY}
        and id <> (select district_id from dv_cases where id = ${e.caseId}) limit 1`.execute(t.database.db);
    const neighbour = await createStaff(t, ['officer', 'supervisor'], {
      level: 'district',
      regionId: ALMATY,
      districtId: district.rows[0]!.id,
    });
    expect((await exportOf(neighbour, e.caseId)).statusCode).toBe(404);
    const astana = await staffIn(t, ASTANA, ['officer', 'supervisor']);
    expect((await exportOf(astana, e.caseId)).statusCode).toBe(404);
    expect((await exportOf(e.officer, e.caseId, '?format=xml')).statusCode).toBe(400);
    expect(await exportAudit(e.caseId)).toEqual([]);
  });

  it('prints the redacted export as a PDF', async () => {
    const e = await fullCase();
    const response = await exportOf(e.officer, e.caseId, '?format=pdf&lang=kk');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/-redacted\.pdf"$/);
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await exportAudit(e.caseId)).toEqual([{ action: 'prevention.case.export', details: { format: 'pdf' } }]);
  });
});
