import { sql, type Kysely } from 'kysely';

/**
 * A crisis centre's reason for refusing a referral may say why this woman could not be taken in
 * (intoxicated, a son over the age limit, a threat at the door): it is sealed like every free
 * text around a case, and emptied by retention. Reasons written before this migration are sealed
 * at the next start (`sealPlainRefusalReasons`), which needs the key the migration does not have.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table crisis_centre_referrals add column refusal_reason_enc text`.execute(db);
}
