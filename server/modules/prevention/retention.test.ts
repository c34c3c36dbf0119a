import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCrypto } from '../../secrets/field-crypto.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { answers, ALMATY, centreIn, send, staffIn } from '../../test/prevention-fixtures.js';
import { enrolmentIn } from '../../test/programme-fixtures.js';
import { anonymiseClosedCases } from './index.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

const DAY = 86_400_000;
const RETENTION_DAYS = 365;

/** A case with people, a rationale, a missed session's reason, a described breach and an outcome, closed `closedDaysAgo` ago (or left open). */
async function caseClosed(closedDaysAgo: number | 'open') {
  const e = await enrolmentIn(t, ALMATY);
  await send(t, e.officer, {
    method: 'POST',
    url: `/api/v1/prevention/cases/${e.caseId}/assessments`,
    payload: { answers: answers(3), judgementGrade: 'high', rationale: 'Strangled last week', reason: 'initial' },
  });
  await send(t, e.officer, {
    method: 'POST',
    url: `/api/v1/prevention/programmes/${e.enrolmentId}/sessions`,
    payload: { heldOn: '2025-02-02', attended: false, missedReason: 'Был пьян' },
  });
  await send(t, e.officer, {
    method: 'POST',
    url: `/api/v1/prevention/orders/${e.orderId}/violations`,
    payload: {
      occurredAt: new Date().toISOString(),
      legalBasis: 'Code of Administrative Offences, art. 461',
      description: 'Стоял у двери ночью',
    },
  });
  await send(t, e.officer, {
    method: 'POST',
    url: `/api/v1/prevention/cases/${e.caseId}/outcomes`,
    payload: { kind: 'no-further-abuse', occurredAt: new Date(Date.now() - 500 * DAY).toISOString() },
  });
  const at = new Date(Date.now() - (closedDaysAgo === 'open' ? 1000 : closedDaysAgo) * DAY);
  const closedAt = closedDaysAgo === 'open' ? null : at;
  await sql`update dv_cases set status = ${closedAt ? 'closed' : 'open'}, closed_at = ${closedAt}, updated_at = ${at} where id = ${e.caseId}`.execute(
    t.database.db,
  );
  return e;
}

/** Everything the job may change about a case, to compare before and after. */
async function snapshot(caseId: string) {
  const rows = await sql<Record<string, unknown>>`
    select
      (select json_agg(p order by p.id) from dv_case_people p where p.case_id = ${caseId}) as people,
      (select json_agg(a.rationale_enc order by a.id) from dv_risk_assessments a where a.case_id = ${caseId}) as rationales,
      (select json_agg(s.missed_reason_enc order by s.id) from programme_sessions s where s.case_id = ${caseId}) as reasons,
      (select json_agg(v.description_enc order by v.id) from protection_order_violations v where v.case_id = ${caseId}) as breaches,
      (select ST_AsText(location) from dv_cases where id = ${caseId}) as location,
      (select anonymised_at from dv_cases where id = ${caseId}) as anonymised_at`.execute(t.database.db);
  return rows.rows[0]!;
}

async function retentionRuns() {
  const rows = await sql<{ details: { anonymised: number; caseIds: string[]; retentionDays: number; refusalsBlanked?: number } }>`
    select details from audit_inbox where action = 'prevention.retention.run'
    union all select details from audit_log where action = 'prevention.retention.run'`.execute(t.database.db);
  return rows.rows.map((r) => r.details);
}

