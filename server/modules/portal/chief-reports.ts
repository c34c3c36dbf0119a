import { createHash, randomInt } from 'node:crypto';
import type { Static } from '@sinclair/typebox';
import { LANGUAGES, type Jurisdiction, type Language } from '../../../common/roles.js';
import type { Db } from '../../db/connection.js';
import { covers } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../http/paging.js';
import type { FieldCrypto } from '../../secrets/field-crypto.js';
import { recordAudit } from '../audit/index.js';
import { listDistricts, type District } from '../geo/index.js';
import type {
  ChiefReportContent,
  PublicReport,
  PublicReportListQuery,
  PublicReportSummary,
  QuestionReceipt,
  QuestionRequest,
  QuestionStatus,
  ReportCreate,
  ReportEdit,
  StaffQuestion,
  StaffReport,
  StaffReportSummary,
} from './chief-report-schema.js';
import { maskContacts, questionTextHash, screenQuestion } from './chief-report-screen.js';
import * as store from './chief-report-store.js';
import { regions } from './neighbourhoods.js';

export interface ChiefReportDeps {
  db: Db;
  clock: () => Date;
  fieldCrypto: FieldCrypto;
  /** A mail server is configured, so an asker may leave an e-mail to be told of the answer. */
  answersByEmail?: boolean;
}

/** A head of police or staff acting for them, as the audit log names them, with the area they may act in. */
export interface Staff {
  userId: string;
  ip: string | null;
  jurisdiction: Jurisdiction;
}

const DUPLICATE_WINDOW_MS = 24 * 3600_000;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Published only with title and body in all three languages, as the guides are. */
export function isComplete(content: ChiefReportContent): boolean {
  return LANGUAGES.every((l) => !!content[l]?.title.trim() && !!content[l]?.body.trim());
}

function anyText(content: ChiefReportContent, language: Language) {
  return content[language] ?? LANGUAGES.map((l) => content[l]).find(Boolean);
}

// Reference geography changes only with a release, so districts are read once per process.
const districtCache = new WeakMap<Db, Promise<District[]>>();
function districts(db: Db): Promise<District[]> {
  let cached = districtCache.get(db);
  if (!cached) {
    cached = listDistricts(db);
    districtCache.set(db, cached);
    cached.catch(() => districtCache.delete(db));
  }
  return cached;
}

async function areaNames(db: Db, row: { region_id: string; district_id: string | null }, language: Language) {
  const region = (await regions(db)).find((r) => r.id === row.region_id);
  const district = row.district_id ? (await districts(db)).find((d) => d.id === row.district_id) : undefined;
  return {
    regionId: row.region_id,
    regionName: region?.names[language] ?? row.region_id,
    districtId: row.district_id,
    districtName: district ? district.names[language] : null,
  };
}

function pageAfter(cursor: string | undefined): { at: Date; id: string } | null {
  const key = decodeCursor(cursor);
  if (!key) return null;
  const at = new Date(String(key[0]));
  if (Number.isNaN(at.getTime()) || typeof key[1] !== 'string' || !/^[0-9a-f-]{36}$/.test(key[1])) {
    throw new AppError('request.invalid', { detail: 'cursor' });
  }
  return { at, id: key[1] };
}

function pageOf<T>(rows: T[], limit: number, key: (row: T) => [Date, string]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([key(last)[0].toISOString(), key(last)[1]]) : null };
}

