import { sql, type Kysely } from 'kysely';

/**
 * Observations of the concept's target indicators per region and year: survey results (how many
 * of how many respondents answered positively, so a confidence interval can be computed) and
 * register counts (road deaths over the population). `demo` marks figures the demo seeder made
 * up; they must never be read as survey results.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table indicator_observations (
      id bigint generated always as identity primary key,
      indicator text not null check (indicator in
        ('sense-of-safety', 'safe-walking-alone', 'road-deaths', 'trust-in-police', 'police-effectiveness')),
      region_id text not null references regions (id),
      year integer not null check (year between 2000 and 2100),
      kind text not null check (kind in ('survey', 'register')),
      numerator integer not null check (numerator >= 0),
      denominator integer not null check (denominator > 0),
      source text not null check (length(source) between 1 and 500),
      demo boolean not null,
      recorded_at timestamptz not null default now(),
      unique (indicator, region_id, year),
      check (kind <> 'survey' or numerator <= denominator)
    )`.execute(db);
}
