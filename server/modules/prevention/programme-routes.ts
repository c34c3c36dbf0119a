import { Type } from '@sinclair/typebox';
import { staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { callerOf } from './caller.js';
import type { PreventionDeps } from './deps.js';
import {
  EnrolmentEndRequest,
  EnrolmentRequest,
  EnrolmentView,
  ProviderRequest,
  ProviderView,
  SessionRequest,
} from './programme-schema.js';
import { caseProgrammes, endProgramme, enrol, listProviders, recordSession, registerProvider } from './programmes.js';
import { IdParams } from './schema.js';

// As for the rest of the case: the service lets in the case team and supervisors only.
const caseTeam = staffAccess(['officer', 'supervisor'], 'beat');
const tags = ['prevention'];

export function registerProgrammeRoutes(app: App, deps: PreventionDeps): void {
  app.post(
    '/api/v1/prevention/programme-providers',
    {
      config: { access: staffAccess(['admin', 'supervisor'], 'region') },
      schema: {
        tags,
        summary: 'Register a provider of aggressor programmes (psycho-correction, counselling, addiction) in a region',
        body: ProviderRequest,
        response: { 201: ProviderView },
      },
    },
    async (req, reply) => reply.code(201).send(await registerProvider(deps, callerOf(req), req.body)),
  );
  app.get(
    '/api/v1/prevention/programme-providers',
    {
      config: { access: caseTeam },
      schema: {
        tags,
        summary: 'Providers of aggressor programmes in the caller’s region, by name',
        response: { 200: Type.Array(ProviderView) },
      },
    },
    async (req) => listProviders(deps, callerOf(req)),
  );
  app.post(
    '/api/v1/prevention/cases/:id/programmes',
    {
      config: { access: caseTeam },
      schema: {
        tags,
        summary:
          'Enrol the case’s aggressor in a programme: by the court (CoAO art. 54), voluntarily or on the conference’s referral',
        params: IdParams,
        body: EnrolmentRequest,
        response: { 201: EnrolmentView },
      },
    },
    async (req, reply) => reply.code(201).send(await enrol(deps, callerOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/v1/prevention/cases/:id/programmes',
    {
      // Prosecutors overseeing the area read what the case file shows them, without changing it.
      config: { access: staffAccess(['officer', 'supervisor', 'prosecutor'], 'beat') },
      schema: {
        tags,
        summary: 'The case’s programmes with attendance and outcome (case team, supervisors, prosecutors; audited)',
        params: IdParams,
        response: { 200: Type.Array(EnrolmentView) },
      },
    },
    async (req) => caseProgrammes(deps, callerOf(req), req.params.id),
  );
  app.post(
    '/api/v1/prevention/programmes/:id/sessions',
    {
      config: { access: caseTeam },
      schema: {
        tags,
        summary:
          'Record a session attended or missed (with a reason); a court-ordered aggressor missing more than allowed breaches the order',
        params: IdParams,
        body: SessionRequest,
        response: { 201: EnrolmentView },
      },
    },
    async (req, reply) => reply.code(201).send(await recordSession(deps, callerOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/v1/prevention/programmes/:id/end',
    {
      config: { access: caseTeam },
      schema: {
        tags,
        summary: 'End a programme: completed, or dropped out (a breach of a court’s order)',
        params: IdParams,
        body: EnrolmentEndRequest,
        response: { 200: EnrolmentView },
      },
    },
    async (req) => endProgramme(deps, callerOf(req), req.params.id, req.body),
  );
}
