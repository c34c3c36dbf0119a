import type { Jurisdiction } from '../../../common/roles.js';
import type { Db } from '../../db/connection.js';
import { unitStatusCounts } from '../dispatch/index.js';
import { openIncidentCounts, reportedIncidentCounts, type IncidentCount } from '../incidents/index.js';
import { narrowArea } from './area.js';
import { areaRows } from './area-names.js';
import type { SituationQuery, SituationView } from './situation-schema.js';

const DAY_MS = 86_400_000;
const USUAL_WEEKS = 4;

type Figures = SituationView['totals'];

function emptyFigures(): Figures {
  return { openByPriority: {}, open: 0, units: {}, today: 0, yesterday: 0, usual: 0 };
}

/** Local midnight of `now` in a zone, as an instant (Kazakhstan's offsets are whole hours, with no summer time). */
export function localMidnight(now: Date, timeZone: string): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      .formatToParts(now)
      .map((p) => [p.type, Number(p.value)]),
  );
  const sinceMidnight = ((parts.hour! * 60 + parts.minute!) * 60 + parts.second!) * 1000 + now.getUTCMilliseconds();
  return new Date(now.getTime() - sinceMidnight);
}

/**
 * The current picture of the caller's area for a situation board: open incidents by priority,
 * units by status, and today's reports beside yesterday's and the usual for this weekday, each
 * per district (per region for a country-wide view). Counts only; no incident is named.
 */
export async function findSituation(
  db: Db,
  jurisdiction: Jurisdiction,
  query: SituationQuery,
  now: Date,
): Promise<SituationView> {
  const area = narrowArea(jurisdiction, query);
  const { level, names, timeZone, keyOf } = await areaRows(db, area);
  const since = localMidnight(now, timeZone);
  const span = (daysBack: number) => ({
    from: new Date(since.getTime() - daysBack * DAY_MS),
    to: new Date(now.getTime() - daysBack * DAY_MS),
  });

  const [open, units, today, yesterday, ...usual] = await Promise.all([
    openIncidentCounts(db, area),
    unitStatusCounts(db, area),
    reportedIncidentCounts(db, area, span(0)),
    reportedIncidentCounts(db, area, span(1)),
    ...Array.from({ length: USUAL_WEEKS }, (_, week) => reportedIncidentCounts(db, area, span(7 * (week + 1)))),
  ]);

  const rows = new Map<string | null, Figures>();
  const totals = emptyFigures();
  const figuresOf = (key: string | null) => {
    let figures = rows.get(key);
    if (!figures) rows.set(key, (figures = emptyFigures()));
    return figures;
  };
  const add = (counts: IncidentCount[], apply: (figures: Figures, row: IncidentCount) => void) => {
    for (const row of counts) {
      apply(figuresOf(keyOf(row)), row);
      apply(totals, row);
    }
  };
  add(open, (f, r) => {
    f.openByPriority[r.priority] = (f.openByPriority[r.priority] ?? 0) + r.count;
    f.open += r.count;
  });
  add(today, (f, r) => (f.today += r.count));
  add(yesterday, (f, r) => (f.yesterday += r.count));
  for (const week of usual) add(week, (f, r) => (f.usual += r.count / USUAL_WEEKS));
  for (const row of units) {
    for (const f of [figuresOf(keyOf(row)), totals]) f.units[row.status] = (f.units[row.status] ?? 0) + row.count;
  }

  const areas = [...rows]
    .map(([id, figures]) => ({ id, name: id === null ? null : (names.get(id) ?? null), ...figures }))
    .sort((a, b) => b.open - a.open || b.today - a.today || (a.id ?? '').localeCompare(b.id ?? ''));
  return { at: now.toISOString(), since: since.toISOString(), timeZone, level, totals, areas };
}
