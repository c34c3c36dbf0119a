import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { firstDistrictAndBeat, normaliseJurisdiction } from '../geo/index.js';
import { seedDemoIdentity } from '../identity/index.js';
import { createFieldCrypto } from '../../secrets/field-crypto.js';
import { freshTestDatabase } from '../../test/database.js';
import { seedDemoRegisters } from './index.js';

describe('demo registers', () => {
  // Ten demo accounts hashed with argon2id take a while on two shared cores.
  it('seeds four invented entries once, in the demo inspector’s beat, with work due today', { timeout: 180_000 }, async () => {
    const database = await freshTestDatabase();
    try {
      const db = database.db;
      const fieldCrypto = createFieldCrypto(crypto.randomBytes(32));
      const deps = { db, fieldCrypto, clock: () => new Date(), retentionDays: 1825 };
      // Without the demo inspector there is nobody to answer for them.
      expect(await seedDemoRegisters(deps)).toBe(0);
      const almaty = await firstDistrictAndBeat(db, '750000000');
      await seedDemoIdentity(
        { ...deps, normaliseJurisdiction: (j) => normaliseJurisdiction(db, j) },
        { almatyDistrict: almaty.districtId, almatyBeat: almaty.beatId },
      );
      expect(await seedDemoRegisters(deps)).toBe(4);
      expect(await seedDemoRegisters(deps)).toBe(0);

      const entries = await db.selectFrom('prevention_register_entries').select(['kind', 'beat_id', 'name_enc']).execute();
      expect(entries.map((e) => e.kind).sort()).toEqual([
        'alcohol-treatment',
        'family-in-difficulty',
        'juvenile',
        'released-prisoner',
      ]);
      expect(new Set(entries.map((e) => e.beat_id))).toEqual(new Set([almaty.beatId]));
      expect(entries.every((e) => fieldCrypto.decrypt(e.name_enc!).endsWith('(Демо)'))).toBe(true);
      // Stored sealed, as every real entry is.
      expect(JSON.stringify(entries)).not.toContain('Демо');
      const contacts = await db.selectFrom('prevention_register_contacts').select('kind').execute();
      expect(contacts.map((c) => c.kind).sort()).toEqual(['home-visit', 'home-visit', 'partner-meeting']);
    } finally {
      await database.close();
    }
  });
});
