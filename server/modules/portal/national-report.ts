/**
 * The National Report as the public reads it: the analysts' report with every count replaced by
 * a published cell, so that no count from 1 to 4 is shown and none can be worked out.
 *
 * The report's counts form, for each category and counted span (the year, and the same days a
 * year earlier), a tree: the country → its regions (parent = Σ children). A region's report and
 * the country's report are two views of that one tree, so each tree is suppressed as a whole
 * (`suppressTable`: primary 1–4 → "fewer than 5", secondary hiding audited by interval
 * propagation) before either view is made. Everything else is worked out from published cells
 * only, never from a true count:
 *
 * - The crime total and the rate per 10,000 add the area's published category cells
 *   (`sumPublished`); with a hidden cell left out they say "at least". A total made of the true
 *   counts would give a hidden category as total − Σ shown categories.
 * - A change (%) is given only between two shown numbers (a category's two cells, or two totals
 *   that leave nothing out): a change on a hidden or partial number would give it back from the
 *   other one.
 * - The previous year's cells are a table of their own, suppressed by the same rule and the same
 *   key as that year's own report, so both reports show the same cells.
 * - The monthly chart splits the year's crimes of its categories into months, so it must add up
 *   to numbers already published: it counts only the categories whose cells are shown in the
 *   country and in every region (their yearly totals are public anyway, so the chart tells
 *   nothing about a hidden category; see `chartCategoriesOf` for the record groups), and it is
 *   shown for every area or for none: if any area's month holds 1–4, a chart left out in one
 *   area alone would be the country's chart minus the others'.
 *
 * What the public knows from the portal's other publications is taken into account as well:
 * - Several of our categories share one data.police.uk category, whose total per area the open
 *   data's records give; all the cells of a span are audited once more against those totals
 *   (national-report-audit.ts).
 * - Domestic violence, sexual offences and offences against children are already published month
 *   by month per area; the report adds those published months rather than count the year anew,
 *   which would give a hidden month away (`sensitiveSums`).
 *
 * Indicators (survey shares, rates per 100,000 from indicator observations) are not counts of
 * incidents and are published as they are, with their demo flags.
 *
 * "What each body did" counts prevention work (actions assigned, conferences held, orders, …):
 * each of its figures is a tree of its own, country → regions, suppressed by the same rule
 * (`publishBodyWork`); it has no previous year. A figure that counts a part of another
 * (actions completed of those assigned, on time of those completed, conferences attended of
 * those invited to, referrals accepted of those received) is left out of the public report: the
 * difference of two shown cells would be a count of its own, unsuppressed (assigned 7, completed
 * 5: 2 not completed), and a shown part could pin a hidden whole. The section's note says so.
 * The preventive-register figures (Repeat offending, Juveniles) are trees of the same kind; none
 * is a part of another.
 *
 * The counts from incidents' recorded circumstances (women among the victims of violence, crimes
 * in public places, under the influence, by minors) are parts of the category counts, and their
 * shares would give them back from those counts: all are left out, and the sections say so.
 */
import crypto from 'node:crypto';
import { CATEGORIES, CRIME_CATEGORY_CODES } from '../../../common/categories.js';
import type {
  HiddenCount,
  PublicNationalReport,
  PublicReportFigure,
  PublicReportSection,
  ReportFigure,
  ReportSection,
} from '../../../common/schemas/national-report.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../http/errors.js';
import {
  buildNationalReport,
  lastEndedYear,
  percentChange,
  recordedYears,
  reportCountTables,
  reportMonthlyCounts,
  reportBodyWorkTables,
  reportRegisterTables,
  isCircumstanceFigure,
  type RegionFigureTable,
  type RegionCategoryCount,
  type ReportCountTables,
} from '../analytics/index.js';
import { listRegions, type Region } from '../geo/index.js';
import { cachedAggregate } from './aggregate-cache.js';
import { COUNTRY_ID } from './area-counts.js';
import { auditAcross, type AuditCell, type Equation } from './national-report-audit.js';
import { SENSITIVE_CATEGORIES } from './police-uk.js';
import * as store from './store.js';
import { sumPublished, suppressTable, type Published, type PublishedSum } from './suppression.js';

