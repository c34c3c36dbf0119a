import { Type } from '@sinclair/typebox';
import { publicAccess, staffAccess } from '../../http/access.js';
import { jurisdictionFilter } from '../../http/actor.js';
import type { App } from '../../http/app.js';
import { AppError } from '../../http/errors.js';
import { Cursor, Limit, newestFirstPage, olderThanCursor, Page } from '../../http/paging.js';
import { recordAudit } from '../audit/index.js';
import { rateService, type FeedbackDeps } from './ratings.js';
import './tables.js';

const RatingView = Type.Object({
  id: Type.String(),
  incidentId: Type.String(),
  regionId: Type.String(),
  districtId: Type.Union([Type.String(), Type.Null()]),
  score: Type.Integer(),
  channel: Type.String(),
  unitIds: Type.Array(Type.String()),
  officerIds: Type.Array(Type.String()),
  ratedAt: Type.String({ format: 'date-time' }),
  /** Supervisors only: analysts work with the scores. */
  comment: Type.Union([Type.String(), Type.Null()]),
});

export function registerFeedbackRoutes(app: App, deps: FeedbackDeps): void {
  app.post(
    '/api/v1/reports/:trackingCode/rating',
    {
      // The tracking limit: a code is what proves the right to rate, so guessing is throttled too.
      config: { access: publicAccess('tracking') },
      schema: {
        tags: ['feedback'],
        summary: 'The reporter rates the service (1–5 and a comment) once action has been taken',
        params: Type.Object({ trackingCode: Type.String({ maxLength: 32 }) }, { additionalProperties: false }),
        body: Type.Object(
          {
            score: Type.Integer({ minimum: 1, maximum: 5 }),
            comment: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ score: Type.Integer(), ratedAt: Type.String({ format: 'date-time' }) }) },
      },
    },
    async (req, reply) => {
      const rated = await rateService(deps, { trackingCode: req.params.trackingCode, ...req.body, channel: 'web', ip: req.ip });
      return reply.code(201).send(rated);
    },
  );

  app.get(
    '/api/v1/feedback/ratings',
    {
      config: { access: staffAccess(['supervisor', 'analyst'], 'district') },
      schema: {
        tags: ['feedback'],
        summary: 'Citizens’ ratings inside the caller’s jurisdiction, newest first',
        querystring: Type.Object({ cursor: Cursor, limit: Limit }, { additionalProperties: false }),
        response: { 200: Page(RatingView) },
      },
    },
    async (req) => {
      if (req.actor.kind !== 'user') throw new AppError('auth.required');
      const scope = jurisdictionFilter(req.actor.jurisdiction);
      let q = deps.db
        .selectFrom('service_ratings')
        .selectAll()
        .orderBy('rated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(req.query.limit + 1);
      if (scope.regionId !== undefined) q = q.where('region_id', '=', scope.regionId);
      if (scope.districtId !== undefined) q = q.where('district_id', '=', scope.districtId);
      const older = olderThanCursor(req.query.cursor, 'rated_at', 'id');
      if (older) q = q.where(older);
      const page = newestFirstPage(await q.execute(), req.query.limit, (r) => ({ at: r.rated_at, id: r.id }));
      const withComments = req.actor.roles.includes('supervisor');
      if (withComments && page.items.some((r) => r.comment_enc)) {
        await recordAudit(deps.db, {
          action: 'feedback.comments.read',
          outcome: 'success',
          actor: { kind: 'user', id: req.actor.userId },
          target: { type: 'service_ratings', id: null },
          regionId: req.actor.jurisdiction.regionId,
          ip: req.ip,
          details: { ratings: page.items.filter((r) => r.comment_enc).map((r) => r.id) },
        });
      }
      return {
        items: page.items.map((r) => ({
          id: r.id,
          incidentId: r.incident_id,
          regionId: r.region_id,
          districtId: r.district_id,
          score: r.score,
          channel: r.channel,
          unitIds: r.unit_ids,
          officerIds: r.officer_ids,
          ratedAt: r.rated_at.toISOString(),
          comment: withComments && r.comment_enc ? deps.fieldCrypto.decrypt(r.comment_enc) : null,
        })),
        nextCursor: page.nextCursor,
      };
    },
  );
}
