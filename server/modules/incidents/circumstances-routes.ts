import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { AppError } from '../../http/errors.js';
import { CircumstancesBody, recordCircumstances } from './circumstances.js';
import { IncidentDetailView, readIncidentDetail, type CautionAt } from './incident-detail.js';
import type { Operator } from './lifecycle.js';
import type { ReportDeps } from './reports.js';

const operators = staffAccess(['operator', 'supervisor'], 'beat');
const IncidentId = Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

function operator(req: FastifyRequest): Operator {
  if (req.actor.kind !== 'user') throw new AppError('auth.required');
  return { userId: req.actor.userId, jurisdiction: req.actor.jurisdiction, ip: req.ip };
}

/** What staff record about an incident for the National Report: victim, suspect and place, in bands. */
export function registerCircumstancesRoutes(app: App, deps: ReportDeps & { caution: CautionAt }): void {
  app.put(
    '/api/v1/incidents/:id/circumstances',
    {
      config: { access: operators },
      schema: {
        tags: ['incidents'],
        summary:
          'Record an incident’s circumstances: the victim’s sex and age band, the suspect’s age band and state, the kind of place',
        description:
          'Replaces all five; null is "not recorded". Refused (409) on a merged incident (record them on the one it ' +
          'was merged into) and on a cancelled one. The timeline and the audit name the fields changed, not their values. ' +
          'Answers the incident in full, as its detail does.',
        params: IncidentId,
        body: CircumstancesBody,
        response: { 200: IncidentDetailView },
      },
    },
    async (req) => {
      const who = operator(req);
      await recordCircumstances(deps, who, req.params.id, req.body);
      return readIncidentDetail(deps, who, req.params.id);
    },
  );
}
