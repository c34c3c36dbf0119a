import { Type } from '@sinclair/typebox';
import { staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { Page } from '../../http/paging.js';
import { assessRisk, riskTrend } from './assessments.js';
import { callerOf } from './caller.js';
import { addPerson, createCase, linkIncident, listCases, readCase, recordOutcome } from './cases.js';
import type { PreventionDeps } from './deps.js';
import {
  AssessmentRequest,
  AssessmentView,
  CaseListQuery,
  CaseSummary,
  CaseView,
  CreateCaseRequest,
  IdParams,
  LinkIncidentRequest,
  OutcomeRequest,
  OutcomeView,
  PersonInput,
  ReferralView,
  RiskTrend,
} from './schema.js';

// District inspectors work the cases of their beat; supervisors those of their whole area.
const caseTeam = staffAccess(['officer', 'supervisor'], 'beat');
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
        response: { 201: CaseView },
      },
    },
    async (req, reply) => reply.code(201).send(await createCase(deps, callerOf(req), req.body)),
  );
  app.get(
    '/api/v1/prevention/cases',
    {
      config: { access: staffAccess(['officer', 'supervisor', 'analyst'], 'beat') },
      schema: {
        tags,
        summary: 'Cases in the caller’s jurisdiction, last changed first: numbers, places, grades — no personal data',
        querystring: CaseListQuery,
        response: { 200: Page(CaseSummary) },
      },
    },
    async (req) => listCases(deps, callerOf(req).user.jurisdiction, req.query),
  );
  app.get(
    '/api/v1/prevention/cases/:id',
    {
      config: { access: caseTeam },
      schema: {
        tags,
        summary: 'One case with its people, incidents and timeline (audited)',
        params: IdParams,
        response: { 200: CaseView },
      },
    },
    async (req) => readCase(deps, callerOf(req), req.params.id),
  );
  app.post(
    '/api/v1/prevention/cases/:id/people',
    {
      config: { access: caseTeam },
      schema: { tags, summary: 'Add a person to a case', params: IdParams, body: PersonInput, response: { 201: CaseView } },
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
      config: { access: caseTeam },
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
}