type Text = { kk: string; ru: string; en: string };

const COUNTRY = 'country';
const CRIME_CATEGORIES: readonly string[] = CRIME_CATEGORY_CODES;
const isSensitive = (category: string) => SENSITIVE_CATEGORIES.includes(category);
/** Categories whose cells this module suppresses; the sensitive ones come from the portal's own months. */
const COUNTED_CATEGORIES: readonly string[] = CATEGORIES.map((c) => c.code).filter((c) => !isSensitive(c));

/**
 * Our categories that share one data.police.uk category: the open data's records give each
 * area's total of such a group (see national-report-audit.ts).
 */
const RECORD_GROUPS: string[][] = [
  ...CATEGORIES.filter((c) => c.policeUk !== null && !c.sensitive)
    .reduce((groups, c) => groups.set(c.policeUk!, [...(groups.get(c.policeUk!) ?? []), c.code]), new Map<string, string[]>())
    .values(),
].filter((codes) => codes.length > 1);

export const SMALL_COUNTS: Text = {
  kk: '1-ден 4-ке дейінгі сандар «5-тен аз» деп көрсетіледі, ал кейбір басқа сандар олардан есептеп шығаруға болмайтындай жасырылады. Жиындар, көрсеткіштер мен өзгерістер тек көрсетілген сандардан есептеледі («кемінде» – жасырын сан қосылмаған).',
  ru: 'Числа от 1 до 4 показаны как «менее 5», а некоторые другие числа скрыты, чтобы их нельзя было вычислить. Итоги, показатели и изменения считаются только по показанным числам («не менее» — скрытое число не учтено).',
  en: 'Counts from 1 to 4 are shown as “fewer than 5”, and some other counts are not shown, so that none can be worked out from the rest. Totals, rates and changes are worked out from the numbers shown only (“at least” where a hidden count is left out).',
};

const CHART_LEFT_OUT: Text = {
  kk: 'Ай сайынғы диаграмма көрсетілмейді: кейбір айлардағы сан 5-тен аз.',
  ru: 'Помесячная диаграмма не показана: в некоторых месяцах меньше 5.',
  en: 'The monthly chart is not shown: some months hold fewer than 5.',
};

const CIRCUMSTANCES_LEFT_OUT: Text = {
  kk: 'Жария нұсқада жәбірленушінің жынысы мен жасы, күдіктінің жасы мен күйі және оқиға орны бойынша сандар мен олардың үлестері көрсетілмейді: олар жоғарыдағы санаттар сандарының бөлігі, ал екі көрсетілген санның айырмасы кіші санды ашып қоюы мүмкін. Олар қызметкерлерге арналған баяндамада бар.',
  ru: 'В публичной версии не показаны числа по полу и возрасту потерпевших, возрасту и состоянию подозреваемых и по месту происшествия, а также их доли: они — часть чисел по категориям выше, и разность двух показанных чисел могла бы раскрыть малое число. Они есть в докладе для сотрудников.',
  en: 'The public version leaves out the counts by the victim’s sex and age, the suspect’s age and state and the type of place, and their shares: they are parts of the category counts above, and the difference of two shown counts could give a small one away. They are in the staff report.',
};

const BODY_PARTS_LEFT_OUT: Text = {
  kk: 'Жария нұсқада басқа санның бөлігі болатын сандар (орындалған және мерзімінде орындалған шаралар, кеңестерге шақыру мен қатысу, қабылданған жолдамалар) көрсетілмейді: екі көрсетілген санның айырмасы кіші санды ашып қоюы мүмкін. Олар қызметкерлерге арналған баяндамада бар.',
  ru: 'В публичной версии не показаны числа, которые являются частью другого (выполненные и выполненные в срок меры, приглашения и посещения конференций, принятые направления): разность двух показанных чисел могла бы раскрыть малое число. Они есть в докладе для сотрудников.',
  en: 'The public version leaves out the counts that are part of another (actions completed and completed by the due date, conference invitations and attendance, referrals accepted): the difference of two shown counts could give a small one away. They are in the staff report.',
};

