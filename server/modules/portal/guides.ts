import type { Static } from '@sinclair/typebox';
import { LANGUAGES, type Language } from '../../../common/roles.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import type {
  GuideContent,
  GuideCreate,
  GuideEdit,
  PublicGuide,
  PublicGuideSummary,
  StaffGuide,
  StaffGuideSummary,
} from './guide-schema.js';
import * as store from './guide-store.js';

export interface GuideDeps {
  db: Db;
  clock: () => Date;
}

/** Who edits, as the audit log names them. */
export interface Editor {
  userId: string;
  ip: string | null;
}

/** A guide's editor: the user name is kept with the versions they write or approve. */
export interface GuideEditor extends Editor {
  username: string;
}

const signature = (editor: GuideEditor) => ({ id: editor.userId, name: editor.username });

/** A version may be published only when every language has a title, a summary and at least one step. */
export function isComplete(content: GuideContent): boolean {
  return LANGUAGES.every((language) => {
    const text = content[language];
    return !!text && text.title.trim() !== '' && text.summary.trim() !== '' && text.steps.length > 0;
  });
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function listPublicGuides(db: Db, language: Language, query?: string): Promise<Static<typeof PublicGuideSummary>[]> {
  const rows = await store.publishedGuides(db, language, query?.trim() || undefined);
  return rows.map((r) => ({
    slug: r.slug,
    kind: r.kind,
    quickExit: r.quick_exit,
    title: r.content[language]?.title ?? r.slug,
    summary: r.content[language]?.summary ?? '',
    publishedAt: r.published_at.toISOString(),
  }));
}

/** The newest published version in one language; 404 when nothing of the guide is published. */
export async function publicGuide(db: Db, slug: string, language: Language): Promise<Static<typeof PublicGuide>> {
  const row = await store.publishedGuide(db, slug);
  const text = row?.content[language];
  if (!row || !text) throw new AppError('portal.guide_not_found', { slug });
  return {
    slug: row.slug,
    kind: row.kind,
    quickExit: row.quick_exit,
    version: row.version,
    publishedAt: row.published_at.toISOString(),
    ...text,
  };
}

function anyTitle(content: GuideContent, language: Language, fallback: string): string {
  return content[language]?.title ?? LANGUAGES.map((l) => content[l]?.title).find(Boolean) ?? fallback;
}

export async function listStaffGuides(db: Db, language: Language): Promise<Static<typeof StaffGuideSummary>[]> {
  const result: Static<typeof StaffGuideSummary>[] = [];
  for (const guide of await store.allGuides(db)) {
    const all = await store.versions(db, guide.id);
    const latest = all[0]!;
    result.push({
      id: guide.id,
      slug: guide.slug,
      kind: guide.kind,
      quickExit: guide.quick_exit,
      title: anyTitle(latest.content, language, guide.slug),
      latestVersion: latest.version,
      latestState: latest.state,
      latestAuthor: latest.created_by_name,
      publishedVersion: all.find((v) => v.state === 'published')?.version ?? null,
    });
  }
  return result;
}

/** A guide as editors see it; `viewerId` says which versions the viewer wrote (and so may not approve). */
export async function staffGuide(db: Db, id: string, viewerId: string): Promise<Static<typeof StaffGuide>> {
  const guide = await store.guideById(db, id);
  if (!guide) throw new AppError('portal.guide_not_found', { id });
  const all = await store.versions(db, id);
  const latest = all[0]!;
  return {
    id: guide.id,
    slug: guide.slug,
    kind: guide.kind,
    quickExit: guide.quick_exit,
    versions: all.map((v) => ({
      version: v.version,
      state: v.state,
      createdAt: v.created_at.toISOString(),
      author: v.created_by_name,
      writtenByViewer: v.created_by === viewerId,
      submittedAt: iso(v.submitted_at),
      approvedAt: iso(v.approved_at),
      approver: v.approved_by_name,
      publishedAt: iso(v.published_at),
    })),
    latest: {
      version: latest.version,
      state: latest.state,
      content: latest.content,
      author: latest.created_by_name,
      writtenByViewer: latest.created_by === viewerId,
    },
    publishedVersion: all.find((v) => v.state === 'published')?.version ?? null,
  };
}

export async function createGuide(deps: GuideDeps, editor: GuideEditor, input: Static<typeof GuideCreate>): Promise<string> {
  const now = deps.clock();
  const id = await deps.db.transaction().execute(async (trx) => {
    const created = await store.insertGuide(trx, { ...input, now, by: editor.userId });
    if (!created) throw new AppError('portal.guide_slug_taken', { slug: input.slug });
    await store.insertVersion(trx, { guideId: created, version: 1, content: input.content, now, by: signature(editor) });
    await audit(trx, editor, 'portal.guide.create', created, { slug: input.slug, version: 1 });
    return created;
  });
  return id;
}

/** Every edit is a new draft version after the newest; an edit begun from an older version is refused (409). */
export async function editGuide(
  deps: GuideDeps,
  editor: GuideEditor,
  id: string,
  input: Static<typeof GuideEdit>,
): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    if (!(await store.lockGuide(trx, id))) throw new AppError('portal.guide_not_found', { id });
    const latest = (await store.versions(trx, id))[0]!;
    if (latest.version !== input.basedOn) {
      throw new AppError('portal.guide_version_conflict', { latest: latest.version, basedOn: input.basedOn });
    }
    const version = latest.version + 1;
    await store.insertVersion(trx, { guideId: id, version, content: input.content, now: deps.clock(), by: signature(editor) });
    await audit(trx, editor, 'portal.guide.edit', id, { version });
    return version;
  });
}

