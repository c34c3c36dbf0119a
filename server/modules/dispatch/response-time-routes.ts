import { staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { staffOf } from './request-staff.js';
import { ResponseTimes, ResponseTimesQuery } from './response-times-schema.js';
import { responseTimesFor } from './response-times.js';
import type { DispatchDeps } from './service.js';

/** The commander's dashboard: how fast incidents of the jurisdiction were answered. */
export function registerResponseTimeRoutes(app: App, deps: DispatchDeps): void {
  app.get(
    '/api/v1/dispatch/response-times',
    {
      config: { access: staffAccess(['supervisor', 'operator'], 'district') },
      schema: {
        tags: ['dispatch'],
        summary: 'Response times of the jurisdiction’s incidents reported in a period, by priority and by district',
        description:
          'Median and 90th percentile (percentile_cont) of the seconds from report to first assignment, first unit on scene and resolution, with the counts they are over.',
        querystring: ResponseTimesQuery,
        response: { 200: ResponseTimes },
      },
    },
    async (req) => responseTimesFor(deps, staffOf(req), req.query),
  );
}
