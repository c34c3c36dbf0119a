export { registerAnalytics, type AnalyticsDeps } from './routes.js';
export { seedDemoIndicators } from './indicator-seed.js';
export { knoxTest, type NearRepeatEvent, type NearRepeatOptions, type NearRepeatResult, type Band } from './near-repeat.js';
export {
  giStar,
  h3Hotspots,
  h3StudyArea,
  countByH3,
  type HotspotCell,
  type HotspotKind,
  type H3HotspotOptions,
} from './hotspots.js';
export { HotspotSurface } from './hotspot-surface.js';
export { quarticDensity, gridAround, type Grid, type WeightedPoint } from './density.js';
export { DensitySurface } from './density-surface.js';
export { benjaminiHochberg, twoSidedP } from './statistics.js';
export { seededRandom } from './random.js';
export {
  lastPeriodModel,
  longTermAverageModel,
  kernelDensityModel,
  type ForecastModel,
  type Forecast,
  type ForecastInput,
} from './forecast.js';
export { etasModel, fitEtas, etasExpectedCounts, ETAS_DEFAULTS, type EtasOptions, type EtasFit } from './etas.js';
export { capturedAtShare, forecastMetrics, type ForecastMetrics } from './evaluation.js';
export { rollingBacktest, type BacktestOptions, type BacktestResult, type ModelEvaluation } from './backtest.js';
export { runForecast, type ForecastSettings } from './forecast-run.js';
export { findForecast } from './forecast-service.js';
export { createForecastCache } from './forecast-cache.js';
export { createForecastPool, type ForecastPool } from './forecast-pool.js';
export { studyGrid, type SpaceTimeEvent, type StudyGrid } from './study-grid.js';
export { projectUtm, utmZone } from './projection.js';
export {
  loadPhiladelphia,
  loadChicagoBurglaries,
  PHILADELPHIA_CATEGORIES,
  type RealIncident,
  type ChicagoBurglary,
} from './real-data.js';
export { REAL_DATA_FILES, philadelphiaIncidents } from './real-data-files.js';
export { backtestFile, registerAnalyticsCommands, type BacktestFileOptions, type BacktestReport } from './backtest-command.js';
export {
  buildNationalReport,
  reportCountTables,
  reportMonthlyCounts,
  recordedYears,
  lastEndedYear,
  type NationalReport,
  type ReportCountTables,
  type RegionCategoryCount,
} from './report/build.js';
export { reportBodyWorkTables, type RegionFigureTable } from './report/bodies.js';
export { isCircumstanceFigure } from './report/circumstances.js';
export { reportRegisterTables } from './report/registers.js';
export { renderReportPdf } from './report/pdf.js';
export { percentChange } from './year-comparison.js';
