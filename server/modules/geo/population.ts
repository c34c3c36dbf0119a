/**
 * Splits a whole number in proportion to weights, by largest remainders, so the parts are
 * whole and add up exactly to the total. Ties go to the earlier weight, which keeps it
 * deterministic.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (!(sum > 0) || weights.some((w) => w < 0)) throw new RangeError('weights must be non-negative with a positive sum');
  const quotas = weights.map((w) => (total * w) / sum);
  const parts = quotas.map(Math.floor);
  const byRemainder = quotas.map((q, i) => ({ i, r: q - Math.floor(q) })).sort((a, b) => b.r - a.r || a.i - b.i);
  let left = total - parts.reduce((s, p) => s + p, 0);
  for (const { i } of byRemainder) {
    if (left-- <= 0) break;
    parts[i]! += 1;
  }
  return parts;
}

export interface RegionFigure {
  id: string;
  /** Null where no source was found. */
  population: number | null;
  areaKm2: number;
}

/**
 * Regions' populations: the published figure where there is one; the regions without one share
 * what the national total leaves, by area, and are marked estimated.
 */
export function regionPopulations(national: number, regions: readonly RegionFigure[]) {
  const unknown = regions.filter((r) => r.population === null);
  const known = regions.reduce((s, r) => s + (r.population ?? 0), 0);
  if (known > national) throw new RangeError('the regions add up to more than the national total');
  const shares = unknown.length
    ? apportion(
        national - known,
        unknown.map((r) => r.areaKm2),
      )
    : [];
  const estimates = new Map(unknown.map((r, i) => [r.id, shares[i]!]));
  return regions.map((r) => ({ id: r.id, population: r.population ?? estimates.get(r.id)!, estimated: r.population === null }));
}

export interface DistrictFigure {
  id: string;
  regionId: string;
  kind: 'city' | 'district' | 'city_district';
  areaKm2: number;
}

/**
 * About half the people of the oblasts live in their cities: 62 % of Kazakhstan is urban, and
 * Astana, Almaty and Shymkent account for a quarter of the country. Splitting an oblast by bare
 * area would give a regional centre of 500 000 a few thousand people (and two beats).
 */
export const URBAN_SHARE = 0.5;
/** Beyond this, a city administration's land is mostly steppe and villages. */
export const CITY_LAND_CAP_KM2 = 500;

/**
 * No district has a published figure, so each region's population is estimated: in an oblast its
 * city administrations share half of it by their (capped) area and the other districts share the
 * rest by area; a city of republican significance is split among its districts by area.
 */
export function districtPopulations(regions: ReadonlyMap<string, number>, districts: readonly DistrictFigure[]) {
  const result = new Map<string, number>();
  const split = (total: number, parts: readonly DistrictFigure[], weight: (d: DistrictFigure) => number) =>
    apportion(total, parts.map(weight)).forEach((p, i) => result.set(parts[i]!.id, p));
  for (const [regionId, population] of regions) {
    const inRegion = districts.filter((d) => d.regionId === regionId);
    const cities = inRegion.filter((d) => d.kind === 'city');
    const others = inRegion.filter((d) => d.kind !== 'city');
    if (cities.length === 0 || others.length === 0) {
      split(population, inRegion, (d) => d.areaKm2);
      continue;
    }
    const urban = Math.round(population * URBAN_SHARE);
    split(urban, cities, (d) => Math.min(d.areaKm2, CITY_LAND_CAP_KM2));
    split(population - urban, others, (d) => d.areaKm2);
  }
  return result;
}