/** Published cells of one counted span: category → area (a region's id, or COUNTRY) → cell. */
type PublishedTable = Map<string, Map<string, Published>>;

/** A keyed rank for the choice of hidden zeros, the same for the same counted days in every report. */
function rankOf(secretKey: Buffer, span: string): (category: string, id: string) => number {
  const key = crypto.createHmac('sha256', secretKey).update('aman portal national report rank').digest();
  return (category, id) => crypto.createHmac('sha256', key).update(`${span}|${category}|${id}`).digest().readUInt32BE(0);
}

/**
 * Suppresses each category's tree (country → regions) of one counted span, then audits all the
 * span's cells together against the group totals the open data's records give away.
 */
export function publishCounts(
  rows: readonly RegionCategoryCount[],
  regions: readonly Pick<Region, 'id'>[],
  rank: (category: string, id: string) => number,
): PublishedTable {
  const areas = [COUNTRY, ...regions.map((r) => r.id)];
  const counts = new Map(COUNTED_CATEGORIES.map((c) => [c, new Map(areas.map((a) => [a, 0]))]));
  for (const row of rows) {
    const byArea = counts.get(row.category);
    if (!byArea?.has(row.regionId)) continue;
    byArea.set(row.regionId, byArea.get(row.regionId)! + row.count);
    byArea.set(COUNTRY, byArea.get(COUNTRY)! + row.count);
  }
  const cells: AuditCell[] = [];
  const marks: Published['kind'][] = [];
  const index = new Map<string, number>();
  const add = (id: string, count: number, known: boolean, mark: Published['kind']): number => {
    index.set(id, cells.length);
    cells.push({ id, count, known });
    marks.push(mark);
    return cells.length - 1;
  };
  const equations: Equation[] = [];
  for (const [category, byArea] of counts) {
    const tree = suppressTable(
      areas.map((a) => ({ id: a, parentId: a === COUNTRY ? null : COUNTRY, count: byArea.get(a)! })),
      (id) => rank(category, id),
    );
    const [total, ...parts] = areas.map((a) => add(`${category}|${a}`, byArea.get(a)!, false, tree.get(a)!.kind));
    equations.push({ total: total!, parts });
  }
  for (const group of RECORD_GROUPS) {
    for (const area of areas) {
      const parts = group.map((c) => index.get(`${c}|${area}`)!);
      const known = parts.reduce((sum, i) => sum + cells[i]!.count, 0);
      equations.push({ total: add(`${group.join('+')}|${area}`, known, true, 'count'), parts });
    }
  }
  const audited = auditAcross(cells, marks, equations, (id) => {
    const [category, area] = id.split('|');
    return rank(category!, area!);
  });
  const table: PublishedTable = new Map();
  for (const [category, byArea] of counts) {
    const published = new Map<string, Published>();
    for (const area of areas) {
      const mark = audited[index.get(`${category}|${area}`)!]!;
      published.set(area, mark === 'count' ? { kind: 'count', count: byArea.get(area)! } : { kind: mark });
    }
    table.set(category, published);
  }
  return table;
}

/**
 * The figures counted per region that are no part of another (body work, registers), each
 * suppressed as its own tree (country → regions); the parts are left out (see the module
 * comment), so they get no cells.
 */
export function publishRegionFigures(
  tables: readonly RegionFigureTable[],
  regions: readonly Pick<Region, 'id'>[],
  rank: (key: string, id: string) => number,
): PublishedTable {
  const published: PublishedTable = new Map();
  for (const table of tables.filter((t) => t.partOf === null)) {
    const own = regions.map((r) => ({ id: r.id, parentId: COUNTRY, count: table.counts.get(r.id) ?? 0 }));
    const country = { id: COUNTRY, parentId: null, count: own.reduce((sum, c) => sum + c.count, 0) };
    published.set(
      table.key,
      suppressTable([country, ...own], (id) => rank(table.key, id)),
    );
  }
  return published;
}

