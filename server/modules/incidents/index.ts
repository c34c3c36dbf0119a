export { registerIncidentRoutes as registerIncidents } from './routes.js';
export { seedIncidentHistory, type SampledPoint } from './seed.js';
export type { IncidentsTable, OffenceCountsMonthlyTable } from './tables.js';
