import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, type TestApp } from '../../test/app.js';
import { ALMATY, ASTANA, BREAK_GLASS_REASON, send, staffIn } from '../../test/prevention-fixtures.js';
import { caseWithAggressorIn, courtOrderOn, enrolmentIn, providerIn } from '../../test/programme-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

type Staff = Awaited<ReturnType<typeof staffIn>>;
const session = (enrolmentId: string, heldOn: string, missedReason?: string) => ({
  method: 'POST' as const,
  url: `/api/v1/prevention/programmes/${enrolmentId}/sessions`,
  payload: missedReason === undefined ? { heldOn, attended: true } : { heldOn, attended: false, missedReason },
});

async function violationsOf(caseId: string) {
  const rows = await sql<{ legal_basis: string }>`
    select legal_basis from protection_order_violations where case_id = ${caseId}`.execute(t.database.db);
  return rows.rows;
}

async function inject(staff: Staff, request: { method: 'GET' | 'POST'; url: string; payload?: unknown }) {
  return t.app.inject({ ...request, payload: request.payload as never, headers: { cookie: staff.cookie } });
}

async function stateOf(caseId: string) {
  const rows = await sql<{ n: number }>`
    select (select count(*)::int from programme_enrolments where case_id = ${caseId})
         + (select count(*)::int from programme_sessions where case_id = ${caseId})
         + (select count(*)::int from protection_order_violations where case_id = ${caseId}) as n`.execute(t.database.db);
  return rows.rows[0]!.n;
}

