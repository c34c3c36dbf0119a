import { Type } from '@sinclair/typebox';
import { NationalReport } from '../../../common/schemas/national-report.js';
import type { Database, Db } from '../../db/connection.js';
import { staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { AppError } from '../../http/errors.js';
import { requestLanguage } from '../../http/language.js';
import { akimRating } from './akim-rating-service.js';
import { ClearanceQuery, ClearanceView } from './clearance-schema.js';
import { findClearance } from './clearance-service.js';
import { createForecastCache } from './forecast-cache.js';
import { createForecastPool } from './forecast-pool.js';
import { createLiveHotspots } from './hotspot-live.js';
import { ForecastQuery, ForecastView } from './forecast-schema.js';
import { findForecast } from './forecast-service.js';
import { IndicatorsQuery, IndicatorsView } from './indicator-schema.js';
import { findIndicators } from './indicator-service.js';
import { AkimRatingQuery, AkimRatingView } from './rating-schema.js';
import { nationalReport } from './report/service.js';
import { SituationQuery, SituationView } from './situation-schema.js';
import { findSituation } from './situation-service.js';
import { ReportParams, ReportQuery } from './report/schema.js';
import { HotspotsQuery, HotspotsView, NearRepeatRequest, NearRepeatView } from './schema.js';
import { findHotspots, runNearRepeat } from './service.js';
import { TimePatternsQuery, TimePatternsView } from './time-pattern-schema.js';
import { findTimePatterns } from './time-pattern-service.js';

export interface AnalyticsDeps {
  db: Db;
  clock: () => Date;
  /** To keep hot spots up to date from the event stream; without it each question is read in full. */
  database?: Database;
}

// Analysis of an area narrower than a district says little; the answer covers the caller's own jurisdiction.
const ANALYSTS = staffAccess(['analyst'], 'district');
// Time patterns, the situation board and clearance serve commanders (supervisors) as well as analysts.
const TIME_PATTERNS = staffAccess(['analyst', 'supervisor'], 'district');
// Survey samples and the report's sections are drawn per region at the finest.
const REGIONAL = staffAccess(['analyst', 'supervisor'], 'region');
// The rating compares every region with every other: a ministry-level view.
const NATIONAL = staffAccess(['analyst', 'supervisor'], 'country');

/** The analyst's tools: near-repeat (Knox) and Gi* hot spots over the caller's jurisdiction. */
export function registerAnalytics(app: App, { db, clock, database }: AnalyticsDeps): void {
  const forecasts = createForecastCache();
  // Forecasts are fitted in worker threads, off this event loop; they end with the server.
  const forecastPool = createForecastPool();
  app.addHook('onClose', () => forecastPool.close());
  const liveHotspots =
    database && createLiveHotspots(database, { onError: (error) => app.log.error({ err: error }, 'live hot spots failed') });
  if (liveHotspots) app.addHook('onClose', () => liveHotspots.close());
  app.post(
    '/api/v1/analytics/near-repeat',
    {
      config: { access: ANALYSTS },
      schema: {
        tags: ['analytics'],
        summary: 'Knox near-repeat test with Monte Carlo significance (Ratcliffe’s Near Repeat Calculator)',
        body: NearRepeatRequest,
        response: { 200: NearRepeatView },
      },
    },
    async (req) => {
      if (req.actor.kind !== 'user') throw new AppError('auth.required');
      return runNearRepeat(db, req.actor.jurisdiction, req.body);
    },
  );
  app.get(
    '/api/v1/analytics/hotspots',
    {
      config: { access: ANALYSTS },
      schema: {
        tags: ['analytics'],
        summary: 'Getis–Ord Gi* hot and cold spots on H3 cells, false-discovery-rate corrected',
        querystring: HotspotsQuery,
        response: { 200: HotspotsView },
      },
    },
    async (req) => {
      if (req.actor.kind !== 'user') throw new AppError('auth.required');
      return findHotspots({ db, clock, live: liveHotspots }, req.actor.jurisdiction, req.query);
    },
  );
  app.get(
    '/api/v1/analytics/forecast',
    {
      config: { access: ANALYSTS },
      schema: {
        tags: ['analytics'],
        summary:
          'Next-period risk per square cell (ETAS or a baseline) with every model’s rolling back-test: hit rate, PAI, PEI*',
        querystring: ForecastQuery,
        response: { 200: ForecastView },
      },
    },
    async (req) => {
      if (req.actor.kind !== 'user') throw new AppError('auth.required');
      return findForecast({ db, cache: forecasts, pool: forecastPool }, req.actor.jurisdiction, req.query, clock());
    },
  );
  app.get(
    '/api/v1/analytics/situation',
    {
      config: { access: TIME_PATTERNS },
      schema: {
        tags: ['analytics'],
        summary: 'The situation board: open incidents by priority, units by status, today’s reports vs. yesterday and the usual',
        querystring: SituationQuery,
        response: { 200: SituationView },
      },
    },
    async (req) => {
      if (req.actor.kind !== 'user') throw new AppError('auth.required');
      return findSituation(db, req.actor.jurisdiction, req.query, clock());
    },
  );
  app.get(
    '/api/v1/analytics/clearance',
    {
      config: { access: TIME_PATTERNS },
      schema: {
        tags: ['analytics'],
        summary:
          'Clearance rate: of the incidents reported in a period, the share resolved or closed before it ended, per area, with its counts',
        querystring: ClearanceQuery,
        response: { 200: ClearanceView },
      },
    },
    async (req) => {
      if (req.actor.kind !== 'user') throw new AppError('auth.required');
      return findClearance(db, req.actor.jurisdiction, req.query, clock());
    },
  );
  app.get(
    '/api/v1/analytics/time-patterns',
    {
      config: { access: TIME_PATTERNS },
      schema: {
        tags: ['analytics'],
        summary: 'Hour-by-weekday counts in local time, the monthly series, seasonality and change-points (PELT)',
        querystring: TimePatternsQuery,
        response: { 200: TimePatternsView },
      },
    },
    async (req) => {
      if (req.actor.kind !== 'user') throw new AppError('auth.required');
      return findTimePatterns(db, req.actor.jurisdiction, req.query);
    },
  );
  app.get(
    '/api/v1/analytics/indicators',
    {
      config: { access: REGIONAL },
      schema: {
        tags: ['analytics'],
        summary: 'The concept’s five target indicators for a year: value, 95% CI, baseline, target, method and source',
        querystring: IndicatorsQuery,
        response: { 200: IndicatorsView },
      },
    },
    async (req) => {
      if (req.actor.kind !== 'user') throw new AppError('auth.required');
      return findIndicators(db, req.actor.jurisdiction, req.query);
    },
  );
  app.get(
    '/api/v1/analytics/akim-rating',
    {
      config: { access: NATIONAL },
      schema: {
        tags: ['analytics'],
        summary: 'The akim rating: a weighted composite of law-and-order inputs per region, with every input',
        querystring: AkimRatingQuery,
        response: { 200: AkimRatingView },
      },
    },
    async (req) => akimRating(db, req.query, clock()),
  );
  app.get(
    '/api/v1/analytics/national-report/:year',
    {
      config: { access: REGIONAL },
      schema: {
        tags: ['analytics'],
        summary: 'The National Report on public safety for a year (country or region), as JSON or PDF in kk/ru/en (?lang=)',
        params: ReportParams,
        querystring: ReportQuery,
        response: {
          200: {
            content: {
              'application/json': { schema: NationalReport },
              'application/pdf': { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) },
            },
          },
        },
      },
    },
    async (req, reply) => {
      if (req.actor.kind !== 'user') throw new AppError('auth.required');
      const language = requestLanguage(req);
      const result = await nationalReport(db, req.actor.jurisdiction, req.params.year, req.query, language, clock());
      if (result.kind === 'json') return result.report;
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${result.filename}"`)
        .send(result.pdf);
    },
  );
}
