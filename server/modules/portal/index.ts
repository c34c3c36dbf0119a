import type { Db } from '../../db/connection.js';
import type { App } from '../../http/app.js';
import { registerGuideRoutes } from './guide-routes.js';
import { registerTeamRoutes } from './neighbourhood-team-routes.js';
import { registerMapRoutes } from './map-routes.js';
import { registerOpenData } from './open-routes.js';
import { registerPortalRoutes } from './portal-routes.js';

export { publishMonth, publishCompletedMonths, completedMonthsBefore, type PublishDeps } from './publish.js';
export { publishSettledMonths } from './publish-schedule.js';
export { seedPortalGuides } from './guide-seeds.js';
export { seedDemoNeighbourhoodTeams } from './neighbourhood-team-seeds.js';
export type { PortalTeamMembersTable, PortalPrioritiesTable, PortalMeetingsTable } from './neighbourhood-team-tables.js';
export { registerOpen311, type Open311RouteDeps } from './open311/routes.js';
export { registerChiefReportRoutes as registerChiefReports } from './chief-report-routes.js';
export { seedDemoChiefReports } from './chief-report-seeds.js';
export { mailAnswers } from './chief-report-mail.js';
export { registerPlaceSafety } from './place-safety-routes.js';
export { seedDemoPlaces } from './place-safety-seeds.js';
export { registerNationalReport } from './national-report-routes.js';
export type { PortalChiefReportsTable, PortalChiefReportQuestionsTable } from './chief-report-tables.js';
export type {
  PortalMonthsTable,
  PortalLocationsTable,
  PortalCrimesTable,
  PortalAreaCountsTable,
  PortalGuidesTable,
  PortalGuideVersionsTable,
} from './tables.js';

/** The public portal: open data in data.police.uk's shapes, the neighbourhood pages' figures, the crime map and the guides. */
export function registerPortal(app: App, deps: { db: Db; clock: () => Date }): void {
  registerOpenData(app, deps);
  registerPortalRoutes(app, deps);
  registerMapRoutes(app, deps);
  registerGuideRoutes(app, deps);
  registerTeamRoutes(app, deps);
}
