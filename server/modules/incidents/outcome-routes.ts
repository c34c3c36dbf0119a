import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { AppError } from '../../http/errors.js';
import { IncidentDetailView, readIncidentDetail, type CautionAt } from './incident-detail.js';
import type { Operator } from './lifecycle.js';
import { OutcomeBody, recordOutcome } from './outcome.js';
import type { ReportDeps } from './reports.js';

const operators = staffAccess(['operator', 'supervisor'], 'beat');
const IncidentId = Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

function operator(req: FastifyRequest): Operator {
  if (req.actor.kind !== 'user') throw new AppError('auth.required');
  return { userId: req.actor.userId, jurisdiction: req.actor.jurisdiction, ip: req.ip };
}

/** How a crime's investigation ended, for a clearance rate. */
export function registerOutcomeRoutes(app: App, deps: ReportDeps & { caution: CautionAt }): void {
  app.put(
    '/api/v1/incidents/:id/outcome',
    {
      config: { access: operators },
      schema: {
        tags: ['incidents'],
        summary: 'Record how a crime’s pre-trial investigation ended, and on which day',
        description:
          'Both fields or neither: null and null clears it; one without the other is 400. The day is in Kazakhstan, ' +
          'not in the future and not before the incident occurred (400). Crime categories only (409 ' +
          'incident.outcome_not_a_crime); refused (409) on a merged incident and on a cancelled one. The timeline notes ' +
          'that an outcome was recorded, staff only; the audit keeps the code and the day. Answers the incident in full.',
        params: IncidentId,
        body: OutcomeBody,
        response: { 200: IncidentDetailView },
      },
    },
    async (req) => {
      const who = operator(req);
      await recordOutcome(deps, who, req.params.id, req.body);
      return readIncidentDetail(deps, who, req.params.id);
    },
  );
}
