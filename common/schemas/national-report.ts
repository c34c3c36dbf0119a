/**
 * The National Report as the API returns it (`?format=json`): the server builds it and the web
 * page shows it, both with these types.
 */
import { Type, type Static } from '@sinclair/typebox';

const Texts = Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() });
const Days = Type.Object({ from: Type.String({ format: 'date' }), to: Type.String({ format: 'date' }) });

/** The days a year's counts cover and what they are compared with (local dates, both inclusive). */
export const Comparison = Type.Object({
  period: Type.Union([Days, Type.Null()], { description: 'Null while no whole day of the year has passed' }),
  previousPeriod: Type.Union([Days, Type.Null()], { description: 'The same days a year earlier; null without a comparison' }),
  noComparison: Type.Union([Type.Literal('previous-not-covered'), Type.Literal('year-not-covered'), Type.Null()]),
  statement: Texts,
});
export type Comparison = Static<typeof Comparison>;

export const ReportFigure = Type.Object({
  key: Type.String(),
  label: Texts,
  value: Type.Union([Type.Number(), Type.Null()]),
  previous: Type.Union([Type.Number(), Type.Null()], { description: 'The same days a year earlier; null without a comparison' }),
  change: Type.Union([Type.Number(), Type.Null()], {
    description: 'Percentage change on `previous`; null without one or from zero',
  }),
  unit: Type.Union([Type.Literal('count'), Type.Literal('percent'), Type.Literal('per-10k'), Type.Literal('per-100k')]),
  source: Type.String({ description: 'The query or method that produced the number' }),
  demo: Type.Boolean(),
});
export type ReportFigure = Static<typeof ReportFigure>;

export const ReportSection = Type.Object({
  id: Type.String(),
  title: Texts,
  available: Type.Boolean(),
  note: Type.Union([Texts, Type.Null()]),
  figures: Type.Array(ReportFigure),
  chart: Type.Union([
    Type.Object({ label: Texts, months: Type.Array(Type.String()), values: Type.Array(Type.Integer()) }),
    Type.Null(),
  ]),
});
export type ReportSection = Static<typeof ReportSection>;

export const NationalReport = Type.Object({
  year: Type.Integer(),
  regionId: Type.Union([Type.String(), Type.Null()]),
  area: Texts,
  title: Texts,
  generatedAt: Type.String({ format: 'date-time' }),
  comparison: Comparison,
  demoData: Type.Boolean(),
  sections: Type.Array(ReportSection),
});
export type NationalReport = Static<typeof NationalReport>;

/**
 * What the public portal publishes of the report (`GET /api/v1/portal/national-report/:year`):
 * the same sections, but every count is a published cell, small counts suppressed, and every
 * total, rate and change is worked out from published cells only.
 */
export const HiddenCount = Type.Union([Type.Literal('fewer-than-5'), Type.Literal('withheld')], {
  description:
    '`fewer-than-5`: a count from 1 to 4 (or a zero hidden beside one); `withheld`: 5 or more, hidden so that another cannot be worked out',
});
export type HiddenCount = Static<typeof HiddenCount>;

export const PublicReportFigure = Type.Composite([
  ReportFigure,
  Type.Object({
    suppressed: Type.Union([HiddenCount, Type.Null()], { description: 'Why `value` is null although there is a count' }),
    previousSuppressed: Type.Union([HiddenCount, Type.Null()], {
      description: 'Why `previous` is null although there is a count',
    }),
    hiddenParts: Type.Integer({
      minimum: 0,
      description: 'A total of published cells that leaves out this many hidden ones: the true value is at least `value`',
    }),
    previousHiddenParts: Type.Integer({ minimum: 0, description: 'The same for `previous`' }),
  }),
]);
export type PublicReportFigure = Static<typeof PublicReportFigure>;

export const PublicReportSection = Type.Composite([
  Type.Omit(ReportSection, ['figures']),
  Type.Object({ figures: Type.Array(PublicReportFigure) }),
]);
export type PublicReportSection = Static<typeof PublicReportSection>;

export const PublicNationalReport = Type.Composite([
  Type.Omit(NationalReport, ['sections']),
  Type.Object({
    sections: Type.Array(PublicReportSection),
    smallCounts: Type.Object(
      { kk: Type.String(), ru: Type.String(), en: Type.String() },
      { description: 'How small counts are kept from the public, in words' },
    ),
  }),
]);
export type PublicNationalReport = Static<typeof PublicNationalReport>;

/** The years the public may read a report for: ended (in Kazakhstan time) and holding records, newest first. */
export const PublicReportYears = Type.Object({ years: Type.Array(Type.Integer()) });
export type PublicReportYears = Static<typeof PublicReportYears>;