export async function listPublishedReports(
  db: Db,
  language: Language,
  query: Static<typeof PublicReportListQuery>,
): Promise<{ items: Static<typeof PublicReportSummary>[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  const rows = await store.publishedReports(db, {
    regionId: query.region,
    districtId: query.district,
    after: pageAfter(query.cursor),
    limit,
  });
  const page = pageOf(rows, limit, (r) => [r.published_at!, r.id]);
  const items = await Promise.all(
    page.items.map(async (r) => ({
      id: r.id,
      ...(await areaNames(db, r, language)),
      periodStart: r.period_start,
      periodEnd: r.period_end,
      title: r.content[language]?.title ?? '',
      publishedAt: r.published_at!.toISOString(),
      answeredQuestions: r.answered,
    })),
  );
  return { items, nextCursor: page.nextCursor };
}

async function publishedReport(db: Db, id: string): Promise<store.ReportRow> {
  const row = await store.reportById(db, id);
  if (!row || row.state !== 'published') throw new AppError('portal.chief_report_not_found', { id });
  return row;
}

/** A published report in one language with its approved questions and answers; contacts are masked. */
export async function publicReport(
  db: Db,
  id: string,
  language: Language,
  answersByEmail = false,
): Promise<Static<typeof PublicReport>> {
  const row = await publishedReport(db, id);
  const text = row.content[language]!;
  const questions = await store.questionsOf(db, id, 'approved');
  return {
    id: row.id,
    ...(await areaNames(db, row, language)),
    periodStart: row.period_start,
    periodEnd: row.period_end,
    publishedAt: row.published_at!.toISOString(),
    title: text.title,
    body: text.body,
    answersByEmail,
    questions: questions.map((q) => ({
      id: q.id,
      displayName: q.display_name ? maskContacts(q.display_name) : null,
      text: maskContacts(q.text),
      askedAt: q.received_at.toISOString(),
      answer: q.answer,
      answeredAt: iso(q.answered_at),
    })),
  };
}

// Crockford's base 32: no I, L, O or U, so a code copied by hand survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 12;

/** 12 characters of 5 random bits each (60 bits), shown in groups of four. */
function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(32)];
  return code.match(/.{4}/g)!.join('-');
}

function trackingHash(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (code.length !== CODE_LENGTH || [...code].some((c) => !ALPHABET.includes(c))) return null;
  return createHash('sha256').update(code).digest('hex');
}

function publicState(q: store.QuestionRow): Static<typeof QuestionStatus>['status'] {
  if (q.state === 'pending') return 'pending';
  if (q.state === 'rejected') return 'not-published';
  return q.answer === null ? 'published' : 'answered';
}

/**
 * A citizen's question on a published report: screened, then always held for a moderator (with
 * the screen's reasons when it looks like abuse or spam). The e-mail, if any, is encrypted.
 */
export async function askQuestion(
  deps: ChiefReportDeps,
  reportId: string,
  input: Static<typeof QuestionRequest>,
  language: Language,
): Promise<Static<typeof QuestionReceipt>> {
  await publishedReport(deps.db, reportId);
  // An address kept with no way to write to it would be a promise broken, and data held for nothing.
  if (input.email && !deps.answersByEmail) throw new AppError('portal.question_email_unavailable');
  const now = deps.clock();
  const text = input.text.trim();
  if (text.length < 10) throw new AppError('request.invalid', { detail: 'text' });
  const displayName = input.displayName?.trim() || null;
  const textHash = questionTextHash(text);
  const isDuplicate = await store.isRecentDuplicate(deps.db, textHash, new Date(now.getTime() - DUPLICATE_WINDOW_MS));
  const flags = screenQuestion({ text, displayName, isDuplicate });
  const trackingCode = newTrackingCode();
  await store.insertQuestion(deps.db, {
    report_id: reportId,
    tracking_hash: trackingHash(trackingCode)!,
    display_name: displayName,
    text,
    text_hash: textHash,
    language,
    email_enc: input.email ? deps.fieldCrypto.encrypt(input.email.trim()) : null,
    flags,
    received_at: now,
  });
  return { trackingCode, status: 'pending', reportId };
}

/** Where a question stands, by the code its asker holds; an unknown or malformed code is a 404. */
export async function questionStatus(db: Db, code: string): Promise<Static<typeof QuestionStatus>> {
  const hash = trackingHash(code);
  const q = hash ? await store.questionByTracking(db, hash) : undefined;
  if (!q) throw new AppError('portal.question_not_found');
  return { status: publicState(q), reportId: q.report_id, askedAt: q.received_at.toISOString() };
}