/**
 * Domestic violence, sexual offences and offences against children are published every month
 * by area (publish.ts, suppressed there). A year's count of its own beside them would give a
 * hidden month as the year minus the shown months, so the report adds the months as published
 * instead: a month hidden, or not yet published, is left out and counted in `hidden`.
 */
async function sensitiveSums(db: Db, months: readonly string[], area: string): Promise<Map<string, PublishedSum>> {
  const published = new Set(await store.publishedMonths(db, 100_000));
  const shown = months.filter((m) => published.has(m));
  const rows = await store.areaCounts(db, area === COUNTRY ? 'country' : 'region', [area === COUNTRY ? COUNTRY_ID : area], shown);
  return new Map(
    SENSITIVE_CATEGORIES.map((category) => {
      const cells = shown.map((month): Published => {
        const row = rows.find((r) => r.month === month && r.category === category);
        if (!row) return { kind: 'count', count: 0 };
        return row.mark === 'count' ? { kind: 'count', count: row.count ?? 0 } : { kind: row.mark };
      });
      const sum = sumPublished(cells);
      return [category, { count: sum.count, hidden: sum.hidden + months.length - shown.length }];
    }),
  );
}

interface Shown {
  value: number | null;
  suppressed: HiddenCount | null;
}

function shown(cell: Published | undefined): Shown {
  if (!cell) return { value: null, suppressed: null };
  return cell.kind === 'count' ? { value: cell.count, suppressed: null } : { value: null, suppressed: cell.kind };
}

/** The area's crimes as published: the shown cells of this module's categories and the sensitive months as published. */
function crimeSum(table: PublishedTable, sensitive: Map<string, PublishedSum>, area: string): PublishedSum {
  const sum = sumPublished(CRIME_CATEGORIES.filter((c) => !isSensitive(c)).map((c) => table.get(c)!.get(area)!));
  for (const part of sensitive.values()) {
    sum.count += part.count;
    sum.hidden += part.hidden;
  }
  return sum;
}

interface FigureContext {
  current: PublishedTable;
  regionFigures: PublishedTable;
  previous: PublishedTable | null;
  sensitive: { current: Map<string, PublishedSum>; previous: Map<string, PublishedSum> | null };
  area: string;
  population: number;
}

const NONE = { suppressed: null, previousSuppressed: null, hiddenParts: 0, previousHiddenParts: 0 };

/** A figure that adds published cells: "at least" `value` with hidden parts, and a change only between two whole sums. */
function sumFigure(figure: ReportFigure, now: PublishedSum, then: PublishedSum | null): PublicReportFigure {
  const whole = now.hidden === 0 && then !== null && then.hidden === 0;
  return {
    ...figure,
    ...NONE,
    value: now.count,
    previous: then && then.count,
    change: whole ? percentChange(now.count, then.count) : null,
    hiddenParts: now.hidden,
    previousHiddenParts: then?.hidden ?? 0,
  };
}

/** One figure of the analysts' report as the public may see it; a count figure it does not know stops the report. */
function publicFigure(figure: ReportFigure, context: FigureContext): PublicReportFigure {
  const { current, previous, sensitive, area, population, regionFigures } = context;
  if (figure.key === 'crime-total' || figure.key === 'crime-per-10k') {
    const now = crimeSum(current, sensitive.current, area);
    const then = previous && sensitive.previous && crimeSum(previous, sensitive.previous, area);
    if (figure.key === 'crime-total') return sumFigure(figure, now, then);
    return { ...figure, ...NONE, value: population > 0 ? (now.count / population) * 10_000 : null, hiddenParts: now.hidden };
  }
  if (isSensitive(figure.key)) {
    const source = `portal_area_counts: the months published for ${area === COUNTRY ? COUNTRY_ID : area}, ${figure.key}, added as published (hidden or unpublished months left out)`;
    return { ...sumFigure(figure, sensitive.current.get(figure.key)!, sensitive.previous?.get(figure.key) ?? null), source };
  }
  if (figure.unit === 'count' && current.has(figure.key)) {
    const now = shown(current.get(figure.key)!.get(area));
    const then = previous ? shown(previous.get(figure.key)!.get(area)) : { value: null, suppressed: null };
    return {
      ...figure,
      ...NONE,
      value: now.value,
      previous: then.value,
      change: now.value !== null && then.value !== null ? percentChange(now.value, then.value) : null,
      suppressed: now.suppressed,
      previousSuppressed: then.suppressed,
    };
  }
  if (figure.unit === 'count' && regionFigures.has(figure.key)) {
    const now = shown(regionFigures.get(figure.key)!.get(area));
    return { ...figure, ...NONE, value: now.value, suppressed: now.suppressed };
  }
  // Indicators come from indicator observations (shares, rates), not from counted incidents.
  if (figure.unit !== 'count' && figure.source.startsWith('indicator_observations')) return { ...figure, ...NONE };
  throw new Error(`national report: figure ${figure.key} has no published form`);
}

