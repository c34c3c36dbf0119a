import { sql, type Kysely } from 'kysely';

/**
 * An asker who left an e-mail is told of the answer once: when it was sent, kept beside the
 * question (the address itself is then erased).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table portal_chief_report_questions add column answer_mailed_at timestamptz`.execute(db);
}
