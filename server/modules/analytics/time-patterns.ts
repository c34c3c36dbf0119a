/**
 * When incidents happen: counts by local hour and weekday, by month, the seasonal pattern and
 * change-points. Local time comes from the IANA zone through Intl, never a fixed offset:
 * Kazakhstan's eastern regions were UTC+6 until 1 March 2024 and UTC+5 since.
 */
import { differenceVariance, normalMeanCost, pelt, segmentsOf, type Segment } from './change-points.js';

/** A number of incidents in one UTC hour (whole-hour offsets make the hour the finest grain needed). */
export interface HourBucket {
  hour: Date;
  timeZone: string;
  count: number;
}

export interface LocalHour {
  /** 0 = Monday … 6 = Sunday (ISO order, the week as Kazakhstan counts it). */
  weekday: number;
  hour: number;
  /** 'YYYY-MM' */
  month: string;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local weekday, hour and month of an instant in an IANA zone. */
export function localHour(at: Date, timeZone: string): LocalHour {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
    hour: Number(parts.hour),
    month: `${parts.year}-${parts.month}`,
  };
}

/** A 7 × 24 table, Monday first, of counts by local weekday and hour. */
export function hourByWeekday(buckets: readonly HourBucket[]): number[][] {
  const table = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const b of buckets) {
    const local = localHour(b.hour, b.timeZone);
    table[local.weekday]![local.hour]! += b.count;
  }
  return table;
}

/** Every month from `first` to `last` inclusive, as 'YYYY-MM'. */
export function monthRange(first: string, last: string): string[] {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const months: string[] = [];
  for (let i = index(first); i <= index(last); i++) {
    months.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

/** Counts per local month over the given months (months with none count 0). */
export function monthlyCounts(buckets: readonly HourBucket[], months: readonly string[]): number[] {
  const position = new Map(months.map((m, i) => [m, i]));
  const counts = new Array<number>(months.length).fill(0);
  for (const b of buckets) {
    const i = position.get(localHour(b.hour, b.timeZone).month);
    if (i !== undefined) counts[i]! += b.count;
  }
  return counts;
}

/**
 * Seasonal indices by calendar month (January first) by classical multiplicative decomposition
 * (Hyndman & Athanasopoulos, Forecasting: Principles and Practice, 3rd ed., §3.4): each month's
 * ratio to the centred 12-month moving average, the median per calendar month (the mean in the
 * book; the median is not pulled by the months next to a level shift, which the moving average
 * smears), scaled to mean 1.
 * Null with fewer than 24 months, where too few ratios exist per month.
 */
export function seasonalIndices(months: readonly string[], counts: readonly number[]): number[] | null {
  if (counts.length < 24) return null;
  const ratios: number[][] = Array.from({ length: 12 }, () => []);
  for (let i = 6; i < counts.length - 6; i++) {
    // The 2×12 moving average: half weight on the two ends, so it is centred on month i.
    let sum = (counts[i - 6]! + counts[i + 6]!) / 2;
    for (let k = i - 5; k <= i + 5; k++) sum += counts[k]!;
    const trend = sum / 12;
    if (trend > 0) ratios[Number(months[i]!.slice(5, 7)) - 1]!.push(counts[i]! / trend);
  }
  const means = ratios.map((r) => (r.length ? median(r) : 1));
  const scale = means.reduce((a, b) => a + b, 0) / 12;
  return means.map((m) => m / scale);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface ChangePointResult {
  method: string;
  /** The months where a new level starts. */
  changes: string[];
  segments: (Segment & { from: string; to: string })[];
}

/**
 * Change-points in the level of a monthly series: PELT with a normal change-in-mean cost on the
 * seasonally adjusted series (when seasonal indices exist), the noise variance from the MAD of
 * differences, and the penalty 3·log(n) (the leading term of the modified BIC of Zhang & Siegmund
 * 2007, the default of R's `changepoint`; plain BIC's 2·log(n) reported a false change in a third
 * of seasonal test series with a real shift). Adjusting first keeps a summer peak from being
 * reported as a change; using a normal cost rather than a Poisson one allows the overdispersion
 * real crime counts have; the variance is never taken below the mean (the Poisson floor).
 */
export function monthlyChangePoints(
  months: readonly string[],
  counts: readonly number[],
  seasonal: number[] | null,
): ChangePointResult {
  const adjusted = counts.map((c, i) => (seasonal ? c / seasonal[Number(months[i]!.slice(5, 7)) - 1]! : c));
  const changes = pelt(adjusted, {
    cost: normalMeanCost(differenceVariance(adjusted)),
    minSegment: 3,
    penalty: 3 * Math.log(adjusted.length),
  });
  return {
    method: `PELT (Killick, Fearnhead & Eckley 2012), normal change in mean, penalty 3·ln(n) (modified BIC), minimum segment 3 months${
      seasonal ? ', on the seasonally adjusted series' : ''
    }`,
    changes: changes.map((i) => months[i]!),
    segments: segmentsOf(adjusted, changes).map((s) => ({ ...s, from: months[s.start]!, to: months[s.end - 1]! })),
  };
}
