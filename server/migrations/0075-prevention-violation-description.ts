import { sql, type Kysely } from 'kysely';

/**
 * What happened at a breach of a protection order (he came to the door, he called her twenty
 * times) names people and places: it is sealed like every free text around a case, and emptied by
 * retention. Breaches recorded before this migration, and those a programme's missed sessions
 * make, have none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table protection_order_violations add column description_enc text`.execute(db);
}
