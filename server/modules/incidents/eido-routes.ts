import { Type } from '@sinclair/typebox';
import { staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { incidentToEido } from './eido.js';
import type { ReportDeps } from './reports.js';
import { statusText } from './status.js';
import { findIncident } from './store.js';

const EXPORTERS = ['operator', 'supervisor'] as const;
// How Aman names itself in identifiers a neighbouring system keeps.
const SENDING_SYSTEM = 'aman.kz';

/** `GET /api/v1/incidents/{id}/eido`: one incident for a neighbouring dispatch system. */
export function registerEidoRoutes(app: App, deps: ReportDeps): void {
  app.get(
    '/api/v1/incidents/:id/eido',
    {
      config: { access: staffAccess(EXPORTERS, 'beat') },
      schema: {
        tags: ['incidents'],
        summary: 'The incident as an Emergency Incident Data Object (NENA-STA-021 JSON)',
        description: 'Incident, location (PIDF-LO) and notes components; no reporter identity, internal notes or media.',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
      },
    },
    async (req, reply) => {
      if (req.actor.kind !== 'user') throw new AppError('auth.required');
      const row = await findIncident(deps.db, req.actor.jurisdiction, req.params.id);
      if (!row) throw new AppError('incident.not_found');
      const timeline = await deps.db
        .selectFrom('incident_timeline')
        .select(['id', 'at', 'status', 'public_text'])
        .where('incident_id', '=', row.id)
        .orderBy('at')
        .orderBy('id')
        .execute();
      await recordAudit(deps.db, {
        action: 'incident.export',
        outcome: 'success',
        actor: { kind: 'user', id: req.actor.userId },
        target: { type: 'incident', id: row.id },
        regionId: row.region_id,
        ip: req.ip,
        details: { format: 'eido' },
      });
      const eido = incidentToEido(
        row,
        timeline.map((e) => ({ id: e.id, at: e.at, status: e.status, text: e.public_text ?? statusText(e.status, 'en') })),
        { system: SENDING_SYSTEM, now: deps.clock() },
      );
      return reply.header('content-type', 'application/emergency.eido+json').send(JSON.stringify(eido));
    },
  );
}
