import type { App } from '../../http/app.js';
import { registerCaseClosingRoutes } from './case-closing-routes.js';
import { registerCaseRoutes } from './case-routes.js';
import { registerConferenceAmendmentRoutes } from './conference-amendment-routes.js';
import { registerConferenceRoutes } from './conference-routes.js';
import { registerCrisisCentreRoutes } from './crisis-centre-routes.js';
import type { PreventionDeps } from './deps.js';
import { registerOrderRoutes } from './order-routes.js';
import { registerProgrammeRoutes } from './programme-routes.js';
import { registerCaseExportRoutes } from './case-export-routes.js';
import { registerPersonSearchRoutes } from './person-search-routes.js';
import { registerReminderRoutes } from './reminder-routes.js';
import { registerRegisterRoutes } from './register-routes.js';

export function registerPreventionRoutes(app: App, deps: PreventionDeps): void {
  registerCaseRoutes(app, deps);
  registerCaseClosingRoutes(app, deps);
  registerOrderRoutes(app, deps);
  registerConferenceRoutes(app, deps);
  registerConferenceAmendmentRoutes(app, deps);
  registerCrisisCentreRoutes(app, deps);
  registerReminderRoutes(app, deps);
  registerRegisterRoutes(app, deps);
  registerProgrammeRoutes(app, deps);
  registerCaseExportRoutes(app, deps);
  registerPersonSearchRoutes(app, deps);
}
