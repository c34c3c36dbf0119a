import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { freshTestDatabase } from '../../test/database.js';
import { createFieldCrypto } from '../../secrets/field-crypto.js';
import { sealPlainRefusalReasons, seedPrevention } from './index.js';
import { ALMATY, ASTANA, centreIn, send, staffIn } from '../../test/prevention-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

const refer = (centreId: string, beds: number) => ({
  method: 'POST' as const,
  url: `/api/v1/prevention/crisis-centres/${centreId}/referrals`,
  payload: { beds },
});
const decide = (id: string, payload: Record<string, unknown>) => ({
  method: 'POST' as const,
  url: `/api/v1/prevention/crisis-referrals/${id}/decision`,
  payload,
});

describe('crisis centres', () => {
  it('seeds the demo centres once', async () => {
    const database = await freshTestDatabase();
    try {
      expect(await seedPrevention(database.db, new Date())).toBe(4);
      expect(await seedPrevention(database.db, new Date())).toBe(0);
      const names = await database.db.selectFrom('crisis_centres').select('name').execute();
      expect(names.every((c) => c.name.includes('(Демо)'))).toBe(true);
    } finally {
      await database.close();
    }
  });

  it('answers where a free bed is now in the officer’s region, most room first', async () => {
    const full = await centreIn(t, ALMATY, 2);
    const roomy = await centreIn(t, ALMATY, 40);
    const elsewhere = await centreIn(t, ASTANA, 50);
    const supervisor = await staffIn(t, ALMATY, ['supervisor']);
    await send(t, supervisor, {
      method: 'PUT',
      url: `/api/v1/prevention/crisis-centres/${full}/occupancy`,
      payload: { bedsOccupied: 2 },
    });
    const officer = await staffIn(t, ALMATY, ['officer']);
    const free = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/prevention/crisis-centres?freeBeds=1',
        headers: { cookie: officer.cookie },
      })
    ).json();
    const ids = (free as { id: string }[]).map((c) => c.id);
    expect(ids).toContain(roomy);
    expect(ids).not.toContain(full);
    expect(ids).not.toContain(elsewhere);
    const beds = (free as { bedsFree: number }[]).map((c) => c.bedsFree);
    expect(beds).toEqual([...beds].sort((a, b) => b - a));
  });

  it('takes beds on acceptance, refuses when full, and needs a reason to refuse', async () => {
    const centre = await centreIn(t, ALMATY, 3);
    const officer = await staffIn(t, ALMATY, ['officer']);
    const supervisor = await staffIn(t, ALMATY, ['supervisor']);
    const first = await send(t, officer, refer(centre, 3));
    const second = await send(t, officer, refer(centre, 1));
    expect(await send(t, supervisor, decide(first.id as string, { accepted: true }))).toMatchObject({ status: 'accepted' });
    const full = await t.app.inject({
      ...decide(second.id as string, { accepted: true }),
      headers: { cookie: supervisor.cookie },
    });
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe('prevention.centre_full');
    const noReason = await t.app.inject({
      ...decide(second.id as string, { accepted: false }),
      headers: { cookie: supervisor.cookie },
    });
    expect(noReason.json().code).toBe('prevention.refusal_reason_required');
    const refused = await send(t, supervisor, decide(second.id as string, { accepted: false, reason: 'No free beds tonight' }));
    expect(refused).toMatchObject({ status: 'refused', refusalReason: 'No free beds tonight' });
    // The reason may say why this woman could not be taken in: it is sealed at rest.
    const stored = await t.database.db
      .selectFrom('crisis_centre_referrals')
      .select(['refusal_reason', 'refusal_reason_enc'])
      .where('id', '=', second.id as string)
      .executeTakeFirstOrThrow();
    expect(stored.refusal_reason).toBeNull();
    expect(createFieldCrypto(t.keys.secretKey).decrypt(stored.refusal_reason_enc!)).toBe('No free beds tonight');
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/v1/prevention/crisis-centres', headers: { cookie: officer.cookie } })
    ).json();
    expect((list as { id: string; bedsFree: number }[]).find((c) => c.id === centre)?.bedsFree).toBe(0);
  });

  it('seals a refusal reason written in plain text before reasons were sealed, once', async () => {
    const centre = await centreIn(t, ALMATY, 2);
    const officer = await staffIn(t, ALMATY, ['officer']);
    const referral = await send(t, officer, refer(centre, 1));
    await t.database.db
      .updateTable('crisis_centre_referrals')
      .set({ status: 'refused', refusal_reason: 'Intoxicated at the door', decided_at: new Date() })
      .where('id', '=', referral.id as string)
      .execute();
    const fieldCrypto = createFieldCrypto(t.keys.secretKey);
    expect(await sealPlainRefusalReasons(t.database.db, fieldCrypto)).toBeGreaterThanOrEqual(1);
    expect(await sealPlainRefusalReasons(t.database.db, fieldCrypto)).toBe(0);
    const stored = await t.database.db
      .selectFrom('crisis_centre_referrals')
      .select(['refusal_reason', 'refusal_reason_enc'])
      .where('id', '=', referral.id as string)
      .executeTakeFirstOrThrow();
    expect(stored.refusal_reason).toBeNull();
    expect(fieldCrypto.decrypt(stored.refusal_reason_enc!)).toBe('Intoxicated at the door');
  });

  it('lets only partners of a crisis centre report occupancy', async () => {
    const centre = await centreIn(t, ALMATY, 5);
    const partner = await staffIn(t, ALMATY, ['partner']);
    const response = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/prevention/crisis-centres/${centre}/occupancy`,
      headers: { cookie: partner.cookie },
      payload: { bedsOccupied: 1 },
    });
    expect(response.statusCode).toBe(403);
  });

  it('hides another region’s centre from an officer referring to it', async () => {
    const centre = await centreIn(t, ASTANA, 5);
    const officer = await staffIn(t, ALMATY, ['officer']);
    const response = await t.app.inject({ ...refer(centre, 1), headers: { cookie: officer.cookie } });
    expect(response.statusCode).toBe(404);
  });
});
