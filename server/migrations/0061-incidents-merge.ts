import { sql, type Kysely } from 'kysely';

/**
 * A report merged into another keeps its row (its reporter still follows it by its code) and
 * points at the incident that now carries the event. Open incidents are what duplicate search
 * looks through, so they get an index of their own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table incidents add column merged_into uuid references incidents (id)`.execute(db);
  await sql`alter table incidents add constraint incidents_not_merged_into_self check (merged_into <> id)`.execute(db);
  await sql`
    create index incidents_open_location_idx on incidents using gist (location)
    where status in ('new', 'triaged', 'dispatched', 'en_route', 'on_scene')`.execute(db);
}
