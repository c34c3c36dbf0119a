import { sql, type Kysely } from 'kysely';
import type { Tables } from '../db/tables.js';

/**
 * Every row of every table in the database as text: what a full dump of the data would hold
 * (outbox, jobs, audit and any index table included), for asserting that a secret never lands
 * in it in plain text.
 */
export async function everyRowAsText(db: Kysely<Tables>): Promise<string> {
  const tables = await sql<{ name: string }>`
    select format('%I.%I', table_schema, table_name) as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`.execute(db);
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<{ text: string | null }>`select string_agg(x::text, E'\n') as text from ${sql.raw(name)} x`.execute(
      db,
    );
    parts.push(rows.rows[0]?.text ?? '');
  }
  return parts.join('\n');
}
