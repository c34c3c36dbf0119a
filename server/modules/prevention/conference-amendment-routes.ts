import { staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { callerOf } from './caller.js';
import { amendDecision, correctAttendance } from './conference-amendments.js';
import { AttendanceCorrectionRequest, DecisionAmendmentRequest, DecisionParams } from './conference-amendment-schema.js';
import type { PreventionDeps } from './deps.js';
import { ConferenceView, IdParams } from './schema.js';

// The same people who record a conference's decisions and attendance may correct them.
const conferenceTeam = staffAccess(['officer', 'supervisor'], 'district');
const tags = ['prevention'];

export function registerConferenceAmendmentRoutes(app: App, deps: PreventionDeps): void {
  app.post(
    '/api/v1/prevention/conferences/:id/decisions/:decisionId/amendments',
    {
      config: { access: conferenceTeam },
      schema: {
        tags,
        summary: 'Amend a recorded decision with a reason; the replaced text stays in its history (encrypted; audited)',
        params: DecisionParams,
        body: DecisionAmendmentRequest,
        response: { 200: ConferenceView },
      },
    },
    async (req) => amendDecision(deps, callerOf(req), req.params.id, req.params.decisionId, req.body),
  );
  app.post(
    '/api/v1/prevention/conferences/:id/attendance/corrections',
    {
      config: { access: conferenceTeam },
      schema: {
        tags,
        summary: 'Correct the recorded attendance with a reason; the replaced list is kept (audited)',
        params: IdParams,
        body: AttendanceCorrectionRequest,
        response: { 200: ConferenceView },
      },
    },
    async (req) => correctAttendance(deps, callerOf(req), req.params.id, req.body),
  );
}
