import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { hasActiveProtectionOrderNear } from './index.js';
import { ALMATY, ASTANA, caseIn, LEGAL_BASIS, POINTS, send, staffIn } from '../../test/prevention-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

const DAY = 86_400_000;
const order = (caseId: string, payload: Record<string, unknown>) => ({
  method: 'POST' as const,
  url: `/api/v1/prevention/cases/${caseId}/orders`,
  payload: { legalBasis: LEGAL_BASIS, conditions: ['no-contact'], ...payload },
});

describe('protection orders', () => {
  it('issues a police order for 30 days and court requirements for 3–12 months only', async () => {
    const created = await caseIn(t, ALMATY);
    const issuedAt = new Date('2026-03-01T09:00:00Z');
    const police = await send(
      t,
      created.officer,
      order(created.id, { kind: 'police-protection', issuedAt: issuedAt.toISOString() }),
    );
    expect(police.expiresAt).toBe(new Date(issuedAt.getTime() + 30 * DAY).toISOString());
    const court = await send(
      t,
      created.officer,
      order(created.id, {
        kind: 'court-special-requirements',
        months: 6,
        conditions: ['no-contact', 'no-weapons', 'psycho-correction'],
      }),
    );
    expect(court).toMatchObject({
      isActive: true,
      conditions: ['no-contact', 'no-weapons', 'psycho-correction'],
      legalBasis: LEGAL_BASIS,
    });
    const tooLong = await t.app.inject({
      ...order(created.id, { kind: 'court-special-requirements', months: 13 }),
      headers: { cookie: created.officer.cookie },
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().code).toBe('prevention.order_term_invalid');
    const view = await send(t, created.officer, { method: 'GET', url: `/api/v1/prevention/cases/${created.id}` });
    const issued = (view.timeline as { kind: string; legalBasis: string }[]).filter((e) => e.kind === 'order.issued');
    expect(issued.map((e) => e.legalBasis)).toEqual([LEGAL_BASIS, LEGAL_BASIS]);
  });

  it('lists orders about to expire, and not those expired or far from it', async () => {
    const created = await caseIn(t, ALMATY);
    const soon = await send(
      t,
      created.officer,
      order(created.id, { kind: 'police-protection', issuedAt: new Date(Date.now() - 27 * DAY).toISOString() }),
    );
    const expired = await send(
      t,
      created.officer,
      order(created.id, { kind: 'police-protection', issuedAt: new Date(Date.now() - 31 * DAY).toISOString() }),
    );
    const fresh = await send(t, created.officer, order(created.id, { kind: 'police-protection' }));
    const page = await send(t, created.officer, {
      method: 'GET',
      url: '/api/v1/prevention/orders?expiringWithinDays=7&limit=500',
    });
    const ids = (page.items as { id: string }[]).map((o) => o.id);
    expect(ids).toContain(soon.id);
    expect(ids).not.toContain(expired.id);
    expect(ids).not.toContain(fresh.id);
    expect(expired.isActive).toBe(false);
  });

  it('records a violation: the case needs reassessment, and a heard case goes back as a repeat', async () => {
    const created = await caseIn(t, ALMATY);
    await send(t, created.officer, {
      method: 'POST',
      url: `/api/v1/prevention/cases/${created.id}/assessments`,
      payload: { answers: (await import('../../test/prevention-fixtures.js')).answers(16), reason: 'initial' },
    });
    const supervisor = await staffIn(t, ALMATY, ['supervisor']);
    await send(t, supervisor, {
      method: 'POST',
      url: '/api/v1/prevention/conferences',
      payload: { districtId: created.districtId, scheduledAt: new Date().toISOString(), agencies: ['police'] },
    });
    const issued = await send(
      t,
      created.officer,
      order(created.id, { kind: 'police-protection', issuedAt: new Date(Date.now() - DAY).toISOString() }),
    );
    const violation = await send(t, created.officer, {
      method: 'POST',
      url: `/api/v1/prevention/orders/${issued.id as string}/violations`,
      payload: { occurredAt: new Date(Date.now() + 1000).toISOString(), legalBasis: 'Code of Administrative Offences, art. 461' },
    });
    expect(violation.referral).toMatchObject({ isRepeat: true });
    const view = await send(t, created.officer, { method: 'GET', url: `/api/v1/prevention/cases/${created.id}` });
    expect(view.needsReassessment).toBe(true);
    const entry = (view.timeline as { kind: string; legalBasis: string }[]).find((e) => e.kind === 'order.violated');
    expect(entry?.legalBasis).toBe('Code of Administrative Offences, art. 461');
    // The inspector's console hears of it through an event that names no one.
    const events = await sql<{ payload: Record<string, unknown> }>`
      select payload from domain_events where type = 'prevention.order-violated' and payload->>'caseId' = ${created.id}`.execute(
      t.database.db,
    );
    expect(events.rows.map((e) => Object.keys(e.payload).sort())).toEqual([['caseId', 'orderId', 'responsibleOfficerId']]);
  });

  it('keeps what happened at a breach sealed at rest, in the order’s history for the case’s readers only', async () => {
    const created = await caseIn(t, ALMATY);
    const issued = await send(
      t,
      created.officer,
      order(created.id, { kind: 'police-protection', issuedAt: new Date(Date.now() - DAY).toISOString() }),
    );
    const url = `/api/v1/prevention/orders/${issued.id as string}/violations`;
    const occurredAt = new Date(Date.now() - 3_600_000).toISOString();
    const what = 'Came to the flat at night and shouted threats through the door (test Zhanbolat)';
    const breach = (payload: Record<string, unknown>, lang = 'en', cookie = created.officer.cookie) =>
      t.app.inject({ method: 'POST', url: `${url}?lang=${lang}`, headers: { cookie }, payload });

    // Blank text, or too long, is refused in the caller's language and nothing is kept.
    for (const description of ['   ', 'x'.repeat(2001)]) {
      const refused = await breach({ occurredAt, legalBasis: LEGAL_BASIS, description }, 'ru');
      expect(refused.statusCode).toBe(400);
      expect(refused.json().title).toMatch(/[а-я]/);
    }
    // Another region's officer does not find the order at all.
    const astana = await staffIn(t, ASTANA, ['officer']);
    expect((await breach({ occurredAt, legalBasis: LEGAL_BASIS, description: what }, 'en', astana.cookie)).statusCode).toBe(404);
    expect(
      (await sql`select 1 from protection_order_violations where order_id = ${issued.id as string}`.execute(t.database.db)).rows,
    ).toEqual([]);

    const recorded = await breach({ occurredAt, legalBasis: LEGAL_BASIS, description: `  ${what}  ` });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ orderId: issued.id, caseClosed: false, needsReassessment: true });

    const stored = await sql<Record<string, unknown>>`
      select * from protection_order_violations where order_id = ${issued.id as string}`.execute(t.database.db);
    expect(JSON.stringify(stored.rows)).not.toContain('Zhanbolat');
    expect(stored.rows[0]!.description_enc).toEqual(expect.any(String));
    const audit = await sql<{ text: string }>`
      select coalesce(string_agg(details::text, ' '), '') as text from (
        select details from audit_inbox where target_id = ${issued.id as string}
        union all select details from audit_log where target_id = ${issued.id as string}) entries`.execute(t.database.db);
    expect(audit.rows[0]!.text).toContain('"described": true');
    expect(audit.rows[0]!.text).not.toContain('Zhanbolat');

    const view = await send(t, created.officer, { method: 'GET', url: `/api/v1/prevention/cases/${created.id}` });
    expect(view.violations).toEqual([
      {
        id: recorded.json().id,
        orderId: issued.id,
        occurredAt,
        recordedAt: expect.any(String),
        legalBasis: LEGAL_BASIS,
        description: what,
        incidentId: null,
      },
    ]);
    expect((view.orders as { id: string; violations: number }[]).find((o) => o.id === issued.id)?.violations).toBe(1);
    // Officers of the area outside the team get the masked case, which carries no breach text.
    const colleague = await staffIn(t, ALMATY, ['officer']);
    const masked = await t.app.inject({
      method: 'GET',
      url: `/api/v1/prevention/cases/${created.id}/masked`,
      headers: { cookie: colleague.cookie },
    });
    expect(masked.body).not.toContain('Zhanbolat');
  });

  it('refuses a violation of an order that had expired', async () => {
    const created = await caseIn(t, ALMATY);
    const expired = await send(
      t,
      created.officer,
      order(created.id, { kind: 'police-protection', issuedAt: new Date(Date.now() - 40 * DAY).toISOString() }),
    );
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/prevention/orders/${expired.id as string}/violations`,
      headers: { cookie: created.officer.cookie },
      payload: { occurredAt: new Date().toISOString(), legalBasis: LEGAL_BASIS },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('prevention.order_not_in_force');
  });

  it('tells dispatch whether an order in force protects a place nearby, and nothing more', async () => {
    const created = await caseIn(t, ALMATY);
    const issuedAt = new Date('2030-01-01T00:00:00Z');
    await send(t, created.officer, order(created.id, { kind: 'police-protection', issuedAt: issuedAt.toISOString() }));
    const [lon, lat] = POINTS[ALMATY]!.coordinates;
    const during = new Date(issuedAt.getTime() + 10 * DAY);
    const db = t.database.db;
    expect(await hasActiveProtectionOrderNear(db, { lon: lon + 0.0005, lat }, 100, during)).toBe(true);
    // About 800 m east: outside a 100 m radius.
    expect(await hasActiveProtectionOrderNear(db, { lon: lon + 0.01, lat }, 100, during)).toBe(false);
    expect(await hasActiveProtectionOrderNear(db, { lon, lat }, 100, new Date(issuedAt.getTime() + 31 * DAY))).toBe(false);
    expect(await hasActiveProtectionOrderNear(db, { lon, lat }, 100, new Date(issuedAt.getTime() - DAY))).toBe(false);
  });
});
