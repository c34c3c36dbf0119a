import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { publicAccess, staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { AppError } from '../../http/errors.js';
import { requestLanguage } from '../../http/language.js';
import { Page } from '../../http/paging.js';
import {
  AnswerRequest,
  ChiefReportIdParams,
  ModerationQuery,
  PublicReport,
  PublicReportListQuery,
  PublicReportSummary,
  QuestionCodeParams,
  QuestionIdParams,
  QuestionReceipt,
  QuestionRequest,
  QuestionStatus,
  RejectRequest,
  ReportCreate,
  ReportEdit,
  StaffQuestion,
  StaffReport,
  StaffReportListQuery,
  StaffReportSummary,
} from './chief-report-schema.js';
import {
  askQuestion,
  createReport,
  editReport,
  listPublishedReports,
  listQuestions,
  listStaffReports,
  moderateQuestion,
  publicReport,
  publishReport,
  questionStatus,
  staffReport,
  type ChiefReportDeps,
  type Staff,
} from './chief-reports.js';

const tags = ['portal'];
const ADMIN = '/api/v1/portal-admin/chief-reports';
const QUESTIONS_ADMIN = '/api/v1/portal-admin/chief-report-questions';
// Heads of a region or district and the staff acting for them; the service keeps each to their own area.
const heads = { access: staffAccess(['supervisor', 'admin'], 'district') };

function staff(req: FastifyRequest): Staff {
  if (req.actor.kind !== 'user') throw new Error('staff route reached without a user');
  return { userId: req.actor.userId, ip: req.ip, jurisdiction: req.actor.jurisdiction };
}

/** Chiefs' reports: the public list, a report with its questions and answers, asking; the heads' writing and moderation. */
export function registerChiefReportRoutes(app: App, deps: ChiefReportDeps & { questionsPerHour: number }): void {
  app.get(
    '/api/v1/portal/chief-reports',
    {
      config: { access: publicAccess() },
      schema: {
        tags,
        summary: 'Published chiefs’ reports, newest first, of a region (?region=) or one district (?district=)',
        querystring: PublicReportListQuery,
        response: { 200: Page(PublicReportSummary) },
      },
    },
    async (req) => listPublishedReports(deps.db, requestLanguage(req), req.query),
  );

  app.get(
    '/api/v1/portal/chief-reports/:id',
    {
      config: { access: publicAccess() },
      schema: {
        tags,
        summary: 'A published report with its approved questions and answers (e-mails and phone numbers masked)',
        params: ChiefReportIdParams,
        response: { 200: PublicReport },
      },
    },
    async (req) => publicReport(deps.db, req.params.id, requestLanguage(req), deps.answersByEmail),
  );

  app.post(
    '/api/v1/portal/chief-reports/:id/questions',
    {
      config: {
        // Its own limit instead of the general public one: a few questions an hour per address,
        // counted after validation so a form sent back for a typo does not use one up.
        access: publicAccess('none'),
        rateLimit: {
          max: deps.questionsPerHour,
          timeWindow: 3_600_000,
          hook: 'preHandler',
          errorResponseBuilder: (_req: FastifyRequest, context: { ttl: number }) =>
            new AppError('portal.question_rate_limited', {}, { 'retry-after': String(Math.ceil(context.ttl / 1000)) }),
        },
      },
      schema: {
        tags,
        summary: 'Ask a question on a report (no sign-in); it waits for moderation, followed with the tracking code',
        description:
          'Text 10–1000 characters; the optional e-mail (only where the report says answersByEmail, else 422 ' +
          'portal.question_email_unavailable) is only for telling the asker of the answer, once: it is encrypted, never ' +
          'shown, and erased once the answer is sent or the question rejected. A profanity and spam screen marks suspect questions for the moderator. ' +
          'Limited per client address (AMAN_RATE_LIMIT_QUESTIONS an hour); over it, 429.',
        params: ChiefReportIdParams,
        body: QuestionRequest,
        response: { 202: QuestionReceipt },
      },
    },
    async (req, reply) => reply.code(202).send(await askQuestion(deps, req.params.id, req.body, requestLanguage(req))),
  );

  app.get(
    '/api/v1/portal/chief-report-questions/:code',
    {
      config: { access: publicAccess('tracking') },
      schema: {
        tags,
        summary: 'Where a question stands, by its tracking code',
        params: QuestionCodeParams,
        response: { 200: QuestionStatus },
      },
    },
    async (req) => questionStatus(deps.db, req.params.code),
  );

  app.get(
    ADMIN,
    {
      config: heads,
      schema: {
        tags,
        summary: 'Reports (drafts and published) in the caller’s area, newest first',
        querystring: StaffReportListQuery,
        response: { 200: Page(StaffReportSummary) },
      },
    },
    async (req) => listStaffReports(deps.db, staff(req), requestLanguage(req), req.query),
  );

  app.post(
    ADMIN,
    {
      config: heads,
      schema: {
        tags,
        summary: 'A new report as a draft, for the caller’s region or a district of it',
        body: ReportCreate,
        response: { 201: StaffReport },
      },
    },
    async (req, reply) => {
      const id = await createReport(deps, staff(req), req.body);
      return reply.code(201).send(await staffReport(deps.db, staff(req), id, requestLanguage(req)));
    },
  );

  app.get(
    `${ADMIN}/:id`,
    {
      config: heads,
      schema: {
        tags,
        summary: 'A report with its text in every language',
        params: ChiefReportIdParams,
        response: { 200: StaffReport },
      },
    },
    async (req) => staffReport(deps.db, staff(req), req.params.id, requestLanguage(req)),
  );

  app.put(
    `${ADMIN}/:id`,
    {
      config: heads,
      schema: {
        tags,
        summary: 'Changes a draft (a published report is not changed: 409)',
        params: ChiefReportIdParams,
        body: ReportEdit,
        response: { 200: StaffReport },
      },
    },
    async (req) => {
      await editReport(deps, staff(req), req.params.id, req.body);
      return staffReport(deps.db, staff(req), req.params.id, requestLanguage(req));
    },
  );

  app.post(
    `${ADMIN}/:id/publish`,
    {
      config: heads,
      schema: {
        tags,
        summary: 'Publishes a draft; title and body are needed in all three languages (422)',
        params: ChiefReportIdParams,
        response: { 200: StaffReport },
      },
    },
    async (req) => {
      await publishReport(deps, staff(req), req.params.id);
      return staffReport(deps.db, staff(req), req.params.id, requestLanguage(req));
    },
  );

  app.get(
    `${ADMIN}/:id/questions`,
    {
      config: heads,
      schema: {
        tags,
        summary: 'A report’s questions for moderation, oldest first, with the screen’s reasons (audited)',
        params: ChiefReportIdParams,
        querystring: ModerationQuery,
        response: { 200: Type.Array(StaffQuestion) },
      },
    },
    async (req) => listQuestions(deps.db, staff(req), req.params.id, req.query.state),
  );

  const moderate = (
    action: 'approve' | 'reject' | 'answer',
    summary: string,
    body?: typeof RejectRequest | typeof AnswerRequest,
  ) =>
    app.post(
      `${QUESTIONS_ADMIN}/:id/${action}`,
      {
        config: heads,
        schema: { tags, summary, params: QuestionIdParams, ...(body ? { body } : {}), response: { 200: StaffQuestion } },
      },
      async (req) => {
        const input = (req.body ?? {}) as { reason?: string; answer?: string };
        const change =
          action === 'approve'
            ? ({ kind: 'approve' } as const)
            : action === 'reject'
              ? ({ kind: 'reject', reason: input.reason?.trim() || null } as const)
              : ({ kind: 'answer', answer: input.answer!.trim() } as const);
        return moderateQuestion(deps, staff(req), (req.params as { id: string }).id, change);
      },
    );
  moderate('approve', 'Publishes a pending question under its report');
  moderate('reject', 'Keeps a question off the public page (the reason stays with the moderators)', RejectRequest);
  moderate('answer', 'Publishes the answer (and the question, if still pending)', AnswerRequest);
}