// ---- staff -------------------------------------------------------------------------------

/** A report the staff member may act on; one outside their area answers 404, exactly like none. */
async function reportFor(db: Db, staff: Staff, id: string, lock = false): Promise<store.ReportRow> {
  const row = lock ? await store.lockReport(db, id) : await store.reportById(db, id);
  if (!row || !covers(staff.jurisdiction, { regionId: row.region_id, districtId: row.district_id })) {
    throw new AppError('portal.chief_report_not_found', { id });
  }
  return row;
}

function checkPeriod(start: string, end: string): void {
  if (end < start) throw new AppError('portal.chief_report_invalid_period', { start, end });
}

export async function listStaffReports(
  db: Db,
  staff: Staff,
  language: Language,
  query: { cursor?: string; limit?: number },
): Promise<{ items: Static<typeof StaffReportSummary>[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  const rows = await store.staffReports(db, staff.jurisdiction, { after: pageAfter(query.cursor), limit });
  const page = pageOf(rows, limit, (r) => [r.created_at, r.id]);
  const items = await Promise.all(
    page.items.map(async (r) => ({
      id: r.id,
      ...(await areaNames(db, r, language)),
      periodStart: r.period_start,
      periodEnd: r.period_end,
      state: r.state,
      title: anyText(r.content, language)?.title ?? '',
      publishedAt: iso(r.published_at),
      pendingQuestions: r.pending,
    })),
  );
  return { items, nextCursor: page.nextCursor };
}

export async function staffReport(db: Db, staff: Staff, id: string, language: Language): Promise<Static<typeof StaffReport>> {
  const row = await reportFor(db, staff, id);
  return {
    id: row.id,
    ...(await areaNames(db, row, language)),
    periodStart: row.period_start,
    periodEnd: row.period_end,
    state: row.state,
    content: row.content,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    publishedAt: iso(row.published_at),
    pendingQuestions: await store.pendingCount(db, id),
  };
}

/**
 * A new draft for a region, or for one district of it. The writer's jurisdiction must include the
 * area: a district head writes for their district, a region head for the region or its districts.
 */
export async function createReport(deps: ChiefReportDeps, staff: Staff, input: Static<typeof ReportCreate>): Promise<string> {
  checkPeriod(input.periodStart, input.periodEnd);
  const known = (await regions(deps.db)).some((r) => r.id === input.regionId);
  const district = input.districtId ? (await districts(deps.db)).find((d) => d.id === input.districtId) : null;
  if (!known || (input.districtId && district?.regionId !== input.regionId)) {
    throw new AppError('portal.chief_report_unknown_area', { regionId: input.regionId, districtId: input.districtId });
  }
  if (!covers(staff.jurisdiction, { regionId: input.regionId, districtId: input.districtId })) {
    throw new AppError('jurisdiction.outside');
  }
  return deps.db.transaction().execute(async (trx) => {
    const id = await store.insertReport(trx, { ...input, now: deps.clock(), by: staff.userId });
    await audit(trx, staff, 'portal.chief_report.create', { type: 'portal_chief_report', id }, input.regionId, {
      districtId: input.districtId,
    });
    return id;
  });
}

/** Drafts only: a published report is a record of what the public was told and stays as it was. */
export async function editReport(
  deps: ChiefReportDeps,
  staff: Staff,
  id: string,
  input: Static<typeof ReportEdit>,
): Promise<void> {
  checkPeriod(input.periodStart, input.periodEnd);
  await deps.db.transaction().execute(async (trx) => {
    const row = await reportFor(trx, staff, id, true);
    if (row.state !== 'draft') throw new AppError('portal.chief_report_wrong_state', { state: row.state });
    await store.updateReport(trx, id, { ...input, now: deps.clock() });
    await audit(trx, staff, 'portal.chief_report.edit', { type: 'portal_chief_report', id }, row.region_id, {});
  });
}

export async function publishReport(deps: ChiefReportDeps, staff: Staff, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await reportFor(trx, staff, id, true);
    if (row.state !== 'draft') throw new AppError('portal.chief_report_wrong_state', { state: row.state });
    if (!isComplete(row.content)) throw new AppError('portal.chief_report_incomplete');
    await store.setReportPublished(trx, id, deps.clock(), staff.userId);
    await audit(trx, staff, 'portal.chief_report.publish', { type: 'portal_chief_report', id }, row.region_id, {});
  });
}

