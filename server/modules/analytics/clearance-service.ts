import type { Jurisdiction } from '../../../common/roles.js';
import type { Db } from '../../db/connection.js';
import { clearanceCounts } from '../incidents/index.js';
import { narrowArea, parsePeriod } from './area.js';
import { areaRows } from './area-names.js';
import type { ClearanceQuery, ClearanceView } from './clearance-schema.js';

type Figures = ClearanceView['totals'];
type Counts = Omit<Figures, 'rate' | 'rateUndatedIncluded'>;

function withRates(counts: Counts): Figures {
  const share = (n: number) => (counts.reported === 0 ? null : n / counts.reported);
  return {
    ...counts,
    rate: share(counts.clearedByEnd),
    rateUndatedIncluded: share(counts.clearedByEnd + counts.clearedUndated),
  };
}

/**
 * The clearance rate of the caller's area: of the incidents reported in the period, the share
 * resolved or closed before it ended, per district (per region country-wide), with every count
 * it is made of. Incidents whose resolution has no recorded time are shown apart, and a second
 * rate counts them as cleared, so neither reading is hidden.
 */
export async function findClearance(
  db: Db,
  jurisdiction: Jurisdiction,
  query: ClearanceQuery,
  now: Date,
): Promise<ClearanceView> {
  const area = narrowArea(jurisdiction, query);
  const period = parsePeriod(query);
  const [{ level, names, keyOf }, counts] = await Promise.all([areaRows(db, area), clearanceCounts(db, area, period)]);
  const empty = (): Counts => ({ reported: 0, clearedByEnd: 0, clearedLater: 0, clearedUndated: 0, open: 0 });
  const rows = new Map<string | null, Counts>();
  const totals = empty();
  for (const count of counts) {
    const key = keyOf(count);
    const row = rows.get(key) ?? empty();
    rows.set(key, row);
    for (const target of [row, totals]) {
      target.reported += count.reported;
      target.clearedByEnd += count.clearedByEnd;
      target.clearedLater += count.clearedLater;
      target.clearedUndated += count.clearedUndated;
      target.open += count.open;
    }
  }
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    asOf: now.toISOString(),
    level,
    totals: withRates(totals),
    areas: [...rows]
      .map(([id, row]) => ({ id, name: id === null ? null : (names.get(id) ?? null), ...withRates(row) }))
      .sort((a, b) => b.reported - a.reported || (a.id ?? '').localeCompare(b.id ?? '')),
  };
}
