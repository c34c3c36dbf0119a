export { registerIncidentRoutes as registerIncidents } from './routes.js';
export { seedIncidentHistory, type SampledPoint } from './seed.js';
export { triageReport, type Triage, type Priority } from './triage.js';
export { INCIDENT_STATUSES, type IncidentStatus } from './status.js';
export type { ReportDeps } from './reports.js';
export type { IncidentsTable, OffenceCountsMonthlyTable, IncidentTimelineTable, IdempotencyKeysTable } from './tables.js';
export { checkSosDevices } from './sos-alarms.js';
export { pruneIdempotencyKeys } from './idempotency.js';
