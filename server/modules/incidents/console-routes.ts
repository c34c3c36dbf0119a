import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { AppError } from '../../http/errors.js';
import { Cursor, Limit, Page } from '../../http/paging.js';
import { CallReceipt, CallRequest, recordCall } from './call-taker.js';
import { registerCircumstancesRoutes } from './circumstances-routes.js';
import { IncidentDetailView, readIncidentDetail, type CautionAt } from './incident-detail.js';
import { addInternalNote } from './incident-note.js';
import type { Operator } from './lifecycle.js';
import { IncidentView, presentIncident } from './present.js';
import { registerOutcomeRoutes } from './outcome-routes.js';
import { listQueue } from './queue.js';
import { IdempotencyHeaders } from './report-schema.js';
import type { ReportDeps } from './reports.js';

const operators = staffAccess(['operator', 'supervisor'], 'beat');
const IncidentId = Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

function operator(req: FastifyRequest): Operator {
  if (req.actor.kind !== 'user') throw new AppError('auth.required');
  return { userId: req.actor.userId, jurisdiction: req.actor.jurisdiction, ip: req.ip };
}

/** The operational control centre's console: the live queue, an incident in full, notes and phone calls. */
export function registerConsoleRoutes(app: App, reportDeps: ReportDeps & { caution?: CautionAt }): void {
  // The prevention module's protection-order look-up, plugged in by server/main.ts as for dispatch.
  const deps = { ...reportDeps, caution: reportDeps.caution ?? (async () => false) };
  registerCircumstancesRoutes(app, deps);
  registerOutcomeRoutes(app, deps);
  app.get(
    '/api/v1/incidents/queue',
    {
      config: { access: operators },
      schema: {
        tags: ['incidents'],
        summary: 'Open incidents of the caller’s jurisdiction, by priority and then longest waiting',
        description:
          'Open means new, triaged, dispatched, en route or on scene; historical records are left out. ' +
          'Consoles reload it when the live feed says an incident changed.',
        querystring: Type.Object({ cursor: Cursor, limit: Limit }, { additionalProperties: false }),
        response: { 200: Page(IncidentView) },
      },
    },
    async (req) => {
      const page = await listQueue(deps.db, operator(req).jurisdiction, req.query);
      return { items: page.items.map(presentIncident), nextCursor: page.nextCursor };
    },
  );
  app.get(
    '/api/v1/incidents/:id/detail',
    {
      config: { access: operators },
      schema: {
        tags: ['incidents'],
        summary: 'One incident in full for the operator: description, reporter contact and timeline with notes (audited)',
        params: IncidentId,
        response: { 200: IncidentDetailView },
      },
    },
    async (req) => readIncidentDetail(deps, operator(req), req.params.id),
  );
  app.post(
    '/api/v1/incidents/:id/notes',
    {
      config: { access: operators },
      schema: {
        tags: ['incidents'],
        summary: 'Add an internal note to an open incident’s timeline (never shown to the reporter)',
        params: IncidentId,
        body: Type.Object(
          { text: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }) },
          { additionalProperties: false },
        ),
        response: { 201: IncidentDetailView },
      },
    },
    async (req, reply) => {
      const who = operator(req);
      await addInternalNote(deps, who, req.params.id, req.body.text);
      return reply.code(201).send(await readIncidentDetail(deps, who, req.params.id));
    },
  );
  app.post(
    '/api/v1/incidents',
    {
      config: { access: operators },
      schema: {
        tags: ['incidents'],
        summary: 'Record a phone call as an incident (source phone); the caller’s name and phone are encrypted',
        description:
          'The point must lie inside Kazakhstan and inside the operator’s jurisdiction. With an ' +
          'Idempotency-Key header, a resend of the same call answers the first result again (with ' +
          'Idempotent-Replayed: true) and files nothing new.',
        headers: IdempotencyHeaders,
        body: CallRequest,
        response: { 201: CallReceipt },
      },
    },
    async (req, reply) => {
      const filed = await recordCall(deps, operator(req), req.body, req.headers['idempotency-key']);
      if (filed.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(filed.status as 201).send(filed.body);
    },
  );
}