/** The chart's values for every area, or null when one month somewhere holds 1–4 (see the module comment). */
export function publishedChart(monthly: Map<string, number[]>, months: number): Map<string, number[]> | null {
  const country = new Array<number>(months).fill(0);
  for (const values of monthly.values()) values.forEach((v, i) => (country[i]! += v));
  const rows = new Map([...monthly, [COUNTRY, country]]);
  for (const values of rows.values()) if (values.some((v) => v >= 1 && v <= 4)) return null;
  return rows;
}

function chartLabel(label: Text, counted: number, of: number): Text {
  if (counted === of) return label;
  return {
    kk: `${label.kk} (${of} санаттың ${counted}: барлық өңірде көрсетілгендері)`,
    ru: `${label.ru} (${counted} из ${of} категорий: показанные во всех регионах)`,
    en: `${label.en} (${counted} of ${of} categories: those shown in every region)`,
  };
}

function joinNotes(note: Text | null, more: Text): Text {
  if (!note) return more;
  return { kk: `${note.kk} ${more.kk}`, ru: `${note.ru} ${more.ru}`, en: `${note.en} ${more.en}` };
}

const monthsOf = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

function shownEverywhere(table: PublishedTable, category: string): boolean {
  return [...table.get(category)!.values()].every((cell) => cell.kind === 'count');
}

/**
 * The crime categories the monthly chart counts: those shown in every area, and of a record
 * group (see RECORD_GROUPS) all of it or none, since the records give the group's months and a
 * chart with only part of it would give the other part's months as the difference.
 */
function chartCategoriesOf(table: PublishedTable): string[] {
  const shown = new Set(CRIME_CATEGORIES.filter((c) => !isSensitive(c) && shownEverywhere(table, c)));
  for (const group of RECORD_GROUPS) if (!group.every((c) => shown.has(c))) group.forEach((c) => shown.delete(c));
  return CRIME_CATEGORIES.filter((c) => shown.has(c));
}

export interface NationalReportDeps {
  db: Db;
  /** AMAN_SECRET_KEY: which zeros are hidden is keyed with it, so the choice tells the public nothing. */
  secretKey: Buffer;
}

/** The ended years with records the public may read a report for, newest first; kept until the next publication or year. */
export function publicReportYears(db: Db, now: Date): Promise<number[]> {
  return cachedAggregate(db, `national-report-years|${lastEndedYear(now)}`, () => recordedYears(db, now));
}

/** Refuses a year that has not ended in Kazakhstan time, or one without records. */
export async function checkReportYear(db: Db, year: number, now: Date): Promise<void> {
  if (year > lastEndedYear(now)) throw new AppError('portal.report_year_not_ended', { year });
  if (!(await publicReportYears(db, now)).includes(year)) throw new AppError('portal.report_year_no_data', { year });
}