function presentStaffQuestion(q: store.QuestionRow): Static<typeof StaffQuestion> {
  return {
    id: q.id,
    reportId: q.report_id,
    displayName: q.display_name,
    text: q.text,
    language: q.language,
    flags: q.flags,
    state: q.state,
    askedAt: q.received_at.toISOString(),
    hasEmail: q.email_enc !== null,
    rejectReason: q.reject_reason,
    answer: q.answer,
    answeredAt: iso(q.answered_at),
  };
}

/** The moderation list of a report; reading citizens' unpublished words is audited. */
export async function listQuestions(
  db: Db,
  staff: Staff,
  reportId: string,
  state: store.QuestionRow['state'] | undefined,
): Promise<Static<typeof StaffQuestion>[]> {
  const report = await reportFor(db, staff, reportId);
  const rows = await store.questionsOf(db, reportId, state);
  await audit(db, staff, 'portal.chief_report.questions.read', { type: 'portal_chief_report', id: reportId }, report.region_id, {
    state: state ?? 'all',
    count: rows.length,
  });
  return rows.map(presentStaffQuestion);
}

type Moderation = { kind: 'approve' } | { kind: 'reject'; reason: string | null } | { kind: 'answer'; answer: string };

const ALLOWED: Record<Moderation['kind'], store.QuestionRow['state'][]> = {
  approve: ['pending'],
  reject: ['pending', 'approved'],
  // Answering a pending question approves it too: one step for the usual case.
  answer: ['pending', 'approved'],
};

/** Approves, rejects or answers a question of a report in the moderator's area; audited. */
export async function moderateQuestion(
  deps: ChiefReportDeps,
  staff: Staff,
  questionId: string,
  change: Moderation,
): Promise<Static<typeof StaffQuestion>> {
  return deps.db.transaction().execute(async (trx) => {
    const q = await store.questionById(trx, questionId, true);
    const report = q ? await store.reportById(trx, q.report_id) : undefined;
    if (!q || !report || !covers(staff.jurisdiction, { regionId: report.region_id, districtId: report.district_id })) {
      throw new AppError('portal.question_not_found', { id: questionId });
    }
    if (!ALLOWED[change.kind].includes(q.state)) throw new AppError('portal.question_wrong_state', { state: q.state });
    if (change.kind === 'answer' && !change.answer) throw new AppError('request.invalid', { detail: 'answer' });
    const now = deps.clock();
    await store.setModerated(trx, questionId, {
      state: change.kind === 'reject' ? 'rejected' : 'approved',
      now,
      by: staff.userId,
      rejectReason: change.kind === 'reject' ? change.reason : null,
      answer: change.kind === 'answer' ? change.answer : undefined,
    });
    await audit(
      trx,
      staff,
      `portal.chief_report.question.${change.kind}`,
      { type: 'portal_chief_report_question', id: questionId },
      report.region_id,
      {
        reportId: report.id,
        flags: q.flags,
      },
    );
    return presentStaffQuestion((await store.questionById(trx, questionId))!);
  });
}

async function audit(
  trx: Parameters<typeof recordAudit>[0],
  staff: Staff,
  action: string,
  target: { type: string; id: string },
  regionId: string,
  details: Record<string, unknown>,
) {
  await recordAudit(trx, {
    action,
    outcome: 'success',
    actor: { kind: 'user', id: staff.userId },
    target,
    regionId,
    ip: staff.ip,
    details,
  });
}
