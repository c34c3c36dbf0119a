import type { Jurisdiction } from '../../../common/roles.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../http/errors.js';
import { listRegions } from '../geo/index.js';
import { incidentHoursForAnalysis } from '../incidents/index.js';
import { narrowArea, parseCategories, parsePeriod } from './area.js';
import type { TimePatternsQuery, TimePatternsView } from './time-pattern-schema.js';
import { hourByWeekday, localHour, monthlyChangePoints, monthlyCounts, monthRange, seasonalIndices } from './time-patterns.js';

const MAX_MONTHS = 240;

/** Hour-by-weekday counts, the monthly series, its seasonality and change-points, each in the incident's regional time. */
export async function findTimePatterns(db: Db, jurisdiction: Jurisdiction, query: TimePatternsQuery): Promise<TimePatternsView> {
  const categories = parseCategories(query.categories);
  const period = parsePeriod(query);
  // The series' months in Almaty time, where most of the country is.
  const months = monthRange(
    localHour(period.from, 'Asia/Almaty').month,
    localHour(new Date(period.to.getTime() - 1), 'Asia/Almaty').month,
  );
  if (months.length > MAX_MONTHS) throw new AppError('analytics.period_too_long', { months: months.length, max: MAX_MONTHS });
  const hours = await incidentHoursForAnalysis(db, { ...narrowArea(jurisdiction, query), ...period, categories });
  const zones = new Map((await listRegions(db)).map((r) => [r.id, r.tz]));
  const buckets = hours.map((h) => ({ hour: h.hour, timeZone: zones.get(h.regionId) ?? 'Asia/Almaty', count: h.count }));
  const monthly = monthlyCounts(buckets, months);
  const seasonal = seasonalIndices(months, monthly);
  const changes = monthlyChangePoints(months, monthly, seasonal);
  return {
    incidents: buckets.reduce((sum, b) => sum + b.count, 0),
    timeZones: [...new Set(buckets.map((b) => b.timeZone))].sort(),
    hourByWeekday: hourByWeekday(buckets),
    months,
    monthly,
    seasonal,
    changePoints: {
      method: changes.method,
      changes: changes.changes,
      segments: changes.segments.map((s) => ({ from: s.from, to: s.to, mean: s.mean })),
    },
  };
}
