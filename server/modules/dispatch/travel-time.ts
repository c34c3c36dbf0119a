import type { UnitKind } from './schema.js';

export interface LonLat {
  lon: number;
  lat: number;
}

export interface TravelCandidate extends LonLat {
  kind: UnitKind;
}

/**
 * Estimated travel times in seconds from each candidate to the incident, in the candidates'
 * order. One call for all candidates, because routing engines (OSRM's table service, Valhalla's
 * matrix) answer a many-to-one question in one request.
 */
export interface TravelTimeEstimator {
  estimate(to: LonLat, from: readonly TravelCandidate[]): Promise<number[]>;
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres. */
export function haversineMeters(a: LonLat, b: LonLat): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Roads are longer than the straight line: 1.4 is the usual detour index of city street networks. */
export const ROAD_FACTOR = 1.4;

/** Average speeds in town including junctions and traffic, km/h. */
export const AVERAGE_SPEED_KMH: Readonly<Record<UnitKind, number>> = {
  patrol_car: 40,
  motorcycle: 45,
  bicycle: 15,
  foot: 5,
};

/** The default when no routing engine is configured: straight line × road factor ÷ average speed of the unit's kind. */
export const straightLineEstimator: TravelTimeEstimator = {
  async estimate(to, from) {
    return from.map((c) => (haversineMeters(c, to) * ROAD_FACTOR) / ((AVERAGE_SPEED_KMH[c.kind] * 1000) / 3600));
  },
};