async function buildPublicReport(
  { db, secretKey }: NationalReportDeps,
  year: number,
  regionId: string | null,
  now: Date,
): Promise<PublicNationalReport> {
  const [report, tables, regions, bodyTables, registerTables] = await Promise.all([
    buildNationalReport(db, year, regionId, now),
    reportCountTables(db, year, now),
    listRegions(db),
    reportBodyWorkTables(db, year, now),
    reportRegisterTables(db, year, now),
  ]);
  const area = regionId ?? COUNTRY;
  const published = publishTables(tables, regions, secretKey);
  const { period } = tables.comparison;
  const bodyRank = rankOf(secretKey, `bodies|${period ? `${period.firstDay}..${period.lastDay}` : 'none'}`);
  const regionFigures = publishRegionFigures([...bodyTables, ...registerTables], regions, bodyRank);
  const bodyParts = new Set(bodyTables.filter((t) => t.partOf !== null).map((t) => t.key));
  // An ended year is compared with the whole year before it (year-comparison.ts).
  const [sensitiveNow, sensitiveThen] = await Promise.all([
    sensitiveSums(db, tables.months, area),
    published.previous ? sensitiveSums(db, monthsOf(year - 1), area) : null,
  ]);
  const sensitive = { current: sensitiveNow, previous: sensitiveThen };
  const chartCategories = chartCategoriesOf(published.current);
  const chart = publishedChart(await reportMonthlyCounts(db, tables, chartCategories), tables.months.length);
  const population = regions.filter((r) => regionId === null || r.id === regionId).reduce((sum, r) => sum + r.population, 0);
  const context = { ...published, regionFigures, sensitive, area, population };
  const sections = report.sections.map((section): PublicReportSection => {
    const kept = section.figures.filter((f) => !bodyParts.has(f.key) && !isCircumstanceFigure(f.key));
    const figures = kept.map((f) => publicFigure(f, context));
    let view = { ...section, figures, ...publicChart(section, chart, area, chartCategories.length) };
    if (section.figures.some((f) => bodyParts.has(f.key))) view = { ...view, note: joinNotes(view.note, BODY_PARTS_LEFT_OUT) };
    if (section.figures.some((f) => isCircumstanceFigure(f.key)))
      view = { ...view, note: joinNotes(view.note, CIRCUMSTANCES_LEFT_OUT) };
    return view;
  });
  return { ...report, sections, smallCounts: SMALL_COUNTS };
}

function publicChart(
  section: ReportSection,
  chart: Map<string, number[]> | null,
  area: string,
  counted: number,
): Pick<ReportSection, 'chart' | 'note'> {
  if (!section.chart) return { chart: null, note: section.note };
  if (!chart) return { chart: null, note: joinNotes(section.note, CHART_LEFT_OUT) };
  const values = chart.get(area) ?? section.chart.months.map(() => 0);
  return {
    chart: { ...section.chart, label: chartLabel(section.chart.label, counted, CRIME_CATEGORIES.length), values },
    note: section.note,
  };
}

function publishTables(
  tables: ReportCountTables,
  regions: readonly Region[],
  secretKey: Buffer,
): { current: PublishedTable; previous: PublishedTable | null } {
  const { period, previous } = tables.comparison;
  const span = (p: { firstDay: string; lastDay: string }) => `${p.firstDay}..${p.lastDay}`;
  return {
    current: publishCounts(tables.current, regions, rankOf(secretKey, period ? span(period) : 'none')),
    previous: tables.previous && previous ? publishCounts(tables.previous, regions, rankOf(secretKey, span(previous))) : null,
  };
}

/**
 * The public National Report of an ended year for the country or one region (an unknown one is
 * refused). Made from live records, it is kept like the portal's other figures until the next
 * month is published.
 */
export async function publicNationalReport(
  deps: NationalReportDeps,
  year: number,
  regionId: string | null,
  now: Date,
): Promise<PublicNationalReport> {
  await checkReportYear(deps.db, year, now);
  if (regionId !== null && !(await listRegions(deps.db)).some((r) => r.id === regionId)) {
    throw new AppError('portal.force_not_found', { regionId });
  }
  return cachedAggregate(deps.db, `national-report|${year}|${regionId ?? COUNTRY}`, () =>
    buildPublicReport(deps, year, regionId, now),
  );
}
