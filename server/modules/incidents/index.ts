export { registerIncidentRoutes as registerIncidents } from './routes.js';
export type { IncidentsTable, OffenceCountsMonthlyTable } from './tables.js';
