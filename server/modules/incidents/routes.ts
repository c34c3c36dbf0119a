import { Type } from '@sinclair/typebox';
import { CATEGORIES } from '../../../common/categories.js';
import { publicAccess, staffAccess } from '../../http/access.js';
import { requestLanguage } from '../../http/language.js';
import type { App } from '../../http/app.js';
import { AppError } from '../../http/errors.js';
import { Cursor, Limit, Page } from '../../http/paging.js';
import { recordAudit } from '../audit/index.js';
import { IncidentView, presentIncident } from './present.js';
import { registerEidoRoutes } from './eido-routes.js';
import { registerMediaRoutes } from './media-routes.js';
import { registerMergeRoutes } from './merge-routes.js';
import { registerReportRoutes } from './report-routes.js';
import { registerLifecycleRoutes } from './lifecycle-routes.js';
import { registerCameraRoutes } from './camera-routes.js';
import { registerConsoleRoutes } from './console-routes.js';
import type { CautionAt } from './incident-detail.js';
import type { CameraDeps } from './camera-events.js';
import { registerSosRoutes } from './sos-routes.js';
import type { ReportDeps } from './reports.js';
import { findIncident, listIncidents } from './store.js';

const READERS = ['operator', 'officer', 'investigator', 'supervisor', 'analyst'] as const;

const CategoryView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  names: Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() }),
  group: Type.String(),
  citizenReportable: Type.Boolean(),
  open311: Type.Boolean(),
  sensitive: Type.Boolean(),
  defaultPriority: Type.Integer(),
  policeUk: Type.Union([Type.String(), Type.Null()]),
});

export function registerIncidentRoutes(
  app: App,
  deps: ReportDeps & CameraDeps & { caution?: CautionAt; reportsPerMinute: number },
): void {
  registerReportRoutes(app, deps);
  registerMediaRoutes(app, deps);
  registerEidoRoutes(app, deps);
  registerMergeRoutes(app, deps);
  registerSosRoutes(app, deps);
  registerCameraRoutes(app, deps);
  registerLifecycleRoutes(app, deps);
  registerConsoleRoutes(app, deps);
  app.get(
    '/api/v1/categories',
    {
      config: { access: publicAccess() },
      schema: {
        tags: ['incidents'],
        summary: 'The catalogue of offence and report categories',
        response: { 200: Type.Array(CategoryView) },
      },
    },
    async (req) => {
      const language = requestLanguage(req);
      return CATEGORIES.map((c) => ({ ...c, name: c.names[language] }));
    },
  );
  app.get(
    '/api/v1/incidents',
    {
      config: { access: staffAccess(READERS, 'beat') },
      schema: {
        tags: ['incidents'],
        summary: 'Incidents inside the caller’s jurisdiction, newest first',
        querystring: Type.Object(
          { cursor: Cursor, limit: Limit, category: Type.Optional(Type.String({ maxLength: 64 })) },
          { additionalProperties: false },
        ),
        response: { 200: Page(IncidentView) },
      },
    },
    async (req) => {
      if (req.actor.kind !== 'user') throw new AppError('auth.required');
      const page = await listIncidents(deps.db, req.actor.jurisdiction, req.query);
      return { items: page.items.map(presentIncident), nextCursor: page.nextCursor };
    },
  );
  app.get(
    '/api/v1/incidents/:id',
    {
      config: { access: staffAccess(READERS, 'beat') },
      schema: {
        tags: ['incidents'],
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
        response: { 200: IncidentView },
      },
    },
    async (req) => {
      if (req.actor.kind !== 'user') throw new AppError('auth.required');
      const row = await findIncident(deps.db, req.actor.jurisdiction, req.params.id);
      if (!row) throw new AppError('incident.not_found');
      // An incident's exact location can point at a victim's home: every read is on record.
      await recordAudit(deps.db, {
        action: 'incident.read',
        outcome: 'success',
        actor: { kind: 'user', id: req.actor.userId },
        target: { type: 'incident', id: row.id },
        regionId: row.region_id,
        ip: req.ip,
      });
      return presentIncident(row);
    },
  );
}
