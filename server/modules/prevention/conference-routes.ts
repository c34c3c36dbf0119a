import { staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { Cursor, Limit, Page } from '../../http/paging.js';
import { Type } from '@sinclair/typebox';
import { callerOf } from './caller.js';
import {
  addAction,
  completePartnerAction,
  createConference,
  listActions,
  listPartnerActions,
  readConference,
  setPartnerAgency,
} from './conferences.js';
import { listConferences, recordAttendance, recordDecision } from './conference-decisions.js';
import type { PreventionDeps } from './deps.js';
import { listReferrals } from './referrals.js';
import {
  ActionListQuery,
  ActionRequest,
  ActionView,
  AttendanceRequest,
  ConferenceDecisionRequest,
  ConferenceRequest,
  ConferenceSummary,
  ConferenceView,
  IdParams,
  PartnerAgencyRequest,
  PartnerAgencyView,
  ReferralListQuery,
  ReferralView,
  UserIdParams,
} from './schema.js';

// Risk conferences are district-wide: a beat-level inspector sees their own case's referral on the case.
const conferenceTeam = staffAccess(['officer', 'supervisor'], 'district');
const tags = ['prevention'];

export function registerConferenceRoutes(app: App, deps: PreventionDeps): void {
  app.get(
    '/api/v1/prevention/referrals',
    {
      config: { access: conferenceTeam },
      schema: {
        tags,
        summary:
          'Referrals to risk conferences in the caller’s jurisdiction, newest first (repeat referrals flagged); waiting=true: cases due for the next conference',
        querystring: ReferralListQuery,
        response: { 200: Page(ReferralView) },
      },
    },
    async (req) => listReferrals(deps.db, callerOf(req).user.jurisdiction, req.query),
  );
  app.post(
    '/api/v1/prevention/conferences',
    {
      config: { access: conferenceTeam },
      schema: {
        tags,
        summary: 'Call a district risk conference; every waiting referral of the district goes on its agenda',
        body: ConferenceRequest,
        response: { 201: ConferenceView },
      },
    },
    async (req, reply) => reply.code(201).send(await createConference(deps, callerOf(req), req.body)),
  );
  app.get(
    '/api/v1/prevention/conferences',
    {
      config: { access: conferenceTeam },
      schema: {
        tags,
        summary:
          'Risk conferences in the caller’s jurisdiction, latest first: agencies invited and attending, agenda size, open actions',
        querystring: Type.Object({ cursor: Cursor, limit: Limit }, { additionalProperties: false }),
        response: { 200: Page(ConferenceSummary) },
      },
    },
    async (req) => listConferences(deps, callerOf(req), req.query),
  );
  app.put(
    '/api/v1/prevention/conferences/:id/attendance',
    {
      config: { access: conferenceTeam },
      schema: {
        tags,
        summary: 'Record once which invited agencies attended (again: 409; change it with a correction)',
        params: IdParams,
        body: AttendanceRequest,
        response: { 200: ConferenceView },
      },
    },
    async (req) => recordAttendance(deps, callerOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/prevention/conferences/:id/decisions',
    {
      config: { access: conferenceTeam },
      schema: {
        tags,
        summary: 'Record the conference’s decision on a case on its agenda (encrypted; noted in the case timeline)',
        params: IdParams,
        body: ConferenceDecisionRequest,
        response: { 201: ConferenceView },
      },
    },
    async (req, reply) => reply.code(201).send(await recordDecision(deps, callerOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/v1/prevention/conferences/:id',
    {
      config: { access: conferenceTeam },
      schema: {
        tags,
        summary: 'A conference: agencies, agenda and safety plan (audited)',
        params: IdParams,
        response: { 200: ConferenceView },
      },
    },
    async (req) => readConference(deps, callerOf(req), req.params.id),
  );
  app.post(
    '/api/v1/prevention/conferences/:id/actions',
    {
      config: { access: conferenceTeam },
      schema: {
        tags,
        summary: 'Add a safety-plan action for a case on the agenda, assigned to a participating agency',
        params: IdParams,
        body: ActionRequest,
        response: { 201: ActionView },
      },
    },
    async (req, reply) => reply.code(201).send(await addAction(deps, callerOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/v1/prevention/actions',
    {
      config: { access: conferenceTeam },
      schema: {
        tags,
        summary: 'Safety-plan actions in the caller’s jurisdiction; overdue=true keeps those open past their deadline',
        querystring: ActionListQuery,
        response: { 200: Page(ActionView) },
      },
    },
    async (req) => listActions(deps, callerOf(req), req.query),
  );
  app.get(
    '/api/v1/prevention/partner/actions',
    {
      config: { access: staffAccess(['partner'], 'district') },
      schema: {
        tags,
        summary: 'The actions assigned to the partner’s own agency, in their jurisdiction',
        querystring: ActionListQuery,
        response: { 200: Page(ActionView) },
      },
    },
    async (req) => listPartnerActions(deps, callerOf(req), req.query),
  );
  app.post(
    '/api/v1/prevention/partner/actions/:id/complete',
    {
      config: { access: staffAccess(['partner'], 'district') },
      schema: { tags, summary: 'Mark one of the agency’s actions done', params: IdParams, response: { 200: ActionView } },
    },
    async (req) => completePartnerAction(deps, callerOf(req), req.params.id),
  );
  app.put(
    '/api/v1/prevention/partner-agencies/:userId',
    {
      config: { access: staffAccess(['admin'], 'country') },
      schema: {
        tags,
        summary: 'Say which agency a partner user acts for (national admins)',
        params: UserIdParams,
        body: PartnerAgencyRequest,
        response: { 200: PartnerAgencyView },
      },
    },
    async (req) => setPartnerAgency(deps, callerOf(req), req.params.userId, req.body.agency),
  );
}
