import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { publicAccess, staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { requestLanguage } from '../../http/language.js';
import {
  GuideCreate,
  GuideEdit,
  GuideIdParams,
  GuideListQuery,
  GuideSlugParams,
  GuideVersionParams,
  PublicGuide,
  PublicGuideSummary,
  StaffGuide,
  StaffGuideSummary,
} from './guide-schema.js';
import {
  approveVersion,
  createGuide,
  editGuide,
  listPublicGuides,
  listStaffGuides,
  publicGuide,
  publishVersion,
  staffGuide,
  submitVersion,
  type GuideEditor,
  type GuideDeps,
} from './guides.js';

const tags = ['portal'];
const ADMIN = '/api/v1/portal-admin/guides';
// Guides are national: one text for the whole country, so only a country-wide editor changes them.
const editors = { access: staffAccess(['supervisor', 'admin'], 'country') };

function editor(req: FastifyRequest): GuideEditor {
  if (req.actor.kind !== 'user') throw new Error('staff route reached without a user');
  return { userId: req.actor.userId, username: req.actor.username, ip: req.ip };
}

/** The advice and legal guides: the public library, and the editors' versions, review and publication. */
export function registerGuideRoutes(app: App, deps: GuideDeps): void {
  app.get(
    '/api/v1/portal/guides',
    {
      config: { access: publicAccess() },
      schema: {
        tags,
        summary: 'Published guides in the request’s language, optionally those matching ?q=',
        querystring: GuideListQuery,
        response: { 200: Type.Array(PublicGuideSummary) },
      },
    },
    async (req) => listPublicGuides(deps.db, requestLanguage(req), req.query.q),
  );

  app.get(
    '/api/v1/portal/guides/:slug',
    {
      config: { access: publicAccess() },
      schema: {
        tags,
        summary: 'The newest published version of a guide',
        params: GuideSlugParams,
        response: { 200: PublicGuide },
      },
    },
    async (req) => publicGuide(deps.db, req.params.slug, requestLanguage(req)),
  );

  app.get(
    ADMIN,
    {
      config: editors,
      schema: {
        tags,
        summary: 'Every guide with its newest and published versions',
        response: { 200: Type.Array(StaffGuideSummary) },
      },
    },
    async (req) => listStaffGuides(deps.db, requestLanguage(req)),
  );

  app.get(
    `${ADMIN}/:id`,
    {
      config: editors,
      schema: { tags, summary: 'A guide’s versions and its newest text', params: GuideIdParams, response: { 200: StaffGuide } },
    },
    async (req) => staffGuide(deps.db, req.params.id, editor(req).userId),
  );

  app.post(
    ADMIN,
    {
      config: editors,
      schema: { tags, summary: 'A new guide, as a draft (version 1)', body: GuideCreate, response: { 201: StaffGuide } },
    },
    async (req, reply) => {
      const id = await createGuide(deps, editor(req), req.body);
      return reply.code(201).send(await staffGuide(deps.db, id, editor(req).userId));
    },
  );

  app.post(
    `${ADMIN}/:id/versions`,
    {
      config: editors,
      schema: {
        tags,
        summary: 'An edit: a new draft version after the newest (409 when `basedOn` is not the newest)',
        params: GuideIdParams,
        body: GuideEdit,
        response: { 201: StaffGuide },
      },
    },
    async (req, reply) => {
      await editGuide(deps, editor(req), req.params.id, req.body);
      return reply.code(201).send(await staffGuide(deps.db, req.params.id, editor(req).userId));
    },
  );

  app.post(
    `${ADMIN}/:id/versions/:version/submit`,
    {
      config: editors,
      schema: {
        tags,
        summary: 'Sends the newest draft for review; all three languages must be complete (422)',
        params: GuideVersionParams,
        response: { 200: StaffGuide },
      },
    },
    async (req) => {
      await submitVersion(deps, editor(req), req.params.id, req.params.version);
      return staffGuide(deps.db, req.params.id, editor(req).userId);
    },
  );

  app.post(
    `${ADMIN}/:id/versions/:version/approve`,
    {
      config: editors,
      schema: {
        tags,
        summary: 'Approves a version under review; its author may not (403 portal.guide_own_version)',
        params: GuideVersionParams,
        response: { 200: StaffGuide },
      },
    },
    async (req) => {
      await approveVersion(deps, editor(req), req.params.id, req.params.version);
      return staffGuide(deps.db, req.params.id, editor(req).userId);
    },
  );

  app.post(
    `${ADMIN}/:id/versions/:version/publish`,
    {
      config: editors,
      schema: {
        tags,
        summary: 'Publishes a version a second editor approved: the public sees it from now on',
        params: GuideVersionParams,
        response: { 200: StaffGuide },
      },
    },
    async (req) => {
      await publishVersion(deps, editor(req), req.params.id, req.params.version);
      return staffGuide(deps.db, req.params.id, editor(req).userId);
    },
  );
}
