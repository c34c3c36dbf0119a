import type { Db } from '../../db/connection.js';
import { staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { AppError } from '../../http/errors.js';
import { requestLanguage } from '../../http/language.js';
import { akimRating } from './akim-rating-service.js';
import { IndicatorsQuery, IndicatorsView } from './indicator-schema.js';
import { findIndicators } from './indicator-service.js';
import { AkimRatingQuery, AkimRatingView } from './rating-schema.js';
import { nationalReport } from './report/service.js';
import { ReportParams, ReportQuery } from './report/schema.js';
import { HotspotsQuery, HotspotsView, NearRepeatRequest, NearRepeatView } from './schema.js';
import { findHotspots, runNearRepeat } from './service.js';
import { TimePatternsQuery, TimePatternsView } from './time-pattern-schema.js';
import { findTimePatterns } from './time-pattern-service.js';

export interface AnalyticsDeps {
  db: Db;
  clock: () => Date;
}

// Analysis of an area narrower than a district says little; the answer covers the caller's own jurisdiction.
const ANALYSTS = staffAccess(['analyst'], 'district');
const TIME_PATTERNS = staffAccess(['analyst', 'supervisor'], 'district');
// Survey samples and the report's sections are drawn per region at the finest.
const REGIONAL = staffAccess(['analyst', 'supervisor'], 'region');
// The rating compares every region with every other: a ministry-level view.
const NATIONAL = staffAccess(['analyst', 'supervisor'], 'country');

/** The analyst's tools: near-repeat (Knox) and Gi* hot spots over the caller's jurisdiction. */
export function registerAnalytics(app: App, { db, clock }: AnalyticsDeps): void {
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
      return findHotspots(db, req.actor.jurisdiction, req.query);
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
    async (req) => akimRating(db, req.query),
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
