import type { Db } from '../../db/connection.js';
import { staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { AppError } from '../../http/errors.js';
import { HotspotsQuery, HotspotsView, NearRepeatRequest, NearRepeatView } from './schema.js';
import { findHotspots, runNearRepeat } from './service.js';

export interface AnalyticsDeps {
  db: Db;
}

// Analysis of an area narrower than a district says little; the answer covers the caller's own jurisdiction.
const ANALYSTS = staffAccess(['analyst'], 'district');

/** The analyst's tools: near-repeat (Knox) and Gi* hot spots over the caller's jurisdiction. */
export function registerAnalytics(app: App, { db }: AnalyticsDeps): void {
  app.post(
    '/api/v1/analytics/near-repeat',
    {
      config: { access: ANALYSTS },
      schema: {
        tags: ['analytics'],
        summary: 'Knox near-repeat test with Monte Carlo significance (Ratcliffe’s Near Repeat Calculator)',
        body: NearRepeatRequest,
        response: { 200: NearRepeatView },
      },
    },
    async (req) => {
      if (req.actor.kind !== 'user') throw new AppError('auth.required');
      return runNearRepeat(db, req.actor.jurisdiction, req.body);
    },
  );
  app.get(
    '/api/v1/analytics/hotspots',
    {
      config: { access: ANALYSTS },
      schema: {
        tags: ['analytics'],
        summary: 'Getis–Ord Gi* hot and cold spots on H3 cells, false-discovery-rate corrected',
        querystring: HotspotsQuery,
        response: { 200: HotspotsView },
      },
    },
    async (req) => {
      if (req.actor.kind !== 'user') throw new AppError('auth.required');
      return findHotspots(db, req.actor.jurisdiction, req.query);
    },
  );
}
