import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { publicAccess, staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { AppError } from '../../http/errors.js';
import { requestLanguage } from '../../http/language.js';
import type { Staff } from './chief-reports.js';
import { listPlaces, placeDetail, postReview, type PlaceSafetyDeps } from './place-safety.js';
import {
  createPlace,
  editPlace,
  listReviews,
  listStaffPlaces,
  moderateReview,
  restorePlace,
  retirePlace,
  staffPlace,
} from './place-safety-admin.js';
import {
  ModerationQuery,
  PlaceDetail,
  PlaceIdParams,
  PlaceList,
  PlaceListQuery,
  PlaceWrite,
  RejectRequest,
  RetireRequest,
  ReviewIdParams,
  ReviewReceipt,
  ReviewRequest,
  StaffPlace,
  StaffReview,
} from './place-safety-schema.js';

const tags = ['portal'];
const ADMIN = '/api/v1/portal-admin/places';
const REVIEWS_ADMIN = '/api/v1/portal-admin/place-reviews';
// Supervisors and admins of a region or district; the service keeps each to their own area.
const keepers = { access: staffAccess(['supervisor', 'admin'], 'district') };

function staff(req: FastifyRequest): Staff {
  if (req.actor.kind !== 'user') throw new Error('staff route reached without a user');
  return { userId: req.actor.userId, ip: req.ip, jurisdiction: req.actor.jurisdiction };
}

/** Place safety: the public list and pages of rated places, visitors' reviews; the staff's places and moderation. */
export function registerPlaceSafety(app: App, deps: PlaceSafetyDeps & { reviewsPerHour: number }): void {
  app.get(
    '/api/v1/portal/places',
    {
      config: { access: publicAccess() },
      schema: {
        tags,
        summary: 'Rated places (parks, malls, markets, stations, entertainment), best grade first, with the method',
        description:
          'Filters: kind, region, district, q (part of the name in any language); sort=grade (default) or name. ' +
          'Each rating shows its incident part (street-level offences inside the place over the last 12 published ' +
          'months, per 10,000 visitor-hours or per hectare a year, compared within the kind; totals from 1 to 4 as ' +
          '"fewer than 5") and its review part (Bayesian average of stars) apart, and the grade they combine into.',
        querystring: PlaceListQuery,
        response: { 200: PlaceList },
      },
    },
    async (req) => listPlaces(deps, requestLanguage(req), req.query),
  );

  app.get(
    '/api/v1/portal/places/:id',
    {
      config: { access: publicAccess() },
      schema: {
        tags,
        summary: 'A place with its rating, its offences by category as published (never a sensitive category) and its reviews',
        params: PlaceIdParams,
        response: { 200: PlaceDetail },
      },
    },
    async (req) => placeDetail(deps, req.params.id, requestLanguage(req)),
  );

  app.post(
    '/api/v1/portal/places/:id/reviews',
    {
      config: {
        // Its own limit, counted after validation so a form sent back for a mistake does not use one up.
        access: publicAccess('none'),
        rateLimit: {
          max: deps.reviewsPerHour,
          timeWindow: 3_600_000,
          hook: 'preHandler',
          errorResponseBuilder: (_req: FastifyRequest, context: { ttl: number }) =>
            new AppError('portal.review_rate_limited', {}, { 'retry-after': String(Math.ceil(context.ttl / 1000)) }),
        },
      },
      schema: {
        tags,
        summary: 'Review a place (no sign-in): 1–5 stars, an optional text and name',
        description:
          'Published at once unless the profanity, link and spam screen flags the text or name; then it waits for a ' +
          'moderator (status "pending"). Limited per client address (AMAN_RATE_LIMIT_REVIEWS an hour); over it, 429.',
        params: PlaceIdParams,
        body: ReviewRequest,
        response: { 202: ReviewReceipt },
      },
    },
    async (req, reply) => reply.code(202).send(await postReview(deps, req.params.id, req.body, requestLanguage(req))),
  );

  app.get(
    ADMIN,
    {
      config: keepers,
      schema: {
        tags,
        summary: 'Places in the caller’s area, by name',
        response: { 200: Type.Object({ items: Type.Array(StaffPlace) }) },
      },
    },
    async (req) => ({ items: await listStaffPlaces(deps, staff(req), requestLanguage(req)) }),
  );

  app.post(
    ADMIN,
    {
      config: keepers,
      schema: {
        tags,
        summary: 'A new place; its region, district and beat come from the outline, which must be in the caller’s area',
        body: PlaceWrite,
        response: { 201: StaffPlace },
      },
    },
    async (req, reply) => {
      const id = await createPlace(deps, staff(req), req.body);
      return reply.code(201).send(await staffPlace(deps, staff(req), id, requestLanguage(req)));
    },
  );

  app.get(
    `${ADMIN}/:id`,
    {
      config: keepers,
      schema: { tags, summary: 'A place as its editor sees it', params: PlaceIdParams, response: { 200: StaffPlace } },
    },
    async (req) => staffPlace(deps, staff(req), req.params.id, requestLanguage(req)),
  );

  app.put(
    `${ADMIN}/:id`,
    {
      config: keepers,
      schema: {
        tags,
        summary: 'Replaces a place’s kind, names, outline and visitor figure (its new outline too must be in the caller’s area)',
        description: 'A retired place answers 409 portal.place_retired_not_editable and is left as it was: restore it first.',
        params: PlaceIdParams,
        body: PlaceWrite,
        response: { 200: StaffPlace },
      },
    },
    async (req) => {
      await editPlace(deps, staff(req), req.params.id, req.body);
      return staffPlace(deps, staff(req), req.params.id, requestLanguage(req));
    },
  );

  app.post(
    `${ADMIN}/:id/retire`,
    {
      config: keepers,
      schema: {
        tags,
        summary: 'Retires a place: off the public list, map and page, no more reviews; its history and reviews are kept',
        description: 'A reason of 10–2000 characters is required; a place already retired answers 409.',
        params: PlaceIdParams,
        body: RetireRequest,
        response: { 200: StaffPlace },
      },
    },
    async (req) => {
      await retirePlace(deps, staff(req), req.params.id, req.body.reason);
      return staffPlace(deps, staff(req), req.params.id, requestLanguage(req));
    },
  );

  app.post(
    `${ADMIN}/:id/restore`,
    {
      config: keepers,
      schema: {
        tags,
        summary: 'Puts a retired place back on the public pages (a place that is not retired answers 409)',
        params: PlaceIdParams,
        response: { 200: StaffPlace },
      },
    },
    async (req) => {
      await restorePlace(deps, staff(req), req.params.id);
      return staffPlace(deps, staff(req), req.params.id, requestLanguage(req));
    },
  );

  app.get(
    REVIEWS_ADMIN,
    {
      config: keepers,
      schema: {
        tags,
        summary: 'Reviews of places in the caller’s area, held ones (default) oldest first, with the screen’s reasons (audited)',
        querystring: ModerationQuery,
        response: { 200: Type.Object({ items: Type.Array(StaffReview) }) },
      },
    },
    async (req) => ({ items: await listReviews(deps, staff(req), req.query.state ?? 'pending', requestLanguage(req)) }),
  );

  app.post(
    `${REVIEWS_ADMIN}/:id/approve`,
    {
      config: keepers,
      schema: { tags, summary: 'Publishes a held review', params: ReviewIdParams, response: { 200: StaffReview } },
    },
    async (req) => moderateReview(deps, staff(req), req.params.id, { state: 'approved', reason: null }, requestLanguage(req)),
  );

  app.post(
    `${REVIEWS_ADMIN}/:id/reject`,
    {
      config: keepers,
      schema: {
        tags,
        summary: 'Keeps a review off the public page (the reason stays with the moderators)',
        params: ReviewIdParams,
        body: RejectRequest,
        response: { 200: StaffReview },
      },
    },
    async (req) =>
      moderateReview(
        deps,
        staff(req),
        req.params.id,
        { state: 'rejected', reason: req.body.reason?.trim() || null },
        requestLanguage(req),
      ),
  );
}
