import type { Db } from '../../db/connection.js';
import type { IndicatorId } from './tables.js';
import './tables.js';

export interface Observation {
  indicator: IndicatorId;
  regionId: string;
  year: number;
  numerator: number;
  denominator: number;
  source: string;
  demo: boolean;
}

/** Every observation of a year, in one region or all. */
export async function observationsOf(db: Db, year: number, regionId?: string): Promise<Observation[]> {
  let query = db
    .selectFrom('indicator_observations')
    .select(['indicator', 'region_id', 'year', 'numerator', 'denominator', 'source', 'demo'])
    .where('year', '=', year);
  if (regionId !== undefined) query = query.where('region_id', '=', regionId);
  const rows = await query.orderBy('region_id').orderBy('indicator').execute();
  return rows.map((r) => ({
    indicator: r.indicator,
    regionId: r.region_id,
    year: r.year,
    numerator: r.numerator,
    denominator: r.denominator,
    source: r.source,
    demo: r.demo,
  }));
}

export async function insertObservations(db: Db, observations: readonly Observation[]): Promise<void> {
  if (observations.length === 0) return;
  await db
    .insertInto('indicator_observations')
    .values(
      observations.map((o) => ({
        indicator: o.indicator,
        region_id: o.regionId,
        year: o.year,
        kind: o.indicator === 'road-deaths' ? ('register' as const) : ('survey' as const),
        numerator: o.numerator,
        denominator: o.denominator,
        source: o.source,
        demo: o.demo,
      })),
    )
    .onConflict((oc) => oc.columns(['indicator', 'region_id', 'year']).doNothing())
    .execute();
}
