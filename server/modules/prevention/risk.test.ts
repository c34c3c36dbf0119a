import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { ALMATY, answers, caseIn, send, staffIn } from '../../test/prevention-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

const assess = (caseId: string, payload: Record<string, unknown>) => ({
  method: 'POST' as const,
  url: `/api/v1/prevention/cases/${caseId}/assessments`,
  payload: { reason: 'initial', ...payload },
});
const link = (caseId: string, daysAgo: number) => ({
  method: 'POST' as const,
  url: `/api/v1/prevention/cases/${caseId}/incidents`,
  payload: { incidentId: crypto.randomUUID(), occurredAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString() },
});

describe('risk assessment and referral', () => {
  it('grades 13 "yes" medium without a referral, and 14 high with one', async () => {
    const medium = await caseIn(t, ALMATY);
    const first = await send(t, medium.officer, assess(medium.id, { answers: answers(13) }));
    expect(first).toMatchObject({
      yesCount: 13,
      scoreGrade: 'medium',
      finalGrade: 'medium',
      referral: null,
      instrumentVersion: 'aman-dv-risk@1',
    });

    const high = await caseIn(t, ALMATY);
    const second = await send(t, high.officer, assess(high.id, { answers: answers(14) }));
    expect(second).toMatchObject({
      finalGrade: 'high',
      referral: { caseId: high.id, criteria: ['high-score'], isRepeat: false },
    });
    const stored = await sql<{ instrument_version: string }>`
      select instrument_version from dv_risk_assessments where case_id = ${high.id}`.execute(t.database.db);
    expect(stored.rows).toEqual([{ instrument_version: 'aman-dv-risk@1' }]);
  });

  it('refers a case raised to high by judgement, and keeps the rationale encrypted', async () => {
    const created = await caseIn(t, ALMATY);
    const refused = await t.app.inject({
      ...assess(created.id, { answers: answers(5), judgementGrade: 'high' }),
      headers: { cookie: created.officer.cookie },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('prevention.rationale_required');
    const lowered = await t.app.inject({
      ...assess(created.id, { answers: answers(14), judgementGrade: 'standard', rationale: 'Calm now' }),
      headers: { cookie: created.officer.cookie },
    });
    expect(lowered.json().code).toBe('prevention.judgement_cannot_lower');

    const rationale = 'Choked her until she fainted; she believes he will kill her';
    const raised = await send(t, created.officer, assess(created.id, { answers: answers(5), judgementGrade: 'high', rationale }));
    expect(raised).toMatchObject({
      scoreGrade: 'standard',
      finalGrade: 'high',
      raisedByJudgement: true,
      referral: { criteria: ['professional-judgement'] },
    });
    const raw = await sql<{
      rationale_enc: string;
    }>`select rationale_enc from dv_risk_assessments where case_id = ${created.id}`.execute(t.database.db);
    expect(raw.rows[0]!.rationale_enc).not.toContain('Choked');
  });

  it('asks for a reassessment on a new incident and shows the trend oldest first', async () => {
    const created = await caseIn(t, ALMATY);
    await send(t, created.officer, assess(created.id, { answers: answers(4) }));
    await send(t, created.officer, link(created.id, 0));
    const flagged = await send(t, created.officer, { method: 'GET', url: `/api/v1/prevention/cases/${created.id}` });
    expect(flagged.needsReassessment).toBe(true);
    await send(t, created.officer, assess(created.id, { answers: answers(11), reason: 'new-incident' }));
    const trend = await send(t, created.officer, { method: 'GET', url: `/api/v1/prevention/cases/${created.id}/assessments` });
    expect((trend.points as { yesCount: number; finalGrade: string }[]).map((p) => [p.yesCount, p.finalGrade])).toEqual([
      [4, 'standard'],
      [11, 'medium'],
    ]);
  });

  it('refers a third incident within 12 months (escalation), once, while the referral waits', async () => {
    const created = await caseIn(t, ALMATY);
    expect((await send(t, created.officer, link(created.id, 300))).referral).toBeNull();
    expect((await send(t, created.officer, link(created.id, 100))).referral).toBeNull();
    const third = await send(t, created.officer, link(created.id, 1));
    expect(third.referral).toMatchObject({ criteria: ['escalation'], isRepeat: false });
    const high = await send(t, created.officer, assess(created.id, { answers: answers(20) }));
    expect(high.referral).toMatchObject({ id: (third.referral as { id: string }).id, criteria: ['escalation', 'high-score'] });
  });

  it('flags a repeat referral: further abuse within 12 months of a referral already heard', async () => {
    const created = await caseIn(t, ALMATY);
    await send(t, created.officer, assess(created.id, { answers: answers(15) }));
    const supervisor = await staffIn(t, ALMATY, ['supervisor']);
    await send(t, supervisor, {
      method: 'POST',
      url: '/api/v1/prevention/conferences',
      payload: { districtId: created.districtId, scheduledAt: new Date().toISOString(), agencies: ['police'] },
    });
    const again = await send(t, created.officer, {
      ...link(created.id, 0),
      payload: { incidentId: crypto.randomUUID(), occurredAt: new Date(Date.now() + 1000).toISOString() },
    });
    // Its last grade is still high, so that criterion stands beside the repeat.
    expect(again.referral).toMatchObject({ criteria: ['high-score', 'repeat'], isRepeat: true, conferenceId: null });
    const list = await send(t, supervisor, { method: 'GET', url: '/api/v1/prevention/referrals?limit=500' });
    const mine = (list.items as { caseId: string; isRepeat: boolean }[]).filter((r) => r.caseId === created.id);
    expect(mine.map((r) => r.isRepeat)).toEqual([true, false]);
  });

  it('records outcomes for later validation of the instrument', async () => {
    const created = await caseIn(t, ALMATY);
    const outcome = await send(t, created.officer, {
      method: 'POST',
      url: `/api/v1/prevention/cases/${created.id}/outcomes`,
      payload: { kind: 'revictimised', occurredAt: new Date().toISOString() },
    });
    expect(outcome).toMatchObject({ caseId: created.id, kind: 'revictimised' });
  });
});
