import { sql, type Kysely } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { Tables } from '../../db/tables.js';
import { jurisdictionFilter } from '../../http/actor.js';
import type { Jurisdiction } from '../../../common/roles.js';
import type { ChiefReportContent } from './chief-report-schema.js';
import type { PortalChiefReportQuestionsTable } from './chief-report-tables.js';

type Executor = Kysely<Tables>;

export interface ReportRow {
  id: string;
  region_id: string;
  district_id: string | null;
  period_start: string;
  period_end: string;
  state: 'draft' | 'published';
  content: ChiefReportContent;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
}

export type QuestionRow = Omit<PortalChiefReportQuestionsTable, 'id' | 'flags'> & { id: string; flags: string[] };

function reports(db: Executor) {
  return db
    .selectFrom('portal_chief_reports as r')
    .select([
      'r.id',
      'r.region_id',
      'r.district_id',
      sql<string>`to_char(r.period_start, 'YYYY-MM-DD')`.as('period_start'),
      sql<string>`to_char(r.period_end, 'YYYY-MM-DD')`.as('period_end'),
      'r.state',
      'r.content',
      'r.created_at',
      'r.updated_at',
      'r.published_at',
    ]);
}

const countOf = (state: 'pending' | 'answered') =>
  state === 'pending'
    ? sql<number>`(select count(*)::int from portal_chief_report_questions q where q.report_id = r.id and q.state = 'pending')`
    : sql<number>`(select count(*)::int from portal_chief_report_questions q where q.report_id = r.id and q.answer is not null)`;

export async function reportById(db: Executor, id: string): Promise<ReportRow | undefined> {
  return (await reports(db).where('r.id', '=', id).executeTakeFirst()) as ReportRow | undefined;
}

/** A report's row, locked so that a publication and an edit of one report take their turn. */
export async function lockReport(trx: Executor, id: string): Promise<ReportRow | undefined> {
  return (await reports(trx).where('r.id', '=', id).forUpdate().executeTakeFirst()) as ReportRow | undefined;
}

