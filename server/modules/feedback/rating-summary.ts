import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Tables } from '../../db/tables.js';
import './tables.js';

/** Citizens' average rating and the number of ratings per region, for ratings given in [from, to). */
export async function averageRatingsByRegion(
  db: Kysely<Tables>,
  period: { from: Date; to: Date },
): Promise<{ regionId: string; average: number; ratings: number }[]> {
  const rows = await db
    .selectFrom('service_ratings')
    .select(['region_id', sql<number>`avg(score)::float8`.as('average'), sql<number>`count(*)::int`.as('ratings')])
    .where('rated_at', '>=', period.from)
    .where('rated_at', '<', period.to)
    .groupBy('region_id')
    .execute();
  return rows.map((r) => ({ regionId: r.region_id, average: Number(r.average), ratings: r.ratings }));
}
