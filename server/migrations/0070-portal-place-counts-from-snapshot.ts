import { sql, type Kysely } from 'kysely';

/**
 * Place safety counts a place's offences from the month as the portal published it, not from
 * incidents as they are now: a crime re-categorised or cancelled after publication must change
 * neither the crime map nor a place's rating.
 *
 * The snapshot's public tables hold no true location (0040), so the true point of each
 * published crime is frozen beside them, in a table that no public route reads: only counts
 * inside a place's outline leave the server. `portal_month_points` marks the months whose
 * points were frozen when they were published; months published before this migration get
 * theirs once, on first need, from the incidents that match their persistent ids.
 * Counts already worked out came from incidents as they were at the time, so they are dropped
 * and worked out again from the snapshot.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table portal_crime_points (
      crime_id bigint primary key references portal_crimes (id),
      month date not null references portal_months (month),
      point geometry(Point, 4326) not null
    )`.execute(db);
  await sql`create index portal_crime_points_point_idx on portal_crime_points using gist (point)`.execute(db);
  await sql`create index portal_crime_points_month_idx on portal_crime_points (month)`.execute(db);
  await sql`create table portal_month_points (month date primary key references portal_months (month))`.execute(db);
  await sql`delete from portal_place_months`.execute(db);
}