/** Published reports newest first, of a region and optionally one district (a region's own reports have none). */
export async function publishedReports(
  db: Db,
  filter: { regionId?: string; districtId?: string; after: { at: Date; id: string } | null; limit: number },
): Promise<(ReportRow & { answered: number })[]> {
  let q = reports(db).select(countOf('answered').as('answered')).where('r.state', '=', 'published');
  if (filter.regionId) q = q.where('r.region_id', '=', filter.regionId);
  if (filter.districtId) q = q.where('r.district_id', '=', filter.districtId);
  if (filter.after)
    q = q.where(sql<boolean>`(r.published_at, r.id) < (${filter.after.at}::timestamptz, ${filter.after.id}::uuid)`);
  return (await q
    .orderBy('r.published_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(filter.limit + 1)
    .execute()) as (ReportRow & { answered: number })[];
}

/** Every report (draft or published) inside a jurisdiction, newest first by creation. */
export async function staffReports(
  db: Db,
  jurisdiction: Jurisdiction,
  page: { after: { at: Date; id: string } | null; limit: number },
): Promise<(ReportRow & { pending: number })[]> {
  const area = jurisdictionFilter(jurisdiction);
  let q = reports(db).select(countOf('pending').as('pending'));
  if (area.regionId !== undefined) q = q.where('r.region_id', '=', area.regionId);
  if (area.districtId !== undefined) q = q.where('r.district_id', '=', area.districtId);
  // Reports are written for regions and districts only: a beat-wide caller never reaches here (route scope).
  if (page.after) q = q.where(sql<boolean>`(r.created_at, r.id) < (${page.after.at}::timestamptz, ${page.after.id}::uuid)`);
  return (await q
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(page.limit + 1)
    .execute()) as (ReportRow & { pending: number })[];
}

export async function pendingCount(db: Executor, reportId: string): Promise<number> {
  const row = await db
    .selectFrom('portal_chief_report_questions')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('report_id', '=', reportId)
    .where('state', '=', 'pending')
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function insertReport(
  trx: Executor,
  r: {
    regionId: string;
    districtId: string | null;
    periodStart: string;
    periodEnd: string;
    content: ChiefReportContent;
    now: Date;
    by: string | null;
  },
): Promise<string> {
  const row = await trx
    .insertInto('portal_chief_reports')
    .values({
      region_id: r.regionId,
      district_id: r.districtId,
      period_start: r.periodStart,
      period_end: r.periodEnd,
      state: 'draft',
      content: JSON.stringify(r.content),
      created_at: r.now,
      created_by: r.by,
      updated_at: r.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateReport(
  trx: Executor,
  id: string,
  r: { periodStart: string; periodEnd: string; content: ChiefReportContent; now: Date },
): Promise<void> {
  await trx
    .updateTable('portal_chief_reports')
    .set({ period_start: r.periodStart, period_end: r.periodEnd, content: JSON.stringify(r.content), updated_at: r.now })
    .where('id', '=', id)
    .execute();
}

export async function setReportPublished(trx: Executor, id: string, now: Date, by: string | null): Promise<void> {
  await trx
    .updateTable('portal_chief_reports')
    .set({ state: 'published', published_at: now, published_by: by, updated_at: now })
    .where('id', '=', id)
    .execute();
}

const QUESTION_COLUMNS = [
  'id',
  'report_id',
  'tracking_hash',
  'display_name',
  'text',
  'text_hash',
  'language',
  'email_enc',
  'flags',
  'state',
  'received_at',
  'moderated_at',
  'moderated_by',
  'reject_reason',
  'answer',
  'answered_at',
  'answered_by',
] as const;

export async function insertQuestion(
  trx: Executor,
  q: Pick<
    QuestionRow,
    'report_id' | 'tracking_hash' | 'display_name' | 'text' | 'text_hash' | 'language' | 'email_enc' | 'flags' | 'received_at'
  >,
): Promise<string> {
  const row = await trx
    .insertInto('portal_chief_report_questions')
    .values({ ...q, state: 'pending' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function isRecentDuplicate(db: Executor, textHash: string, since: Date): Promise<boolean> {
  const row = await db
    .selectFrom('portal_chief_report_questions')
    .select('id')
    .where('text_hash', '=', textHash)
    .where('received_at', '>=', since)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

export async function questionsOf(db: Executor, reportId: string, state?: QuestionRow['state']): Promise<QuestionRow[]> {
  let q = db.selectFrom('portal_chief_report_questions').select(QUESTION_COLUMNS).where('report_id', '=', reportId);
  if (state) q = q.where('state', '=', state);
  return (await q.orderBy('received_at').orderBy('id').execute()) as QuestionRow[];
}

export async function questionById(db: Executor, id: string, lock = false): Promise<QuestionRow | undefined> {
  let q = db.selectFrom('portal_chief_report_questions').select(QUESTION_COLUMNS).where('id', '=', id);
  if (lock) q = q.forUpdate();
  return (await q.executeTakeFirst()) as QuestionRow | undefined;
}

export async function questionByTracking(db: Executor, trackingHash: string): Promise<QuestionRow | undefined> {
  return (await db
    .selectFrom('portal_chief_report_questions')
    .select(QUESTION_COLUMNS)
    .where('tracking_hash', '=', trackingHash)
    .executeTakeFirst()) as QuestionRow | undefined;
}

export async function setModerated(
  trx: Executor,
  id: string,
  change: { state: 'approved' | 'rejected'; now: Date; by: string | null; rejectReason?: string | null; answer?: string },
): Promise<void> {
  await trx
    .updateTable('portal_chief_report_questions')
    .set({
      state: change.state,
      moderated_at: change.now,
      moderated_by: change.by,
      reject_reason: change.state === 'rejected' ? (change.rejectReason ?? null) : null,
      // A rejected question's asker is told nothing by e-mail, so the address is not kept.
      ...(change.state === 'rejected' ? { answer: null, answered_at: null, answered_by: null, email_enc: null } : {}),
      ...(change.answer !== undefined ? { answer: change.answer, answered_at: change.now, answered_by: change.by } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Answered questions whose askers left an e-mail and have not been told, oldest answer first. */
export async function answersToMail(
  db: Executor,
  limit: number,
): Promise<{ id: string; report_id: string; language: QuestionRow['language']; email_enc: string; answer: string }[]> {
  const rows = await db
    .selectFrom('portal_chief_report_questions')
    .select(['id', 'report_id', 'language', 'email_enc', 'answer'])
    .where('state', '=', 'approved')
    .where('answer', 'is not', null)
    .where('email_enc', 'is not', null)
    .orderBy('answered_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, email_enc: r.email_enc!, answer: r.answer! }));
}

/** The asker was told: the time is kept, the address erased. */
export async function markAnswerMailed(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .updateTable('portal_chief_report_questions')
    .set({ email_enc: null, answer_mailed_at: now })
    .where('id', '=', id)
    .execute();
}

/** The mail server will never take this address: it is erased, the asker untold. */
export async function eraseQuestionEmail(db: Executor, id: string): Promise<void> {
  await db.updateTable('portal_chief_report_questions').set({ email_enc: null }).where('id', '=', id).execute();
}
