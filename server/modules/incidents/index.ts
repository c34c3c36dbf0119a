export { registerIncidentRoutes as registerIncidents } from './routes.js';
export { seedIncidentHistory, type SampledPoint } from './seed.js';
export { triageReport, type Triage, type Priority } from './triage.js';
export { INCIDENT_STATUSES, statusText, type IncidentStatus } from './status.js';
export { REPORT_SCOPE, fileReport, isAnsweredReport, type ReportDeps, type FiledReport, type Reporter } from './reports.js';
export { replayAwareLimit, type ReportLimit } from './report-limit.js';
export { open311Incidents, type Open311Incident } from './open311-read.js';
export { reportsStatement } from './report-statement.js';
export { reasonNotes, type StoredSystemNote, type SystemNote } from './system-notes.js';
export { sealNote, sealPlainIncidentTexts } from './sealed-text.js';
export type { IncidentsTable, OffenceCountsMonthlyTable, IncidentTimelineTable, IdempotencyKeysTable } from './tables.js';
export { checkSosDevices } from './sos-alarms.js';
export { registerTelegramBot, type TelegramBotOptions } from './telegram/webhook.js';
export type { RatingSink } from './telegram/conversation.js';
export { pruneIdempotencyKeys } from './idempotency.js';
export { IdempotencyHeaders } from './report-schema.js';
export {
  advanceIncident,
  followIncident,
  noteIncident,
  findIncidentInScope,
  onIncidentEnded,
  type IncidentInScope,
  type MovedIncident,
  type LifecycleActor,
} from './lifecycle.js';
export { recordedIncidentsForMonth, type RecordedIncident } from './publication-read.js';
export {
  incidentPointsForAnalysis,
  incidentPointForAnalysis,
  incidentHoursForAnalysis,
  incidentCountsForAnalysis,
  demoIncidentsForAnalysis,
  incidentCircumstancesForAnalysis,
  type CircumstanceCount,
  type AnalysisPoint,
  type AnalysisFilter,
  type CountFilter,
  type HourCount,
} from './analysis-read.js';
export { incidentOutcomesForAnalysis, type OutcomeCount } from './outcome-read.js';
export { incidentToRate, type IncidentToRate } from './rating-read.js';
export {
  openIncidentCounts,
  reportedIncidentCounts,
  clearanceCounts,
  OPEN_INCIDENT_STATUSES,
  type IncidentCount,
  type ClearanceCount,
  type BoardArea,
} from './board-read.js';
export { measurableIncidents, type MeasurableIncident, type ResponseScope } from './response-read.js';
