import { sql, type Kysely } from 'kysely';

/**
 * Incident times to the millisecond. Lists page with a cursor that carries the last time as a
 * JavaScript date (milliseconds); a microsecond column would compare unequal to its own cursor
 * and skip rows that share the millisecond.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table incidents alter column occurred_at type timestamptz(3), alter column reported_at type timestamptz(3)`.execute(
    db,
  );
}
