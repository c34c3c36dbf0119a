import type { Db } from '../../db/connection.js';
import type { App } from '../../http/app.js';
import { registerOpenData } from './open-routes.js';
import { registerPortalRoutes } from './portal-routes.js';

export { publishMonth, publishCompletedMonths, completedMonthsBefore, type PublishDeps } from './publish.js';
export type { PortalMonthsTable, PortalLocationsTable, PortalCrimesTable, PortalAreaCountsTable } from './tables.js';

/** The public portal: open data in data.police.uk's shapes, and the neighbourhood pages' figures. */
export function registerPortal(app: App, deps: { db: Db }): void {
  registerOpenData(app, deps);
  registerPortalRoutes(app, deps);
}
