import type { App } from '../../http/app.js';
import { staffAccess } from '../../http/access.js';
import { Type } from '@sinclair/typebox';
import { advanceAssignment, assignUnit, cancelAssignment } from './assignments.js';
import { recommendUnits } from './recommend.js';
import { staffOf } from './request-staff.js';
import {
  AssignmentParams,
  AssignmentView,
  AssignRequest,
  CancelAssignmentRequest,
  ProgressRequest,
  RecommendQuery,
  Recommendations,
} from './schema.js';
import type { DispatchDeps } from './service.js';

const operators = staffAccess(['operator', 'supervisor'], 'beat');
// Membership of the assigned unit is the authority (checked by the service), not jurisdiction.
const ownUnit = staffAccess(['officer'], 'self');
const IncidentId = Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

/** Recommendation, assignment and the officer's steps on an incident. */
export function registerAssignmentRoutes(app: App, deps: DispatchDeps): void {
  app.get(
    '/api/v1/incidents/:id/recommended-units',
    {
      config: { access: operators },
      schema: {
        tags: ['dispatch'],
        summary: 'The nearest available units for the incident, fastest first, with estimated travel time',
        params: IncidentId,
        querystring: RecommendQuery,
        response: { 200: Recommendations },
      },
    },
    async (req) => recommendUnits(deps, staffOf(req), req.params.id, req.query),
  );
  app.post(
    '/api/v1/incidents/:id/assignments',
    {
      config: { access: operators },
      schema: {
        tags: ['dispatch'],
        summary: 'Send a unit to the incident',
        description: 'A unit on another active incident answers 409 dispatch.unit_busy, even when two operators try at once.',
        params: IncidentId,
        body: AssignRequest,
        response: { 201: AssignmentView },
      },
    },
    async (req, reply) => reply.code(201).send(await assignUnit(deps, staffOf(req), req.params.id, req.body.unitId)),
  );
  app.post(
    '/api/v1/incidents/:id/assignments/:assignmentId/cancel',
    {
      config: { access: operators },
      schema: {
        tags: ['dispatch'],
        summary: 'Recall the unit; an incident left without units goes back to triaged',
        params: AssignmentParams,
        body: CancelAssignmentRequest,
        response: { 200: AssignmentView },
      },
    },
    async (req) => cancelAssignment(deps, staffOf(req), req.params.id, req.params.assignmentId, req.body.reason),
  );
  app.post(
    '/api/v1/incidents/:id/assignments/:assignmentId/accept',
    {
      config: { access: ownUnit },
      schema: {
        tags: ['dispatch'],
        summary: 'The unit’s officer accepts: the unit is en route',
        params: AssignmentParams,
        response: { 200: AssignmentView },
      },
    },
    async (req) => advanceAssignment(deps, staffOf(req), req.params.id, req.params.assignmentId, 'accepted'),
  );
  app.post(
    '/api/v1/incidents/:id/assignments/:assignmentId/status',
    {
      config: { access: ownUnit },
      schema: {
        tags: ['dispatch'],
        summary: 'The unit’s officer reports on scene, then resolved (the unit is available again)',
        params: AssignmentParams,
        body: ProgressRequest,
        response: { 200: AssignmentView },
      },
    },
    async (req) => advanceAssignment(deps, staffOf(req), req.params.id, req.params.assignmentId, req.body.status, req.body.note),
  );
}
