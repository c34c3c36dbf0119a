import { staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { callerOf } from './caller.js';
import { closeCase, reopenCase } from './case-closing.js';
import { CloseCaseRequest, ReopenCaseRequest } from './case-closing-schema.js';
import type { PreventionDeps } from './deps.js';
import { CaseFileView, IdParams } from './schema.js';

// The case's team (its district inspector and members) and the supervisors overseeing its area;
// the service refuses anyone else, including an officer who only broke the glass.
const caseTeam = staffAccess(['officer', 'supervisor'], 'beat');
const tags = ['prevention'];

export function registerCaseClosingRoutes(app: App, deps: PreventionDeps): void {
  app.post(
    '/api/v1/prevention/cases/:id/close',
    {
      config: { access: caseTeam },
      schema: {
        tags,
        summary:
          'Close a case with an outcome and a reason; refused (409) while actions are open or an order is in force unless confirmOpenItems is true. Retention counts from the close',
        params: IdParams,
        body: CloseCaseRequest,
        response: { 200: CaseFileView },
      },
    },
    async (req) => closeCase(deps, callerOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/prevention/cases/:id/reopen',
    {
      config: { access: caseTeam },
      schema: {
        tags,
        summary: 'Reopen a closed case with a reason, within the retention period and before it is anonymised',
        params: IdParams,
        body: ReopenCaseRequest,
        response: { 200: CaseFileView },
      },
    },
    async (req) => reopenCase(deps, callerOf(req), req.params.id, req.body),
  );
}
