import type { Jurisdiction } from '../../../common/roles.js';
import type { Db } from '../../db/connection.js';
import { narrowArea } from './area.js';
import { INDICATORS, wilsonInterval, type IndicatorDefinition } from './indicator-definitions.js';
import type { IndicatorsView, IndicatorView } from './indicator-schema.js';
import { observationsOf, type Observation } from './indicator-store.js';

/**
 * One indicator's value from its observations. Several regions are pooled by adding numerators
 * and denominators: for surveys that treats the regional samples as one unweighted sample (a
 * national survey's own weights would be better, and should replace this when they exist).
 */
export function indicatorValue(definition: IndicatorDefinition, observations: readonly Observation[]): IndicatorView {
  const own = observations.filter((o) => o.indicator === definition.id);
  const numerator = own.reduce((sum, o) => sum + o.numerator, 0);
  const denominator = own.reduce((sum, o) => sum + o.denominator, 0);
  const observed = own.length > 0 && denominator > 0;
  const scale = definition.unit === 'percent' ? 100 : 100_000;
  return {
    id: definition.id,
    name: definition.name,
    unit: definition.unit,
    direction: definition.direction,
    kind: definition.kind,
    value: observed ? (numerator / denominator) * scale : null,
    ci95: observed && definition.kind === 'survey' ? wilsonInterval(numerator, denominator) : null,
    numerator: observed ? numerator : null,
    denominator: observed ? denominator : null,
    regionsObserved: new Set(own.map((o) => o.regionId)).size,
    baseline: definition.baseline,
    target: definition.target,
    source: definition.source,
    dataSources: [...new Set(own.map((o) => o.source))],
    method: definition.method,
    demo: own.some((o) => o.demo),
    conceptLine: definition.conceptLine,
  };
}

/** The five indicators for a year in a region, or pooled over the country; a region-level caller sees only their own region. */
export async function findIndicators(
  db: Db,
  jurisdiction: Jurisdiction,
  query: { year: number; regionId?: string },
): Promise<IndicatorsView> {
  // The route admits region and country callers only: survey samples are drawn per region.
  const area = narrowArea(jurisdiction, query);
  const observations = await observationsOf(db, query.year, area.regionId);
  return {
    year: query.year,
    regionId: area.regionId ?? null,
    indicators: INDICATORS.map((definition) => indicatorValue(definition, observations)),
  };
}
