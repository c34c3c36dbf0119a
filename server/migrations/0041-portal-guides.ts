import { sql, type Kysely } from 'kysely';

/**
 * Advice and legal guides. A guide is a stable slug; its text lives in versions, one per edit,
 * each moving draft → in_review → published. The public sees only the newest published version,
 * and a version is published only with its text complete in Kazakh, Russian and English.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table portal_guides (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
      kind text not null check (kind in ('advice', 'what-to-do')),
      quick_exit boolean not null default false,
      created_at timestamptz not null,
      created_by uuid
    )`.execute(db);

  await sql`
    create table portal_guide_versions (
      guide_id uuid not null references portal_guides (id),
      version integer not null check (version > 0),
      state text not null check (state in ('draft', 'in_review', 'published')),
      content jsonb not null,
      created_at timestamptz not null,
      created_by uuid,
      submitted_at timestamptz,
      published_at timestamptz,
      published_by uuid,
      primary key (guide_id, version),
      check ((state = 'published') = (published_at is not null))
    )`.execute(db);
  await sql`create index portal_guide_versions_published_idx on portal_guide_versions (guide_id, version desc) where state = 'published'`.execute(
    db,
  );
}
