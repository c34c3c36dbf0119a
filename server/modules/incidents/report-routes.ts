import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { publicAccess } from '../../http/access.js';
import { actorId } from '../../http/actor.js';
import type { App } from '../../http/app.js';
import { AppError } from '../../http/errors.js';
import { requestLanguage } from '../../http/language.js';
import { isExactReplay, lookupKey, type KeyRow } from './idempotency.js';
import { mediaStore, receiveMultipartReport, type ReceivedMedia } from './media.js';
import { discardUnreferenced } from './media-store.js';
import { replayAwareLimit } from './report-limit.js';
import { IdempotencyHeaders, ReportCategoryView, ReportReceipt, ReportRequest, ReportStatusView } from './report-schema.js';
import { fileReport, REPORT_SCOPE, reportCategories, reportHash, trackReport, type ReportDeps } from './reports.js';

/** What the intake hooks learn about a report before its handler runs. */
interface Intake {
  media: ReceivedMedia[];
  knownKey?: KeyRow | null;
  replayed?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    intake: Intake | null;
  }
}

/** The citizen's side of intake: what to report, reporting it, and following it. */
export function registerReportRoutes(app: App, deps: ReportDeps & { reportsPerMinute: number }): void {
  app.decorateRequest('intake', null);
  const intakeOf = (req: FastifyRequest): Intake => (req.intake ??= { media: [] });

  // A multipart report is read here, before validation: its files are stored as they stream in,
  // and its `report` part becomes the body the schema then checks like any JSON report.
  const readMultipart = async (req: FastifyRequest) => {
    if (!req.isMultipart()) return;
    req.body = await receiveMultipartReport(req, deps.mediaDir, intakeOf(req).media);
  };

  // Asked only when the limit would refuse, after validation, when the body can be hashed. The
  // key's row is kept for the handler, so a request reads it once.
  const isReplay = async (req: FastifyRequest) => {
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string') return false;
    const intake = intakeOf(req);
    intake.knownKey = await lookupKey(deps.db, REPORT_SCOPE, key);
    return isExactReplay(intake.knownKey, reportHash(req.body, intake.media));
  };
  const limit = replayAwareLimit(app, deps.reportsPerMinute, {
    isReplay,
    replayed: (req) => req.intake?.replayed === true,
  });

  // Files of a refused report are not kept as evidence of anything. Removed before the refusal
  // is sent, so a client that hears it can rely on nothing being left.
  const discardRefused = async (req: FastifyRequest, reply: { statusCode: number }, payload: unknown) => {
    if (reply.statusCode >= 400 && req.intake && req.intake.media.length > 0) {
      await discardUnreferenced(deps.db, mediaStore(deps.mediaDir), req.intake.media);
    }
    return payload;
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
      // A resend of a report already answered (an offline queue, a lost response) costs the
      // client nothing: the limit is checked after validation and counts only new reports.
      config: { access: publicAccess('none') },
      preValidation: readMultipart,
      preHandler: limit.admit,
      onSend: discardRefused,
      schema: {
        tags: ['reports'],
        summary: 'File a citizen report: JSON, or multipart with a `report` part (that JSON) and `media` files',
        description:
          'Media are checked by content (JPEG, PNG, WebP photos; common audio and video), kept unaltered ' +
          'with their SHA-256; photos get a copy without EXIF for eyes outside the police. With an ' +
          'Idempotency-Key header, a retry with the same body (and the same files) answers the first ' +
          'result again (with Idempotent-Replayed: true); another body with that key is 422, a first ' +
          'request still in flight is 409.',
        headers: IdempotencyHeaders,
        body: ReportRequest,
        response: { 201: ReportReceipt },
      },
    },
    async (req, reply) => {
      const who = { kind: req.actor.kind, id: actorId(req.actor), ip: req.ip };
      const filed = await fileReport(deps, req.body, who, {
        idempotencyKey: req.headers['idempotency-key'],
        knownKey: req.intake?.knownKey,
        media: req.intake?.media,
      });
      if (filed.replayed) {
        intakeOf(req).replayed = true;
        reply.header('idempotent-replayed', 'true');
      }
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
