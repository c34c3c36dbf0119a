import { CATEGORY_CODES, categoryByCode } from '../../../../common/categories.js';
import type { NationalReport, ReportFigure as Figure, ReportSection } from '../../../../common/schemas/national-report.js';
import type { Db } from '../../../db/connection.js';
import { listRegions } from '../../geo/index.js';
import {
  demoIncidentsForAnalysis,
  incidentCircumstancesForAnalysis,
  incidentCountsForAnalysis,
  incidentHoursForAnalysis,
} from '../../incidents/index.js';
import { CRIME_CATEGORIES } from '../akim-rating-service.js';
import { INDICATORS, type Text } from '../indicator-definitions.js';
import { indicatorValue } from '../indicator-service.js';
import { observationsOf } from '../indicator-store.js';
import { monthlyCounts, monthRange } from '../time-patterns.js';
import { COUNTRY_ZONE, localDate, localYear } from '../local-year.js';
import { comparisonView, percentChange, yearComparison, type Period, type YearComparison } from '../year-comparison.js';
import { bodyFigures } from './bodies.js';
import { circumstanceFigures } from './circumstances.js';
import { registerFigures } from './registers.js';
import { NO_DATA, REPORT_TITLE, SECTIONS } from './sections.js';

export type { NationalReport, ReportSection, ReportFigure as Figure } from '../../../../common/schemas/national-report.js';

const COUNTRY: Text = { kk: 'Қазақстан Республикасы', ru: 'Республика Казахстан', en: 'Republic of Kazakhstan' };

type Span = Pick<Period, 'from' | 'to'>;

function countSource(categories: readonly string[], period: Span, previous: Span | null, regionId: string | null): string {
  const span = (p: Span) => `[${p.from.toISOString()}, ${p.to.toISOString()})`;
  return (
    `incidents: count(*) where category in (${categories.join(', ')}) and occurred_at in ${span(period)} ` +
    `and status not in (new, cancelled, merged)${regionId ? ` and region_id = ${regionId}` : ''}` +
    (previous ? `; previous: the same over ${span(previous)}` : '')
  );
}

/**
 * The National Report for a year, for the country or one region: every number with the query
 * that produced it, and a plain statement wherever Aman has no data for what the concept asks.
 */
export async function buildNationalReport(db: Db, year: number, regionId: string | null, now: Date): Promise<NationalReport> {
  const comparison = await yearComparison(db, year, now);
  // Before the year's first whole day there is nothing to count: an empty span keeps every query honest.
  const period: Span = comparison.period ?? { from: now, to: now };
  const before: Span | null = comparison.previous && { from: comparison.previous.from, to: comparison.previous.to };
  const area = regionId === null ? {} : { regionId };
  const [current, previous, hours, observations, regions, demoIncidents, bodies, circumstances, circumstancesBefore, registers] =
    await Promise.all([
      incidentCountsForAnalysis(db, { ...area, ...period, categories: CATEGORY_CODES, recorded: true }),
      before ? incidentCountsForAnalysis(db, { ...area, ...before, categories: CATEGORY_CODES, recorded: true }) : null,
      incidentHoursForAnalysis(db, { ...area, ...period, categories: CRIME_CATEGORIES, recorded: true }),
      observationsOf(db, year, regionId ?? undefined),
      listRegions(db),
      demoIncidentsForAnalysis(db, { ...area, ...period, categories: CATEGORY_CODES, recorded: true }),
      bodyFigures(db, period, regionId),
      incidentCircumstancesForAnalysis(db, { ...area, ...period, categories: CATEGORY_CODES, recorded: true }),
      before ? incidentCircumstancesForAnalysis(db, { ...area, ...before, categories: CATEGORY_CODES, recorded: true }) : null,
      registerFigures(db, period, regionId),
    ]);
  const circumstanceInputs = { current: circumstances, previous: circumstancesBefore, totals: current, period, before, regionId };
  const total = (rows: { category: string; count: number }[], categories: readonly string[]) =>
    rows.filter((r) => categories.includes(r.category)).reduce((sum, r) => sum + r.count, 0);
  const countFigure = (key: string, label: Text, categories: readonly string[]): Figure => {
    const value = total(current, categories);
    const then = previous && total(previous, categories);
    return {
      key,
      label,
      value,
      previous: then,
      change: percentChange(value, then),
      unit: 'count',
      source: countSource(categories, period, before, regionId),
      demo: false,
    };
  };
  const population = regions.filter((r) => regionId === null || r.id === regionId).reduce((sum, r) => sum + r.population, 0);
  const zones = new Map(regions.map((r) => [r.id, r.tz]));
  // Months after the counted days would show as false zeros.
  const lastMonth = comparison.period?.lastDay.slice(0, 7);
  const months = lastMonth ? monthRange(`${year}-01`, lastMonth) : [];
  const monthly = monthlyCounts(
    hours.map((h) => ({ hour: h.hour, timeZone: zones.get(h.regionId) ?? 'Asia/Almaty', count: h.count })),
    months,
  );
  const indicatorViews = INDICATORS.map((definition) => indicatorValue(definition, observations));

  const sections = SECTIONS.map((plan): ReportSection => {
    const base = { id: plan.id, title: plan.title, note: plan.gap, chart: null };
    switch (plan.id) {
      case 'overall': {
        const crime = countFigure(
          'crime-total',
          { kk: 'Тіркелген қылмыстар', ru: 'Зарегистрированные преступления', en: 'Recorded crimes' },
          CRIME_CATEGORIES,
        );
        const rate: Figure = {
          key: 'crime-per-10k',
          label: { kk: '10 000 тұрғынға', ru: 'На 10 000 жителей', en: 'Per 10,000 residents' },
          value: population > 0 ? ((crime.value ?? 0) / population) * 10_000 : null,
          previous: null,
          change: null,
          unit: 'per-10k',
          source: `crime-total ÷ regions.population (${population}) × 10,000`,
          demo: false,
        };
        return {
          ...base,
          available: true,
          figures: [crime, rate],
          chart: {
            label: { kk: 'Айлар бойынша қылмыс', ru: 'Преступления по месяцам', en: 'Crimes by month' },
            months,
            values: monthly,
          },
        };
      }
      case 'indicators':
        return {
          ...base,
          available: indicatorViews.some((v) => v.value !== null),
          figures: indicatorViews.map((v) => ({
            key: v.id,
            label: v.name,
            value: v.value,
            previous: null,
            change: null,
            unit: v.unit,
            source: `indicator_observations where indicator = '${v.id}' and year = ${year}${regionId ? ` and region_id = ${regionId}` : ''}: sum(numerator) ÷ sum(denominator)`,
            demo: v.demo,
          })),
        };
      case 'bodies':
        return { ...base, available: true, figures: bodies };
      default: {
        const figures = [
          ...plan.categories.map((code) => countFigure(code, categoryByCode(code).names, [code])),
          ...circumstanceFigures(plan.id, circumstanceInputs),
          ...(registers.get(plan.id) ?? []),
        ];
        if (plan.id === 'road-safety') {
          const deaths = indicatorViews.find((v) => v.id === 'road-deaths')!;
          figures.push({
            key: 'road-deaths-per-100k',
            label: deaths.name,
            value: deaths.value,
            previous: null,
            change: null,
            unit: 'per-100k',
            source: `indicator_observations where indicator = 'road-deaths' and year = ${year}: sum(numerator) ÷ sum(denominator) × 100,000`,
            demo: deaths.demo,
          });
        }
        const available = figures.length > 0;
        return { ...base, available, figures, note: available ? plan.gap : (plan.gap ?? NO_DATA) };
      }
    }
  });
  const region = regions.find((r) => r.id === regionId);
  return {
    year,
    regionId,
    area: region ? region.names : COUNTRY,
    title: REPORT_TITLE,
    generatedAt: now.toISOString(),
    comparison: comparisonView(comparison),
    // The demo's incident history and survey observations are generated; the cover says so.
    demoData: demoIncidents > 0 || observations.some((o) => o.demo),
    sections,
  };
}

