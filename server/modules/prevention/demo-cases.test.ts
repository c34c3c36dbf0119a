import crypto from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { firstDistrictAndBeat, normaliseJurisdiction } from '../geo/index.js';
import { seedDemoIdentity } from '../identity/index.js';
import { createFieldCrypto } from '../../secrets/field-crypto.js';
import { freshTestDatabase } from '../../test/database.js';
import { seedDemoCases } from './index.js';

describe('demo cases', () => {
  // Ten demo accounts hashed with argon2id take a while on two shared cores.
  it(
    'seeds four invented cases once: every grade, a conference action, a waiting referral, an order',
    { timeout: 180_000 },
    async () => {
      const database = await freshTestDatabase();
      try {
        const db = database.db;
        const fieldCrypto = createFieldCrypto(crypto.randomBytes(32));
        const deps = { db, fieldCrypto, clock: () => new Date(), retentionDays: 1825 };
        // Without the demo accounts there is nobody to open them.
        expect(await seedDemoCases(deps)).toBe(0);
        const almaty = await firstDistrictAndBeat(db, '750000000');
        await seedDemoIdentity(
          { ...deps, normaliseJurisdiction: (j) => normaliseJurisdiction(db, j) },
          { almatyDistrict: almaty.districtId, almatyBeat: almaty.beatId },
        );
        expect(await seedDemoCases(deps)).toBe(4);
        expect(await seedDemoCases(deps)).toBe(0);

        const cases = await db.selectFrom('dv_cases').select(['risk_grade', 'beat_id']).execute();
        expect(cases.map((c) => c.risk_grade).sort()).toEqual(['high', 'high', 'medium', 'standard']);
        expect(new Set(cases.map((c) => c.beat_id))).toEqual(new Set([almaty.beatId]));

        const people = await db.selectFrom('dv_case_people').select(['name_enc', 'address_enc']).execute();
        expect(people.map((p) => fieldCrypto.decrypt(p.name_enc)).every((name) => name.endsWith('(Демо)'))).toBe(true);
        // Stored sealed, as every real case is.
        expect(JSON.stringify(people)).not.toContain('Демо');

        const referrals = await db.selectFrom('risk_referrals').select('conference_id').execute();
        expect(referrals.filter((r) => r.conference_id === null)).toHaveLength(1);
        const conference = await db.selectFrom('risk_conferences').select(['attended']).executeTakeFirstOrThrow();
        expect(conference.attended).toEqual(['police', 'crisis-centre', 'social-protection']);
        const actions = await db.selectFrom('safety_plan_actions').select('agency').execute();
        expect(actions).toEqual([{ agency: 'crisis-centre' }]);
        const orders = await sql<{ n: number }>`select count(*)::int n from protection_orders where expires_at > now()`.execute(
          db,
        );
        expect(orders.rows[0]?.n).toBe(1);
      } finally {
        await database.close();
      }
    },
  );
});
