import { sql, type Kysely } from 'kysely';

/**
 * What people write about an incident (a citizen's description, an operator's or a unit's note)
 * names people, phones and addresses in every category, so it is field-encrypted like the
 * reporter's contact. Migrations hold no keys: the plain columns stay for rows written before,
 * and the incidents module seals those at start-up (`sealPlainIncidentTexts`) and empties them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table incidents add column description_enc text`.execute(db);
  await sql`alter table incident_timeline add column internal_note_enc text`.execute(db);
}
