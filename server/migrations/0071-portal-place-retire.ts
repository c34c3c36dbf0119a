import { sql, type Kysely } from 'kysely';

/**
 * A place can be retired (closed, rebuilt, entered twice): it leaves the public list, map and
 * page and takes no more reviews, while its row, counts and reviews stay. The reason is kept in
 * plain text like the portal's other moderation reasons: it is about a place, read only by the
 * area's staff, and the editor is told not to name people in it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table portal_places
      add column retired_at timestamptz,
      add column retired_by uuid,
      add column retire_reason text check (length(retire_reason) between 10 and 2000),
      add constraint portal_places_retired_check check ((retired_at is null) = (retire_reason is null))`.execute(db);
}
