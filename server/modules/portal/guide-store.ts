import { sql, type Kysely } from 'kysely';
import type { Language } from '../../../common/roles.js';
import type { Db } from '../../db/connection.js';
import type { Tables } from '../../db/tables.js';
import type { GuideContent } from './guide-schema.js';

type Executor = Kysely<Tables>;

export interface GuideRow {
  id: string;
  slug: string;
  kind: 'advice' | 'what-to-do';
  quick_exit: boolean;
}

export interface VersionRow {
  version: number;
  state: 'draft' | 'in_review' | 'approved' | 'published';
  content: GuideContent;
  created_at: Date;
  created_by: string | null;
  created_by_name: string | null;
  submitted_at: Date | null;
  approved_at: Date | null;
  approved_by_name: string | null;
  published_at: Date | null;
}

/** `%` and `_` typed by a person are letters, not wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The newest published version of each guide (optionally of one slug), with its guide. A
 * constraint already makes every published version an approved one; the query says so too, so
 * the public can never be shown a text no second editor approved.
 */
function published(db: Db) {
  return db
    .selectFrom('portal_guides as g')
    .innerJoin('portal_guide_versions as v', 'v.guide_id', 'g.id')
    .where('v.state', '=', 'published')
    .where('v.approved_at', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('portal_guide_versions as newer')
            .select('newer.version')
            .whereRef('newer.guide_id', '=', 'g.id')
            .where('newer.state', '=', 'published')
            .whereRef('newer.version', '>', 'v.version'),
        ),
      ),
    )
    .select(['g.slug', 'g.kind', 'g.quick_exit', 'v.version', 'v.content', 'v.published_at']);
}

export async function publishedGuides(db: Db, language: Language, query: string | undefined) {
  let q = published(db)
    .orderBy('g.kind', 'desc')
    .orderBy(sql`v.content -> ${language} ->> 'title'`);
  if (query) {
    const text = sql`v.content -> ${language}`;
    q = q.where(
      sql<boolean>`(${text} ->> 'title') || ' ' || (${text} ->> 'summary') || ' ' || (${text} -> 'steps')::text ilike ${likePattern(query)}`,
    );
  }
  return (await q.execute()) as PublishedRow[];
}

type PublishedRow = Pick<VersionRow, 'version' | 'content'> & {
  slug: string;
  kind: GuideRow['kind'];
  quick_exit: boolean;
  published_at: Date;
};

export async function publishedGuide(db: Db, slug: string) {
  return (await published(db).where('g.slug', '=', slug).executeTakeFirst()) as PublishedRow | undefined;
}

export async function guideBySlug(db: Executor, slug: string): Promise<GuideRow | undefined> {
  return db.selectFrom('portal_guides').select(['id', 'slug', 'kind', 'quick_exit']).where('slug', '=', slug).executeTakeFirst();
}

export async function guideById(db: Executor, id: string): Promise<GuideRow | undefined> {
  return db.selectFrom('portal_guides').select(['id', 'slug', 'kind', 'quick_exit']).where('id', '=', id).executeTakeFirst();
}

/** A guide's row, locked so that concurrent edits of one guide take their turn. */
export async function lockGuide(trx: Executor, id: string): Promise<GuideRow | undefined> {
  return trx
    .selectFrom('portal_guides')
    .select(['id', 'slug', 'kind', 'quick_exit'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertGuide(
  trx: Executor,
  guide: { slug: string; kind: GuideRow['kind']; quickExit: boolean; now: Date; by: string | null },
): Promise<string | null> {
  const row = await trx
    .insertInto('portal_guides')
    .values({ slug: guide.slug, kind: guide.kind, quick_exit: guide.quickExit, created_at: guide.now, created_by: guide.by })
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function insertVersion(
  trx: Executor,
  v: {
    guideId: string;
    version: number;
    content: GuideContent;
    now: Date;
    by: { id: string; name: string } | null;
    /** Only for the project's own seeded text, which is public from the start. */
    publishedAt?: Date;
  },
): Promise<void> {
  await trx
    .insertInto('portal_guide_versions')
    .values({
      guide_id: v.guideId,
      version: v.version,
      state: v.publishedAt ? 'published' : 'draft',
      content: JSON.stringify(v.content),
      created_at: v.now,
      created_by: v.by?.id ?? null,
      created_by_name: v.by?.name ?? null,
      approved_at: v.publishedAt ?? null,
      published_at: v.publishedAt ?? null,
      published_by: v.publishedAt ? (v.by?.id ?? null) : null,
    })
    .execute();
}

/** Every version of a guide, newest first. */
export async function versions(db: Executor, guideId: string): Promise<VersionRow[]> {
  return (await db
    .selectFrom('portal_guide_versions')
    .select([
      'version',
      'state',
      'content',
      'created_at',
      'created_by',
      'created_by_name',
      'submitted_at',
      'approved_at',
      'approved_by_name',
      'published_at',
    ])
    .where('guide_id', '=', guideId)
    .orderBy('version', 'desc')
    .execute()) as VersionRow[];
}

export async function setSubmitted(trx: Executor, guideId: string, version: number, now: Date): Promise<void> {
  await trx
    .updateTable('portal_guide_versions')
    .set({ state: 'in_review', submitted_at: now })
    .where('guide_id', '=', guideId)
    .where('version', '=', version)
    .execute();
}

export async function setApproved(
  trx: Executor,
  guideId: string,
  version: number,
  now: Date,
  by: { id: string; name: string },
): Promise<void> {
  await trx
    .updateTable('portal_guide_versions')
    .set({ state: 'approved', approved_at: now, approved_by: by.id, approved_by_name: by.name })
    .where('guide_id', '=', guideId)
    .where('version', '=', version)
    .execute();
}

export async function setPublished(trx: Executor, guideId: string, version: number, now: Date, by: string): Promise<void> {
  await trx
    .updateTable('portal_guide_versions')
    .set({ state: 'published', published_at: now, published_by: by })
    .where('guide_id', '=', guideId)
    .where('version', '=', version)
    .execute();
}

export async function allGuides(db: Db): Promise<GuideRow[]> {
  return db.selectFrom('portal_guides').select(['id', 'slug', 'kind', 'quick_exit']).orderBy('slug').execute();
}
