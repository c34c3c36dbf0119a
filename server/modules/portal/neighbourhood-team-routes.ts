import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { publicAccess, staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import {
  addMeeting,
  addMember,
  addPriority,
  editMeeting,
  editMember,
  editPriority,
  memberPhoto,
  removeMeeting,
  removeMember,
  removePhoto,
  replacePhoto,
  staffTeam,
  type TeamDeps,
  type TeamEditor,
} from './neighbourhood-team.js';
import {
  BeatParams,
  MeetingInput,
  MeetingParams,
  MemberInput,
  MemberParams,
  PhotoInput,
  PhotoQuery,
  PriorityInput,
  PriorityParams,
  StaffTeam,
} from './neighbourhood-team-schema.js';

const tags = ['portal'];
const ADMIN = '/api/v1/portal-admin/neighbourhoods/:beatId';
// A district's police chief (a supervisor) keeps the teams of the beats in their district, and a
// beat's inspector (an officer) their own beat's; each change is limited to the editor's own
// jurisdiction by the service.
const editors = { access: staffAccess(['supervisor', 'admin', 'officer'], 'beat') };
const Created = Type.Object({ id: Type.String() });
// A photo up to 2 MB arrives in base64 inside JSON.
const PHOTO_BODY_LIMIT = 3 * 1024 * 1024;

function editor(req: FastifyRequest): TeamEditor {
  if (req.actor.kind !== 'user') throw new Error('staff route reached without a user');
  return { userId: req.actor.userId, ip: req.ip, actor: req.actor };
}

/** The staff editor of neighbourhood teams, priorities and meetings, and the public photos. */
export function registerTeamRoutes(app: App, deps: TeamDeps): void {
  app.get(
    ADMIN,
    {
      config: editors,
      schema: {
        tags,
        summary: 'A beat’s team, every priority and the meetings, for its editors',
        params: BeatParams,
        response: { 200: StaffTeam },
      },
    },
    async (req) => staffTeam(deps, editor(req), req.params.beatId),
  );

  app.post(
    `${ADMIN}/team`,
    {
      config: editors,
      schema: {
        tags,
        summary: 'Adds an officer to the beat’s team',
        params: BeatParams,
        body: MemberInput,
        response: { 201: Created },
      },
    },
    async (req, reply) => reply.code(201).send({ id: await addMember(deps, editor(req), req.params.beatId, req.body) }),
  );

  app.put(
    `${ADMIN}/team/:memberId`,
    {
      config: editors,
      schema: {
        tags,
        summary: 'Replaces an officer’s details',
        params: MemberParams,
        body: MemberInput,
        response: { 200: Created },
      },
    },
    async (req) => ({ id: await editMember(deps, editor(req), req.params.beatId, req.params.memberId, req.body) }),
  );

  app.delete(
    `${ADMIN}/team/:memberId`,
    {
      config: editors,
      schema: { tags, summary: 'Removes an officer from the team', params: MemberParams, response: { 204: Type.Null() } },
    },
    async (req, reply) => {
      await removeMember(deps, editor(req), req.params.beatId, req.params.memberId);
      return reply.code(204).send(null);
    },
  );

  app.put(
    `${ADMIN}/team/:memberId/photo`,
    {
      config: editors,
      bodyLimit: PHOTO_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Replaces an officer’s photo: re-encoded as a JPEG of at most 480 px, without metadata',
        params: MemberParams,
        body: PhotoInput,
        response: { 200: Created },
      },
    },
    async (req) => ({ id: await replacePhoto(deps, editor(req), req.params.beatId, req.params.memberId, req.body.image) }),
  );

  app.delete(
    `${ADMIN}/team/:memberId/photo`,
    {
      config: editors,
      schema: { tags, summary: 'Removes an officer’s photo', params: MemberParams, response: { 204: Type.Null() } },
    },
    async (req, reply) => {
      await removePhoto(deps, editor(req), req.params.beatId, req.params.memberId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${ADMIN}/priorities`,
    {
      config: editors,
      schema: {
        tags,
        summary: 'A priority agreed with the residents',
        params: BeatParams,
        body: PriorityInput,
        response: { 201: Created },
      },
    },
    async (req, reply) => reply.code(201).send({ id: await addPriority(deps, editor(req), req.params.beatId, req.body) }),
  );

  app.put(
    `${ADMIN}/priorities/:priorityId`,
    {
      config: editors,
      schema: {
        tags,
        summary: 'Replaces a priority: what was done, or closes it',
        params: PriorityParams,
        body: PriorityInput,
        response: { 200: Created },
      },
    },
    async (req) => ({ id: await editPriority(deps, editor(req), req.params.beatId, req.params.priorityId, req.body) }),
  );

  app.post(
    `${ADMIN}/meetings`,
    {
      config: editors,
      schema: {
        tags,
        summary: 'A meeting with the residents',
        params: BeatParams,
        body: MeetingInput,
        response: { 201: Created },
      },
    },
    async (req, reply) => reply.code(201).send({ id: await addMeeting(deps, editor(req), req.params.beatId, req.body) }),
  );

  app.put(
    `${ADMIN}/meetings/:meetingId`,
    {
      config: editors,
      schema: { tags, summary: 'Replaces a meeting', params: MeetingParams, body: MeetingInput, response: { 200: Created } },
    },
    async (req) => ({ id: await editMeeting(deps, editor(req), req.params.beatId, req.params.meetingId, req.body) }),
  );

  app.delete(
    `${ADMIN}/meetings/:meetingId`,
    { config: editors, schema: { tags, summary: 'Cancels a meeting', params: MeetingParams, response: { 204: Type.Null() } } },
    async (req, reply) => {
      await removeMeeting(deps, editor(req), req.params.beatId, req.params.meetingId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/portal/neighbourhoods/:beatId/team/:memberId/photo',
    {
      config: { access: publicAccess() },
      schema: {
        tags,
        summary: 'An officer’s published photo (JPEG)',
        params: MemberParams,
        querystring: PhotoQuery,
      },
    },
    async (req, reply) => {
      const photo = await memberPhoto(deps.db, req.params.beatId, req.params.memberId);
      // The URL carries the photo's version, so a changed photo has a new address.
      return reply
        .header('content-type', 'image/jpeg')
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'public, max-age=86400')
        .send(photo);
    },
  );
}