/** draft → in_review: only the newest version, and only when all three languages are complete. */
export async function submitVersion(deps: GuideDeps, editor: GuideEditor, id: string, version: number): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    if (!(await store.lockGuide(trx, id))) throw new AppError('portal.guide_not_found', { id });
    const all = await store.versions(trx, id);
    const target = all.find((v) => v.version === version);
    if (!target) throw new AppError('portal.guide_not_found', { id, version });
    if (target.state !== 'draft' || all[0]!.version !== version) {
      throw new AppError('portal.guide_wrong_state', { version, state: target.state });
    }
    if (!isComplete(target.content)) throw new AppError('portal.guide_incomplete', { version });
    await store.setSubmitted(trx, id, version, deps.clock());
    await audit(trx, editor, 'portal.guide.submit', id, { version });
  });
}

/**
 * in_review → approved: the second pair of eyes. Legal advice goes public only after an editor
 * other than its author has read it, so the author is refused (403), and the refusal is audited.
 */
export async function approveVersion(deps: GuideDeps, editor: GuideEditor, id: string, version: number): Promise<void> {
  const ownVersion = await deps.db.transaction().execute(async (trx) => {
    if (!(await store.lockGuide(trx, id))) throw new AppError('portal.guide_not_found', { id });
    const target = (await store.versions(trx, id)).find((v) => v.version === version);
    if (!target) throw new AppError('portal.guide_not_found', { id, version });
    if (target.state !== 'in_review') throw new AppError('portal.guide_wrong_state', { version, state: target.state });
    if (target.created_by === editor.userId) {
      await audit(trx, editor, 'portal.guide.approve', id, { version, reason: 'own_version' }, 'refused');
      return true;
    }
    await store.setApproved(trx, id, version, deps.clock(), signature(editor));
    await audit(trx, editor, 'portal.guide.approve', id, { version, author: target.created_by });
    return false;
  });
  if (ownVersion) throw new AppError('portal.guide_own_version', { version });
}

/** approved → published, with the time; the public then sees this version. */
export async function publishVersion(deps: GuideDeps, editor: GuideEditor, id: string, version: number): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    if (!(await store.lockGuide(trx, id))) throw new AppError('portal.guide_not_found', { id });
    const all = await store.versions(trx, id);
    const target = all.find((v) => v.version === version);
    if (!target) throw new AppError('portal.guide_not_found', { id, version });
    const newerPublished = all.some((v) => v.state === 'published' && v.version > version);
    if (target.state !== 'approved' || newerPublished) {
      throw new AppError('portal.guide_wrong_state', { version, state: target.state });
    }
    if (!isComplete(target.content)) throw new AppError('portal.guide_incomplete', { version });
    await store.setPublished(trx, id, version, deps.clock(), editor.userId);
    await audit(trx, editor, 'portal.guide.publish', id, { version });
  });
}

async function audit(
  trx: Parameters<typeof recordAudit>[0],
  editor: GuideEditor,
  action: string,
  id: string,
  details: Record<string, unknown>,
  outcome: 'success' | 'refused' = 'success',
) {
  await recordAudit(trx, {
    action,
    outcome,
    actor: { kind: 'user', id: editor.userId },
    target: { type: 'portal_guide', id },
    ip: editor.ip,
    details,
  });
}