/** Counts per region and category: the cells behind every count figure of the report. */
export interface RegionCategoryCount {
  regionId: string;
  category: string;
  count: number;
}

/**
 * The counts behind the report's count figures for every region at once, over exactly the days
 * `buildNationalReport` counts: the public portal suppresses small ones before anything is shown.
 */
export interface ReportCountTables {
  comparison: YearComparison;
  /** The counted months ('YYYY-MM'), as the monthly chart has them. */
  months: string[];
  current: RegionCategoryCount[];
  /** The same days a year earlier; null without a comparison. */
  previous: RegionCategoryCount[] | null;
}

export async function reportCountTables(db: Db, year: number, now: Date): Promise<ReportCountTables> {
  const comparison = await yearComparison(db, year, now);
  const period: Span = comparison.period ?? { from: now, to: now };
  const [current, previous] = await Promise.all([
    incidentCountsForAnalysis(db, { ...period, categories: CATEGORY_CODES, recorded: true }),
    comparison.previous
      ? incidentCountsForAnalysis(db, {
          from: comparison.previous.from,
          to: comparison.previous.to,
          categories: CATEGORY_CODES,
          recorded: true,
        })
      : null,
  ]);
  const lastMonth = comparison.period?.lastDay.slice(0, 7);
  return { comparison, months: lastMonth ? monthRange(`${year}-01`, lastMonth) : [], current, previous };
}

/**
 * Incidents of `categories` per region and month. Months are taken in the country's zone, the
 * zone the year is counted in, so that a region's months add up exactly to its count for the
 * year (until March 2024 the west was an hour behind).
 */
export async function reportMonthlyCounts(
  db: Db,
  tables: Pick<ReportCountTables, 'comparison' | 'months'>,
  categories: readonly string[],
): Promise<Map<string, number[]>> {
  const byRegion = new Map<string, number[]>();
  const { period } = tables.comparison;
  if (!period || categories.length === 0) return byRegion;
  const [hours, regions] = await Promise.all([
    incidentHoursForAnalysis(db, { from: period.from, to: period.to, categories, recorded: true }),
    listRegions(db),
  ]);
  for (const region of regions) {
    const own = hours.filter((h) => h.regionId === region.id);
    byRegion.set(
      region.id,
      monthlyCounts(
        own.map((h) => ({ hour: h.hour, timeZone: COUNTRY_ZONE, count: h.count })),
        tables.months,
      ),
    );
  }
  return byRegion;
}

/** The last year that has ended in Kazakhstan time (the country's statistical year) at `now`. */
export function lastEndedYear(now: Date): number {
  return localDate(now).year - 1;
}

/** The ended years holding any recorded incident, newest first: the unbroken run that ends nearest `now`. */
export async function recordedYears(db: Db, now: Date, earliest = 2000): Promise<number[]> {
  const years: number[] = [];
  for (let year = lastEndedYear(now); year >= earliest; year--) {
    const rows = await incidentCountsForAnalysis(db, { ...localYear(year), categories: CATEGORY_CODES, recorded: true });
    if (rows.some((r) => r.count > 0)) years.push(year);
    // Records run unbroken from their first month, so the first empty year below them ends the run.
    else if (years.length > 0) break;
  }
  return years;
}
