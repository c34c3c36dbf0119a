import { sql, type Kysely } from 'kysely';

/**
 * A commander's response times select incidents by when they were reported, in a region; the
 * existing indexes order by when they occurred, which a late report makes different.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index incidents_region_reported_idx on incidents (region_id, reported_at)`.execute(db);
}
