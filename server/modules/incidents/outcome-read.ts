import { sql } from 'kysely';
import { CRIME_CATEGORY_CODES } from '../../../common/categories.js';
import { CLEARED_OUTCOMES } from '../../../common/investigation-outcomes.js';
import { KAZAKHSTAN_ZONE } from '../../../common/time.js';
import { localDay } from '../../../common/register-terms.js';
import type { Db } from '../../db/connection.js';
import { NOT_RECORDED_STATUSES } from './publication-read.js';

/** A region's recorded crimes of a period by how their investigations stood on a day. */
export interface OutcomeCount {
  regionId: string;
  /** Crimes that occurred in the period and are on record. */
  recorded: number;
  /** Offender identified: sent to court or ended on non-exonerating grounds. */
  cleared: number;
  /** Suspended with the offender not identified. */
  suspended: number;
  /** Ended because no offence took place: a clearance rate leaves these out of its base. */
  noOffence: number;
  /** No outcome decided by that day. */
  undecided: number;
}

/**
 * Per region, crime-category incidents that occurred in [from, to) and are on record, by the
 * outcome decided on or before `asOf`'s day in Kazakhstan. A decision taken later counts as
 * undecided, so a rate computed for a past day does not change when outcomes are recorded since.
 */
export async function incidentOutcomesForAnalysis(
  db: Db,
  filter: { from: Date; to: Date; regionId?: string; asOf: Date },
): Promise<OutcomeCount[]> {
  const asOfDay = localDay(filter.asOf, KAZAKHSTAN_ZONE);
  const decided = sql`outcome_decided_on <= ${asOfDay}::date`;
  const count = (condition: ReturnType<typeof sql>) => sql<number>`(count(*) filter (where ${condition}))::int`;
  let query = db
    .selectFrom('incidents')
    .where('occurred_at', '>=', filter.from)
    .where('occurred_at', '<', filter.to)
    .where('category', 'in', CRIME_CATEGORY_CODES)
    .where('status', 'not in', [...NOT_RECORDED_STATUSES]);
  if (filter.regionId !== undefined) query = query.where('region_id', '=', filter.regionId);
  const rows = await query
    .select([
      'region_id',
      sql<number>`count(*)::int`.as('recorded'),
      count(sql`investigation_outcome in (${sql.join(CLEARED_OUTCOMES)}) and ${decided}`).as('cleared'),
      count(sql`investigation_outcome = 'suspended-no-suspect' and ${decided}`).as('suspended'),
      count(sql`investigation_outcome = 'no-offence' and ${decided}`).as('noOffence'),
    ])
    .groupBy('region_id')
    .orderBy('region_id')
    .execute();
  return rows.map((r) => ({
    regionId: r.region_id,
    recorded: r.recorded,
    cleared: r.cleared,
    suspended: r.suspended,
    noOffence: r.noOffence,
    undecided: r.recorded - r.cleared - r.suspended - r.noOffence,
  }));
}
