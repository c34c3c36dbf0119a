import { Type } from '@sinclair/typebox';
import { staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { Page } from '../../http/paging.js';
import { assessRisk, riskTrend } from './assessments.js';
import { callerOf } from './caller.js';
import { addTeamMember, breakGlass, breakGlassLog } from './case-team.js';
import { addPerson, createCase, linkIncident, listCases, readCase, recordOutcome } from './cases.js';
import type { PreventionDeps } from './deps.js';
import { maskedCase } from './masked-case.js';
import {
  AssessmentRequest,
  AssessmentView,
  BreakGlassRequest,
  BreakGlassView,
  CaseListQuery,
  CaseSummary,
  CaseFileView,
  CreateCaseRequest,
  IdParams,
  LinkIncidentRequest,
  MaskedCaseView,
  OutcomeRequest,
  OutcomeView,
  PersonInput,
  ReferralView,
  RiskTrend,
  TeamMemberRequest,
  TeamMemberView,
} from './schema.js';

// District inspectors work the cases of their beat; supervisors those of their whole area. The
// service then checks the case team (case-access.ts): others of the role must break the glass.
const caseTeam = staffAccess(['officer', 'supervisor'], 'beat');
// Reads are open to prosecutors overseeing the area and partners with an action on the case too.
const caseReaders = staffAccess(['officer', 'supervisor', 'prosecutor', 'partner'], 'beat');
const tags = ['prevention'];

export function registerCaseRoutes(app: App, deps: PreventionDeps): void {
  app.post(
    '/api/v1/prevention/cases',
    {
      config: { access: caseTeam },
      schema: {
        tags,
        summary: 'Open a domestic-violence case at the victim’s home, directly or from an incident',
        body: CreateCaseRequest,
        response: { 201: CaseFileView },
      },
    },
    async (req, reply) => reply.code(201).send(await createCase(deps, callerOf(req), req.body)),
  );
  app.get(
    '/api/v1/prevention/cases',
    {
      config: { access: staffAccess(['officer', 'supervisor', 'prosecutor', 'analyst'], 'beat') },
      schema: {
        tags,
        summary:
          'Cases in the caller’s jurisdiction (mine=true: of their team), last changed first: numbers, places, grades — no personal data',
        querystring: CaseListQuery,
        response: { 200: Page(CaseSummary) },
      },
    },
    async (req) => listCases(deps, callerOf(req), req.query),
  );
  app.get(
    '/api/v1/prevention/cases/:id',
    {
      config: { access: caseReaders },
      schema: {
        tags,
        summary: 'The case file: people, incidents, timeline, orders, referrals, actions (team only; audited)',
        params: IdParams,
        response: { 200: CaseFileView },
      },
    },
    async (req) => readCase(deps, callerOf(req), req.params.id),
  );
  app.get(
    '/api/v1/prevention/cases/:id/masked',
    {
      config: { access: caseReaders },
      schema: {
        tags,
        summary:
          'The masked summary anyone in the case’s area may see: number, area, grade, roles with initials — no names, addresses, phones or IINs (audited)',
        params: IdParams,
        response: { 200: MaskedCaseView },
      },
    },
    async (req) => maskedCase(deps, callerOf(req), req.params.id),
  );
  app.post(
    '/api/v1/prevention/cases/:id/people',
    {
      config: { access: caseTeam },
      schema: { tags, summary: 'Add a person to a case', params: IdParams, body: PersonInput, response: { 201: CaseFileView } },
    },
    async (req, reply) => reply.code(201).send(await addPerson(deps, callerOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/v1/prevention/cases/:id/incidents',
    {
      config: { access: caseTeam },
      schema: {
        tags,
        summary: 'Link a further incident; the case then needs a reassessment and may be referred',
        params: IdParams,
        body: LinkIncidentRequest,
        response: { 200: Type.Object({ referral: Type.Union([ReferralView, Type.Null()]) }) },
      },
    },
    async (req) => linkIncident(deps, callerOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/prevention/cases/:id/assessments',
    {
      config: { access: caseTeam },
      schema: {
        tags,
        summary: 'Record a risk assessment with the current instrument; a high grade refers the case',
        params: IdParams,
        body: AssessmentRequest,
        response: { 201: AssessmentView },
      },
    },
    async (req, reply) => reply.code(201).send(await assessRisk(deps, callerOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/v1/prevention/cases/:id/assessments',
    {
      config: { access: caseReaders },
      schema: {
        tags,
        summary: 'The case’s risk over time, oldest assessment first',
        params: IdParams,
        response: { 200: RiskTrend },
      },
    },
    async (req) => riskTrend(deps, callerOf(req), req.params.id),
  );
  app.post(
    '/api/v1/prevention/cases/:id/outcomes',
    {
      config: { access: caseTeam },
      schema: {
        tags,
        summary: 'Record an outcome (re-victimisation or none), to validate the instrument later',
        params: IdParams,
        body: OutcomeRequest,
        response: { 201: OutcomeView },
      },
    },
    async (req, reply) => reply.code(201).send(await recordOutcome(deps, callerOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/v1/prevention/cases/:id/break-glass',
    {
      config: { access: staffAccess(['officer', 'supervisor', 'prosecutor'], 'beat') },
      schema: {
        tags,
        summary: 'Open a case outside one’s team with a written reason (audited; shown to the team; open for an hour)',
        params: IdParams,
        body: BreakGlassRequest,
        response: { 200: CaseFileView },
      },
    },
    async (req) => breakGlass(deps, callerOf(req), req.params.id, req.body.reason),
  );
  app.get(
    '/api/v1/prevention/cases/:id/break-glass',
    {
      config: { access: staffAccess(['officer', 'supervisor', 'prosecutor'], 'beat') },
      schema: {
        tags,
        summary: 'Who broke the glass on the case, when and why, newest first (team and supervisors)',
        params: IdParams,
        response: { 200: Type.Array(BreakGlassView) },
      },
    },
    async (req) => breakGlassLog(deps, callerOf(req), req.params.id),
  );
  app.post(
    '/api/v1/prevention/cases/:id/team',
    {
      config: { access: caseTeam },
      schema: {
        tags,
        summary: 'Add a staff user to the case team',
        params: IdParams,
        body: TeamMemberRequest,
        response: { 200: TeamMemberView },
      },
    },
    async (req) => addTeamMember(deps, callerOf(req), req.params.id, req.body.userId),
  );
}
