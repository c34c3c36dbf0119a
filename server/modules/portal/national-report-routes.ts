import { Type } from '@sinclair/typebox';
import { PublicNationalReport, PublicReportYears } from '../../../common/schemas/national-report.js';
import { publicAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { requestLanguage } from '../../http/language.js';
import { renderReportPdf } from '../analytics/index.js';
import { cachedAggregate, replyFromSnapshot, SNAPSHOT_MAX_AGE_S } from './aggregate-cache.js';
import { publicNationalReport, publicReportYears, type NationalReportDeps } from './national-report.js';

const tags = ['portal'];
const access = { access: publicAccess() };

const ReportParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false });
const ReportQuery = Type.Object(
  {
    format: Type.Union([Type.Literal('json'), Type.Literal('pdf')], { default: 'json' }),
    regionId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'A region; the country without one' })),
  },
  { additionalProperties: false },
);

/** The public National Report: the years it may be read for, and a year's report as JSON or PDF. */
export function registerNationalReport(app: App, { db, clock, secretKey }: NationalReportDeps & { clock: () => Date }): void {
  app.get(
    '/api/v1/portal/national-report',
    {
      config: access,
      schema: {
        tags,
        summary:
          'The years whose National Report the public may read: ended in Kazakhstan time and holding records, newest first',
        response: { 200: PublicReportYears },
      },
    },
    async (req, reply) =>
      replyFromSnapshot(req, reply, db, async () => ({ payload: { years: await publicReportYears(db, clock()) } })),
  );

  app.get(
    '/api/v1/portal/national-report/:year',
    {
      config: access,
      schema: {
        tags,
        summary:
          'The National Report on public safety of an ended year, for the country or one region, with small counts suppressed; JSON or PDF in kk/ru/en (?lang=)',
        description:
          'Counts from 1 to 4 are "fewer-than-5" and further counts are "withheld" so that none can be worked out from ' +
          'the country, the regions, totals, rates, changes or the previous year. 404 for a year not yet ended (Asia/Almaty) or without records.',
        params: ReportParams,
        querystring: ReportQuery,
        response: {
          200: {
            content: {
              'application/json': { schema: PublicNationalReport },
              'application/pdf': { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) },
            },
          },
        },
      },
    },
    async (req, reply) => {
      const { year } = req.params;
      const regionId = req.query.regionId ?? null;
      const deps = { db, secretKey };
      if (req.query.format === 'json') {
        return replyFromSnapshot(req, reply, db, async () => ({
          payload: await publicNationalReport(deps, year, regionId, clock()),
          contentType: 'application/json',
        }));
      }
      const language = requestLanguage(req);
      const report = await publicNationalReport(deps, year, regionId, clock());
      const pdf = await cachedAggregate(db, `national-report-pdf|${year}|${regionId ?? ''}|${language}`, () =>
        renderReportPdf(report, language),
      );
      return reply
        .type('application/pdf')
        .header('cache-control', `public, max-age=${SNAPSHOT_MAX_AGE_S}`)
        .header('vary', 'Accept-Language')
        .header(
          'content-disposition',
          `attachment; filename="aman-national-report-${year}${regionId ? `-${regionId}` : ''}-${language}.pdf"`,
        )
        .send(pdf);
    },
  );
}
