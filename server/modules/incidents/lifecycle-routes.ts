import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { AppError } from '../../http/errors.js';
import { setStatusByOperator, triageByOperator, type Operator } from './lifecycle.js';
import { IncidentView, presentIncident } from './present.js';
import type { ReportDeps } from './reports.js';
import { findIncident } from './store.js';

const operators = staffAccess(['operator', 'supervisor'], 'beat');
const IncidentId = Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });
const Note = Type.String({ minLength: 1, maxLength: 2000 });

const TriageRequest = Type.Object(
  {
    priority: Type.Optional(Type.Integer({ minimum: 1, maximum: 4, description: 'overrides the triage rules’ priority' })),
    internalNote: Type.Optional(Note),
  },
  { additionalProperties: false },
);

const StatusRequest = Type.Object(
  {
    status: Type.Union([Type.Literal('closed'), Type.Literal('cancelled')]),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'required to cancel; staff only' })),
    publicText: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'what the reporter reads' })),
    internalNote: Type.Optional(Note),
  },
  { additionalProperties: false },
);

function operator(req: FastifyRequest): Operator {
  if (req.actor.kind !== 'user') throw new AppError('auth.required');
  return { userId: req.actor.userId, jurisdiction: req.actor.jurisdiction, ip: req.ip };
}

/** The operator's hand on an incident's lifecycle; units move it through dispatch. */
export function registerLifecycleRoutes(app: App, deps: ReportDeps): void {
  const present = async (req: FastifyRequest, id: string) => {
    const row = await findIncident(deps.db, operator(req).jurisdiction, id);
    if (!row) throw new AppError('incident.not_found');
    return presentIncident(row);
  };
  app.post(
    '/api/v1/incidents/:id/triage',
    {
      config: { access: operators },
      schema: {
        tags: ['incidents'],
        summary: 'Triage an incident: a new one becomes triaged; a priority given overrides the rules',
        params: IncidentId,
        body: TriageRequest,
        response: { 200: IncidentView },
      },
    },
    async (req) => {
      await triageByOperator(deps, operator(req), req.params.id, req.body);
      return present(req, req.params.id);
    },
  );
  app.post(
    '/api/v1/incidents/:id/status',
    {
      config: { access: operators },
      schema: {
        tags: ['incidents'],
        summary: 'Close a resolved incident, or cancel an open one with a reason',
        description: 'Units move an incident to dispatched, en route, on scene and resolved through their assignments.',
        params: IncidentId,
        body: StatusRequest,
        response: { 200: IncidentView },
      },
    },
    async (req) => {
      await setStatusByOperator(deps, operator(req), req.params.id, req.body);
      return present(req, req.params.id);
    },
  );
}
