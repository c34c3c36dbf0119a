import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { publicAccess } from '../../http/access.js';
import { actorId } from '../../http/actor.js';
import type { App } from '../../http/app.js';
import { AppError } from '../../http/errors.js';
import { requestLanguage } from '../../http/language.js';
import { isReplay, requestHash } from './idempotency.js';
import { IdempotencyHeaders, ReportCategoryView, ReportReceipt, ReportRequest, ReportStatusView } from './report-schema.js';
import { fileReport, REPORT_SCOPE, reportCategories, trackReport, type ReportDeps } from './reports.js';

/** The citizen's side of intake: what to report, reporting it, and following it. */
export function registerReportRoutes(app: App, deps: ReportDeps): void {
  // Runs after validation (the rate limit's preHandler hook), when the body can be hashed.
  const isExactReplay = async (req: FastifyRequest) => {
    const key = req.headers['idempotency-key'];
    return typeof key === 'string' && isReplay(deps.db, REPORT_SCOPE, key, requestHash(req.body));
  };

  app.get(
    '/api/v1/report-categories',
    {
      config: { access: publicAccess() },
      schema: {
        tags: ['reports'],
        summary: 'The categories a citizen can choose, named in the request language',
        response: { 200: Type.Array(ReportCategoryView) },
      },
    },
    async (req) => reportCategories(requestLanguage(req)),
  );

  app.post(
    '/api/v1/reports',
    {
      config: {
        access: publicAccess(),
        // A resend of a report already answered (an offline queue, a lost response) costs the
        // client nothing: the limit is counted after validation and skips exact replays.
        rateLimit: { hook: 'preHandler', allowList: isExactReplay },
      },
      schema: {
        tags: ['reports'],
        summary: 'File a citizen report (JSON; media come in a later version)',
        description:
          'With an Idempotency-Key header, a retry with the same body answers the first result again ' +
          '(with Idempotent-Replayed: true); another body with that key is 422, a first request still ' +
          'in flight is 409.',
        headers: IdempotencyHeaders,
        body: ReportRequest,
        response: { 201: ReportReceipt },
      },
    },
    async (req, reply) => {
      const who = { kind: req.actor.kind, id: actorId(req.actor), ip: req.ip };
      const filed = await fileReport(deps, req.body, who, req.headers['idempotency-key']);
      if (filed.replayed) reply.header('idempotent-replayed', 'true');
      // Only a created report is stored against a key, so a replay is a 201 too.
      return reply.code(filed.status as 201).send(filed.body);
    },
  );

  app.get(
    '/api/v1/reports/:trackingCode',
    {
      config: { access: publicAccess('tracking') },
      schema: {
        tags: ['reports'],
        summary: 'Follow a report by its tracking code: status and public timeline only',
        params: Type.Object({ trackingCode: Type.String({ maxLength: 32 }) }, { additionalProperties: false }),
        response: { 200: ReportStatusView },
      },
    },
    async (req) => {
      const view = await trackReport(deps.db, req.params.trackingCode, requestLanguage(req));
      if (!view) throw new AppError('report.not_found');
      return view;
    },
  );
}
