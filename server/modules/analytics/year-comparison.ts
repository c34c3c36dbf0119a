import { CATEGORY_CODES } from '../../../common/categories.js';
import type { Comparison } from '../../../common/schemas/national-report.js';
import type { Language } from '../../../common/roles.js';
import type { Db } from '../../db/connection.js';
import { incidentCountsForAnalysis } from '../incidents/index.js';
import type { Text } from './indicator-definitions.js';
import { dayStart, localDate, localYear } from './local-year.js';

/** Counted days: instants [from, to) for the queries, local dates (both inclusive) for the reader. */
export interface Period {
  from: Date;
  to: Date;
  firstDay: string;
  lastDay: string;
}

export type NoComparison = 'previous-not-covered' | 'year-not-covered';

/**
 * What a year's figures count and what they may honestly be compared with: a year under way is
 * counted to the end of yesterday and set against the same days a year earlier, never against
 * a whole year; a year whose data, or whose previous year's data, are incomplete gets no change.
 */
export interface YearComparison {
  /** Null while no whole day of the year has passed. */
  period: Period | null;
  /** The same days a year earlier; null when there is no honest comparison (`noComparison` says why). */
  previous: Period | null;
  noComparison: NoComparison | null;
}

/** Whether the data cover the whole of the year and of the year before it. */
export interface Coverage {
  year: boolean;
  previousYear: boolean;
}

function day(at: Date): string {
  const { year, month, day } = localDate(at);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function period(from: Date, to: Date): Period {
  return { from, to, firstDay: day(from), lastDay: day(new Date(to.getTime() - 1)) };
}

/** The counted days of `year` as of `now`, and the same days a year earlier if `coverage` allows. */
export function compareYear(year: number, now: Date, coverage: Coverage): YearComparison {
  const today = localDate(now);
  const whole = localYear(year);
  if (year > today.year) return { period: null, previous: null, noComparison: 'year-not-covered' };
  const ended = year < today.year;
  const to = ended ? whole.to : dayStart(today.year, today.month, today.day);
  if (to.getTime() <= whole.from.getTime()) return { period: null, previous: null, noComparison: 'year-not-covered' };
  const current = period(whole.from, to);
  if (!coverage.year) return { period: current, previous: null, noComparison: 'year-not-covered' };
  if (!coverage.previousYear) return { period: current, previous: null, noComparison: 'previous-not-covered' };
  // Date.UTC carries 29 February on to 1 March, so both spans hold the same days of the calendar.
  const previousTo = ended ? whole.from : dayStart(year - 1, today.month, today.day);
  return { period: current, previous: period(localYear(year - 1).from, previousTo), noComparison: null };
}

/**
 * Records are taken to run unbroken from their first month, which may itself be partial (the demo
 * history, or a region's go-live, starts mid-month): a year counts as covered when the December
 * before it already holds a recorded incident anywhere in the country (the offences the figures
 * count: a report nobody has assessed is not yet a record). A region with no incident in a
 * month has a true zero, so coverage is judged for the country, never per region.
 */
export async function yearCoverage(db: Db, year: number): Promise<Coverage> {
  const holdsRecords = async (y: number) => {
    const december = { from: dayStart(y, 12, 1), to: localYear(y).to };
    const rows = await incidentCountsForAnalysis(db, { ...december, categories: CATEGORY_CODES, recorded: true });
    return rows.some((r) => r.count > 0);
  };
  const [covered, previousCovered] = await Promise.all([holdsRecords(year - 1), holdsRecords(year - 2)]);
  return { year: covered, previousYear: previousCovered };
}

/** The comparison for `year` as the data in the database allow it. */
export async function yearComparison(db: Db, year: number, now: Date): Promise<YearComparison> {
  return compareYear(year, now, await yearCoverage(db, year));
}

const LOCALES: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

function longDate(isoDay: string, language: Language): string {
  const format = new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return format.format(new Date(`${isoDay}T00:00:00Z`));
}

const PERIOD: Text = { kk: 'Кезең: {from} – {to}.', ru: 'Период: {from} – {to}.', en: 'Period: {from} – {to}.' };
const COMPARED: Text = {
  kk: 'Алдыңғы жылдың сол күндерімен салыстырылды: {from} – {to}.',
  ru: 'Сравнение с теми же днями предыдущего года: {from} – {to}.',
  en: 'Compared with the same days of the previous year: {from} – {to}.',
};
const WHY_NOT: Record<NoComparison, Text> = {
  'previous-not-covered': {
    kk: 'Салыстыру жоқ: алдыңғы жыл деректермен толық қамтылмаған.',
    ru: 'Сравнения нет: предыдущий год не полностью покрыт данными.',
    en: 'No comparison: the previous year is not fully covered by the data.',
  },
  'year-not-covered': {
    kk: 'Салыстыру жоқ: деректер бұл кезеңді толық қамтымайды, сондықтан оның сандары да толық емес.',
    ru: 'Сравнения нет: данные не покрывают этот период полностью, поэтому и его цифры неполны.',
    en: 'No comparison: the data do not cover the whole of this period, so its figures are incomplete too.',
  },
};
const NO_DAY: Text = {
  kk: 'Бұл жылдың әлі бірде-бір толық күні өткен жоқ; салыстыру жоқ.',
  ru: 'Ни один полный день этого года ещё не прошёл; сравнения нет.',
  en: 'No whole day of this year has passed yet; no comparison.',
};

/** The compared period in words, in each language: the same sentence the web page and the PDF show. */
export function comparisonStatement(comparison: YearComparison): Text {
  const say = (language: Language): string => {
    const { period: current, previous, noComparison } = comparison;
    if (!current) return NO_DAY[language];
    const span = (text: Text, p: Period) =>
      text[language].replace('{from}', longDate(p.firstDay, language)).replace('{to}', longDate(p.lastDay, language));
    const second = previous ? span(COMPARED, previous) : WHY_NOT[noComparison ?? 'previous-not-covered'][language];
    return `${span(PERIOD, current)} ${second}`;
  };
  return { kk: say('kk'), ru: say('ru'), en: say('en') };
}

/** The comparison as the API returns it: local dates and the sentence in kk/ru/en. */
export function comparisonView(comparison: YearComparison): Comparison {
  const days = (p: Period | null) => (p ? { from: p.firstDay, to: p.lastDay } : null);
  return {
    period: days(comparison.period),
    previousPeriod: days(comparison.previous),
    noComparison: comparison.noComparison,
    statement: comparisonStatement(comparison),
  };
}

/** Percentage change; null without a comparison or from zero. */
export function percentChange(value: number, previous: number | null): number | null {
  return previous !== null && previous > 0 ? ((value - previous) / previous) * 100 : null;
}
