import type { Kysely } from 'kysely';
import type { Jurisdiction } from '../../../common/roles.js';
import type { Tables } from '../../db/tables.js';
import type { FieldCrypto } from '../../secrets/field-crypto.js';
import { inJurisdiction } from './scope.js';

type Db = Kysely<Tables>;

/** The cases inside the jurisdiction in which a person with this IIN lookup hash appears, last changed first. */
export async function casesWithIinHash(db: Db, jurisdiction: Jurisdiction, hash: string) {
  return db
    .selectFrom('dv_case_people as p')
    .innerJoin('dv_cases', 'dv_cases.id', 'p.case_id')
    .select([
      'dv_cases.id',
      'dv_cases.case_number',
      'dv_cases.district_id',
      'dv_cases.beat_id',
      'dv_cases.status',
      'dv_cases.risk_grade',
      'dv_cases.updated_at',
      'p.role',
    ])
    .where('p.iin_hash', '=', hash)
    .where(inJurisdiction(jurisdiction, 'dv_cases'))
    .orderBy('dv_cases.updated_at', 'desc')
    .orderBy('dv_cases.id')
    .limit(200)
    .execute();
}

/**
 * Gives every sealed IIN without its lookup hash one (rows from before the hash, or written by
 * hand). Idempotent and cheap when there is nothing to do; returns how many it filled.
 */
export async function backfillIinHashes(db: Db, fieldCrypto: FieldCrypto): Promise<number> {
  const rows = await db
    .selectFrom('dv_case_people')
    .select(['id', 'iin_enc'])
    .where('iin_enc', 'is not', null)
    .where('iin_hash', 'is', null)
    .execute();
  for (const row of rows) {
    await db
      .updateTable('dv_case_people')
      .set({ iin_hash: fieldCrypto.lookupHash(fieldCrypto.decrypt(row.iin_enc!)) })
      .where('id', '=', row.id)
      .execute();
  }
  return rows.length;
}
