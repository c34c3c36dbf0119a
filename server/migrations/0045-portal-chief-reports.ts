import { sql, type Kysely } from 'kysely';

/**
 * Chiefs' reports and citizens' questions on them. A report belongs to a region, or to one
 * district of it, and is written by that area's head or staff acting for them; it is a draft
 * until published, and published only with its title and body in Kazakh, Russian and English.
 * A question waits for moderation, carrying the screen's reasons when it looks like abuse or
 * spam; only an approved question (and its answer) is public. The asker's e-mail, if given, is
 * encrypted per field; the tracking code is kept only as a hash.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table portal_chief_reports (
      id uuid primary key default gen_random_uuid(),
      region_id text not null,
      district_id text,
      period_start date not null,
      period_end date not null,
      state text not null check (state in ('draft', 'published')),
      content jsonb not null,
      created_at timestamptz not null,
      created_by uuid,
      updated_at timestamptz not null,
      published_at timestamptz,
      published_by uuid,
      check (period_end >= period_start),
      check ((state = 'published') = (published_at is not null))
    )`.execute(db);
  await sql`
    create index portal_chief_reports_published_idx
      on portal_chief_reports (region_id, district_id, published_at desc) where state = 'published'`.execute(db);

  await sql`
    create table portal_chief_report_questions (
      id uuid primary key default gen_random_uuid(),
      report_id uuid not null references portal_chief_reports (id),
      tracking_hash text not null unique,
      display_name text,
      text text not null check (length(text) between 10 and 1000),
      text_hash text not null,
      language text not null check (language in ('kk', 'ru', 'en')),
      email_enc text,
      flags text[] not null default '{}',
      state text not null check (state in ('pending', 'approved', 'rejected')),
      received_at timestamptz not null,
      moderated_at timestamptz,
      moderated_by uuid,
      reject_reason text,
      answer text,
      answered_at timestamptz,
      answered_by uuid,
      check ((answer is null) = (answered_at is null)),
      check (answer is null or state = 'approved')
    )`.execute(db);
  await sql`create index portal_chief_report_questions_report_idx on portal_chief_report_questions (report_id, state, received_at)`.execute(
    db,
  );
  // The duplicate check looks for the same text among the last day's questions.
  await sql`create index portal_chief_report_questions_text_idx on portal_chief_report_questions (text_hash, received_at)`.execute(
    db,
  );
}