describe('aggressor programmes', () => {
  it('enrols a court-ordered aggressor and keeps attendance, the missed reason encrypted at rest', async () => {
    const e = await enrolmentIn(t, ALMATY);
    await send(t, e.officer, session(e.enrolmentId, '2026-02-02'));
    const after = await send(t, e.officer, session(e.enrolmentId, '2026-02-09', 'Болел, справка от врача'));
    expect(after).toMatchObject({ attended: 1, missed: 1, status: 'enrolled', violationId: null, basis: 'court-order' });
    const stored = await sql<{ missed_reason_enc: string | null }>`
      select missed_reason_enc from programme_sessions where enrolment_id = ${e.enrolmentId}`.execute(t.database.db);
    expect(JSON.stringify(stored.rows)).not.toContain('справка');
    const list = await send(t, e.officer, { method: 'GET', url: `/api/v1/prevention/cases/${e.caseId}/programmes` });
    expect(list).toEqual([
      expect.objectContaining({
        id: e.enrolmentId,
        sessions: [
          expect.objectContaining({ heldOn: '2026-02-02', attended: true, missedReason: null }),
          expect.objectContaining({ heldOn: '2026-02-09', attended: false, missedReason: 'Болел, справка от врача' }),
        ],
      }),
    ]);
    const audit = await sql<{ action: string }>`
      select action from audit_inbox where target_id = ${e.caseId} and action like 'prevention.programme.%'
      union all select action from audit_log where target_id = ${e.caseId} and action like 'prevention.programme.%'`.execute(
      t.database.db,
    );
    expect(audit.rows.map((r) => r.action).sort()).toEqual(
      [
        'prevention.programme.enrol',
        'prevention.programme.read',
        'prevention.programme.session',
        'prevention.programme.session',
      ].sort(),
    );
  });

  it('records a breach of the court’s order once misses pass the allowance, and only once', async () => {
    const e = await enrolmentIn(t, ALMATY);
    await send(t, e.officer, session(e.enrolmentId, '2026-02-02', 'Не пришёл'));
    await send(t, e.officer, session(e.enrolmentId, '2026-02-09', 'Не пришёл'));
    expect(await violationsOf(e.caseId)).toEqual([]);
    const third = await send(t, e.officer, session(e.enrolmentId, '2026-02-16', 'Не пришёл'));
    expect(third.violationId).toEqual(expect.any(String));
    expect((await violationsOf(e.caseId)).map((v) => v.legal_basis)).toEqual([expect.stringContaining('art. 54')]);
    const caseRow = await sql<{ needs_reassessment: boolean }>`
      select needs_reassessment from dv_cases where id = ${e.caseId}`.execute(t.database.db);
    expect(caseRow.rows[0]!.needs_reassessment).toBe(true);
    // The district inspector hears of it as of any breach.
    const events = await sql<{ n: number }>`
      select count(*)::int as n from domain_events
      where type = 'prevention.order-violated' and payload->>'caseId' = ${e.caseId}`.execute(t.database.db);
    expect(events.rows[0]!.n).toBe(1);
    await send(t, e.officer, session(e.enrolmentId, '2026-02-23', 'Не пришёл'));
    await send(t, e.officer, {
      method: 'POST',
      url: `/api/v1/prevention/programmes/${e.enrolmentId}/end`,
      payload: { status: 'dropped-out', endedOn: '2026-03-01' },
    });
    expect(await violationsOf(e.caseId)).toHaveLength(1);
  });

  it('keeps a missed session and the breach it makes together: when the breach cannot be written, neither is', async () => {
    const e = await enrolmentIn(t, ALMATY);
    await send(t, e.officer, session(e.enrolmentId, '2026-04-06', 'Не пришёл'));
    await send(t, e.officer, session(e.enrolmentId, '2026-04-13', 'Не пришёл'));
    const before = await stateOf(e.caseId);
    // The database refuses the breach, as a crash between the two writes would lose it.
    await sql`create function refuse_violation() returns trigger language plpgsql as $$
      begin raise exception 'breach refused for the test'; end $$`.execute(t.database.db);
    await sql`create trigger refuse_violation before insert on protection_order_violations
      for each row execute function refuse_violation()`.execute(t.database.db);
    try {
      const third = await inject(e.officer, session(e.enrolmentId, '2026-04-20', 'Не пришёл'));
      expect(third.statusCode).toBe(500);
    } finally {
      await sql`drop trigger refuse_violation on protection_order_violations`.execute(t.database.db);
      await sql`drop function refuse_violation()`.execute(t.database.db);
    }
    expect(await stateOf(e.caseId)).toBe(before);
    // Entered again, the session and its breach are both there.
    const again = await send(t, e.officer, session(e.enrolmentId, '2026-04-20', 'Не пришёл'));
    expect(again.violationId).toEqual(expect.any(String));
    expect(await violationsOf(e.caseId)).toHaveLength(1);
  });

  it('records a court-ordered drop-out as a breach, a voluntary one not', async () => {
    const court = await enrolmentIn(t, ALMATY);
    const ended = await send(t, court.officer, {
      method: 'POST',
      url: `/api/v1/prevention/programmes/${court.enrolmentId}/end`,
      payload: { status: 'dropped-out', endedOn: '2026-03-01' },
    });
    expect(ended).toMatchObject({ status: 'dropped-out', endedAt: '2026-03-01T00:00:00.000Z', violationId: expect.any(String) });
    expect(await violationsOf(court.caseId)).toHaveLength(1);

    const c = await caseWithAggressorIn(t, ALMATY);
    const voluntary = await send(t, c.officer, {
      method: 'POST',
      url: `/api/v1/prevention/cases/${c.caseId}/programmes`,
      payload: {
        providerId: await providerIn(t, ALMATY, 'counselling'),
        personId: c.aggressorId,
        basis: 'voluntary',
        sessionsPlanned: 6,
        missesAllowed: 0,
      },
    });
    await send(t, c.officer, session(voluntary.id as string, '2026-02-02', 'Не пришёл'));
    const out = await send(t, c.officer, {
      method: 'POST',
      url: `/api/v1/prevention/programmes/${voluntary.id as string}/end`,
      payload: { status: 'dropped-out', endedOn: '2026-03-01' },
    });
    expect(out.violationId).toBeNull();
    expect(await violationsOf(c.caseId)).toEqual([]);
  });

  it('refuses enrolments that do not fit the case, changing nothing', async () => {
    const c = await caseWithAggressorIn(t, ALMATY);
    const providerId = await providerIn(t, ALMATY);
    const orderId = await courtOrderOn(t, c);
    const full = await send(t, c.officer, { method: 'GET', url: `/api/v1/prevention/cases/${c.caseId}` });
    const victimId = (full.people as { id: string; role: string }[]).find((p) => p.role === 'victim')!.id;
    const base = { providerId, personId: c.aggressorId, sessionsPlanned: 10, missesAllowed: 1 };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...base, personId: victimId, basis: 'voluntary' }, 422, 'prevention.programme_person_not_aggressor'],
      [{ ...base, basis: 'court-order' }, 422, 'prevention.programme_order_invalid'],
      [{ ...base, basis: 'voluntary', orderId }, 422, 'prevention.programme_order_invalid'],
      [{ ...base, basis: 'voluntary', providerId: await providerIn(t, ASTANA) }, 404, 'prevention.programme_provider_not_found'],
      [{ ...base, basis: 'voluntary', sessionsPlanned: 0 }, 400, 'request.invalid'],
    ];
    for (const [payload, status, code] of cases) {
      const response = await inject(c.officer, {
        method: 'POST',
        url: `/api/v1/prevention/cases/${c.caseId}/programmes`,
        payload,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.json().code).toBe(code);
    }
    // Another case's court order is not this case's.
    const other = await caseWithAggressorIn(t, ALMATY, c.officer);
    const response = await inject(c.officer, {
      method: 'POST',
      url: `/api/v1/prevention/cases/${other.caseId}/programmes`,
      payload: { ...base, personId: other.aggressorId, basis: 'court-order', orderId },
    });
    expect(response.json().code).toBe('prevention.programme_order_invalid');
    expect(await stateOf(c.caseId)).toBe(0);
    expect(await stateOf(other.caseId)).toBe(0);
  });

  it('refuses bad attendance, changing nothing', async () => {
    const e = await enrolmentIn(t, ALMATY);
    await send(t, e.officer, session(e.enrolmentId, '2026-02-02'));
    const before = await stateOf(e.caseId);
    const bad: [unknown, number, string][] = [
      [{ heldOn: '2026-02-03', attended: false }, 422, 'prevention.programme_missed_reason'],
      [{ heldOn: '2026-02-03', attended: true, missedReason: 'x' }, 422, 'prevention.programme_missed_reason'],
      [{ heldOn: '2026-02-02', attended: true }, 409, 'prevention.programme_session_exists'],
      [{ heldOn: 'yesterday', attended: true }, 400, 'request.invalid'],
    ];
    for (const [payload, status, code] of bad) {
      const response = await inject(e.officer, {
        method: 'POST',
        url: `/api/v1/prevention/programmes/${e.enrolmentId}/sessions`,
        payload,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.json().code).toBe(code);
    }
    await send(t, e.officer, {
      method: 'POST',
      url: `/api/v1/prevention/programmes/${e.enrolmentId}/end`,
      payload: { status: 'completed', endedOn: '2026-03-01' },
    });
    const late = await inject(e.officer, session(e.enrolmentId, '2026-03-02'));
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('prevention.programme_ended');
    expect(await stateOf(e.caseId)).toBe(before);
  });

  it('lets only the case team and supervisors near a programme', async () => {
    const e = await enrolmentIn(t, ALMATY);
    const read = { method: 'GET' as const, url: `/api/v1/prevention/cases/${e.caseId}/programmes` };
    const write = session(e.enrolmentId, '2026-02-02');
    const supervisor = await staffIn(t, ALMATY, ['supervisor']);
    expect((await inject(supervisor, read)).statusCode).toBe(200);

    const stranger = await staffIn(t, ALMATY, ['officer']);
    expect((await inject(stranger, read)).json().code).toBe('prevention.break_glass_required');
    expect((await inject(stranger, write)).json().code).toBe('prevention.break_glass_required');
    // Breaking the glass opens the case file, not what only its team keeps.
    await send(t, stranger, {
      method: 'POST',
      url: `/api/v1/prevention/cases/${e.caseId}/break-glass`,
      payload: { reason: BREAK_GLASS_REASON },
    });
    expect((await inject(stranger, read)).json().code).toBe('prevention.case_team_only');

    const prosecutor = await staffIn(t, ALMATY, ['prosecutor']);
    expect((await inject(prosecutor, read)).statusCode).toBe(200);
    expect((await inject(prosecutor, write)).statusCode).toBe(403);
    for (const roles of [['partner'], ['analyst']] as const) {
      const outsider = await staffIn(t, ALMATY, [...roles]);
      expect((await inject(outsider, read)).statusCode, roles[0]).toBe(403);
      expect((await inject(outsider, write)).statusCode, roles[0]).toBe(403);
    }
    const astana = await staffIn(t, ASTANA, ['officer', 'supervisor']);
    expect((await inject(astana, read)).statusCode).toBe(404);
    expect((await inject(astana, write)).statusCode).toBe(404);
    const district = await sql<{ id: string }>`
      select id from districts where region_id = ${ALMATY} and id <> (select district_id from dv_cases where id = ${e.caseId}) limit 1`.execute(
      t.database.db,
    );
    const neighbour = await createStaff(t, ['officer', 'supervisor'], {
      level: 'district',
      regionId: ALMATY,
      districtId: district.rows[0]!.id,
    });
    expect((await inject(neighbour, write)).statusCode).toBe(404);
    expect(
      await sql<{ n: number }>`select count(*)::int as n from programme_sessions where enrolment_id = ${e.enrolmentId}`
        .execute(t.database.db)
        .then((r) => r.rows[0]!.n),
    ).toBe(0);
  });
});