describe('retention of closed cases', () => {
  it('anonymises closed cases past the period and keeps what statistics need; open and recent ones untouched', async () => {
    const old = await caseClosed(RETENTION_DAYS + 10);
    const recent = await caseClosed(RETENTION_DAYS - 10);
    const open = await caseClosed('open');
    const [recentBefore, openBefore] = [await snapshot(recent.caseId), await snapshot(open.caseId)];
    const fieldCrypto = createFieldCrypto(t.keys.secretKey);

    const count = await anonymiseClosedCases({ db: t.database.db, fieldCrypto }, new Date(), RETENTION_DAYS);
    expect(count).toBeGreaterThanOrEqual(1);

    const people = await sql<Record<string, string | null>>`
      select role, name_enc, iin_enc, iin_hash, address_enc, phone_enc from dv_case_people where case_id = ${old.caseId}`.execute(
      t.database.db,
    );
    expect(people.rows.map((p) => p.role).sort()).toEqual(['aggressor', 'victim']);
    for (const p of people.rows) {
      expect(fieldCrypto.decrypt(p.name_enc!)).toBe('');
      expect([p.iin_enc, p.iin_hash, p.address_enc, p.phone_enc]).toEqual([null, null, null, null]);
    }
    const after = await snapshot(old.caseId);
    expect(after.rationales).toEqual([null]);
    expect(after.reasons).toEqual([null]);
    expect(after.breaches).toEqual(expect.arrayContaining([null]));
    expect((after.breaches as unknown[]).every((d) => d === null)).toBe(true);
    expect((recentBefore.breaches as unknown[]).some((d) => typeof d === 'string')).toBe(true);
    expect(after.anonymised_at).not.toBeNull();
    // The home is now a point on a ~1 km grid: the area, not the address.
    const [lon, lat] = /^POINT\((\S+) (\S+)\)$/.exec(String(after.location))!.slice(1).map(Number);
    for (const value of [lon!, lat!]) expect(Math.abs(value * 100 - Math.round(value * 100))).toBeLessThan(1e-6);
    expect(lon).toBeCloseTo(76.95, 1);

    // Grades, answers, dates, area, programmes and outcomes stay, and the file still opens.
    const supervisor = await staffIn(t, ALMATY, ['supervisor']);
    const exported = await send(t, supervisor, { method: 'GET', url: `/api/v1/prevention/cases/${old.caseId}/export` });
    expect(exported).toMatchObject({
      riskGrade: 'high',
      status: 'closed',
      regionId: ALMATY,
      anonymisedAt: expect.any(String),
      assessments: [expect.objectContaining({ finalGrade: 'high', yesCount: 3 })],
      programmes: [expect.objectContaining({ missed: 1, basis: 'court-order' })],
      outcomes: [expect.objectContaining({ kind: 'no-further-abuse' })],
    });
    expect(exported.timeline).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'case.anonymised' })]));
    const file = await send(t, supervisor, { method: 'GET', url: `/api/v1/prevention/cases/${old.caseId}` });
    expect((file.people as { name: string }[]).map((p) => p.name)).toEqual(['', '']);

    expect(await snapshot(recent.caseId)).toEqual(recentBefore);
    expect(await snapshot(open.caseId)).toEqual(openBefore);

    const runs = await retentionRuns();
    const run = runs.find((r) => r.caseIds.includes(old.caseId))!;
    expect(run).toMatchObject({ retentionDays: RETENTION_DAYS, anonymised: count });
    expect(run.caseIds).not.toContain(recent.caseId);
    expect(run.caseIds).not.toContain(open.caseId);
  });

  it('empties shelters’ refusal reasons: a case’s with the case, one without a case once the decision is past the period', async () => {
    const fieldCrypto = createFieldCrypto(t.keys.secretKey);
    const centre = await centreIn(t, ALMATY, 5);
    const old = await caseClosed(RETENTION_DAYS + 10);
    const refusal = async (caseId: string | null, decidedDaysAgo: number) =>
      (
        await t.database.db
          .insertInto('crisis_centre_referrals')
          .values({
            centre_id: centre,
            case_id: caseId,
            region_id: ALMATY,
            beds: 1,
            status: 'refused',
            refusal_reason_enc: fieldCrypto.encrypt('Her son is 16: over our age limit'),
            referred_by: old.officer.id,
            referred_at: new Date(Date.now() - decidedDaysAgo * DAY),
            decided_at: new Date(Date.now() - decidedDaysAgo * DAY),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const ofCase = await refusal(old.caseId, 3);
    const caselessOld = await refusal(null, RETENTION_DAYS + 1);
    const caselessRecent = await refusal(null, RETENTION_DAYS - 1);

    await anonymiseClosedCases({ db: t.database.db, fieldCrypto }, new Date(), RETENTION_DAYS);
    const reasons = await t.database.db
      .selectFrom('crisis_centre_referrals')
      .select(['id', 'refusal_reason_enc'])
      .where('id', 'in', [ofCase, caselessOld, caselessRecent])
      .execute();
    const reasonOf = (id: string) => reasons.find((r) => r.id === id)!.refusal_reason_enc;
    expect(reasonOf(ofCase)).toBeNull();
    expect(reasonOf(caselessOld)).toBeNull();
    expect(fieldCrypto.decrypt(reasonOf(caselessRecent)!)).toBe('Her son is 16: over our age limit');
    expect((await retentionRuns()).some((r) => (r.refusalsBlanked ?? 0) >= 1)).toBe(true);
  });

  it('audits every run, also one with nothing to do, and never anonymises a case twice', async () => {
    const fieldCrypto = createFieldCrypto(t.keys.secretKey);
    await anonymiseClosedCases({ db: t.database.db, fieldCrypto }, new Date(), RETENTION_DAYS);
    const before = (await retentionRuns()).length;
    expect(await anonymiseClosedCases({ db: t.database.db, fieldCrypto }, new Date(), RETENTION_DAYS)).toBe(0);
    const runs = await retentionRuns();
    expect(runs).toHaveLength(before + 1);
    expect(runs.filter((r) => r.anonymised === 0).length).toBeGreaterThanOrEqual(1);
  });
});
