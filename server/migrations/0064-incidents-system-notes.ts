import { sql, type Kysely } from 'kysely';

/**
 * What the system writes on a timeline (why the rules chose a priority, which unit arrived, which
 * incident was merged) is kept as data, so each reader sees it in their own language; the
 * free-text note is left for what people write. Older entries keep the English text they have.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table incident_timeline add column system_notes jsonb`.execute(db);
}
