import { Type } from '@sinclair/typebox';
import { staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { AppError } from '../../http/errors.js';
import { findDuplicates, mergeIncidents } from './duplicates.js';
import type { ReportDeps } from './reports.js';
import { findIncident } from './store.js';

const MERGERS = ['operator', 'supervisor'] as const;
const Id = Type.String({ maxLength: 64 });

const Candidate = Type.Object({
  id: Type.String(),
  category: Type.String(),
  status: Type.String(),
  priority: Type.Integer(),
  source: Type.String(),
  occurredAt: Type.String({ format: 'date-time' }),
  distanceMetres: Type.Integer(),
  minutesApart: Type.Integer(),
});

/** Duplicate reports of one event: what may be the same, and the operator's confirmed merge. */
export function registerMergeRoutes(app: App, deps: ReportDeps): void {
  app.get(
    '/api/v1/incidents/:id/duplicates',
    {
      config: { access: staffAccess(MERGERS, 'beat') },
      schema: {
        tags: ['incidents'],
        summary: 'Open incidents close in space and time with a compatible category: proposed duplicates',
        params: Type.Object({ id: Id }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Candidate) }) },
      },
    },
    async (req) => {
      if (req.actor.kind !== 'user') throw new AppError('auth.required');
      const incident = await findIncident(deps.db, req.actor.jurisdiction, req.params.id);
      if (!incident) throw new AppError('incident.not_found');
      return { items: await findDuplicates(deps.db, incident, req.actor.jurisdiction) };
    },
  );

  app.post(
    '/api/v1/incidents/:id/merge',
    {
      config: { access: staffAccess(MERGERS, 'beat') },
      schema: {
        tags: ['incidents'],
        summary: 'Merge this report into another incident about the same event',
        description: 'The report ends as `merged`; its reporter follows the other incident from then on.',
        params: Type.Object({ id: Id }, { additionalProperties: false }),
        body: Type.Object(
          { into: Type.String({ format: 'uuid' }), reason: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ id: Type.String(), status: Type.Literal('merged'), mergedInto: Type.String() }) },
      },
    },
    async (req) => {
      if (req.actor.kind !== 'user') throw new AppError('auth.required');
      const [source, target] = await Promise.all([
        findIncident(deps.db, req.actor.jurisdiction, req.params.id),
        findIncident(deps.db, req.actor.jurisdiction, req.body.into),
      ]);
      if (!source || !target) throw new AppError('incident.not_found');
      await mergeIncidents(deps.db, {
        sourceId: source.id,
        targetId: target.id,
        reasonEnc: deps.fieldCrypto.encrypt(req.body.reason.trim()),
        at: deps.clock(),
        actor: { kind: 'user', id: req.actor.userId },
        ip: req.ip,
      });
      return { id: source.id, status: 'merged' as const, mergedInto: target.id };
    },
  );
}
