import { sql, type Kysely } from 'kysely';

/**
 * A citizen's rating of the service an incident got: one per incident (a merged report rates the
 * incident it joined), with the units and officers who responded, so the effectiveness and
 * trust indicators can be computed per area, unit and officer.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table service_ratings (
      id uuid primary key default gen_random_uuid(),
      incident_id uuid not null unique references incidents (id),
      region_id text not null,
      district_id text,
      score smallint not null check (score between 1 and 5),
      comment_enc text,
      channel text not null check (channel in ('web', 'telegram')),
      unit_ids uuid[] not null,
      officer_ids uuid[] not null,
      rated_at timestamptz(3) not null
    )`.execute(db);
  await sql`create index service_ratings_region_time_idx on service_ratings (region_id, rated_at desc)`.execute(db);
}
