import { cellToParent, latLngToCell } from 'h3-js';

/** The finest cell a crime is ever published at: resolution 9, about 0.1 km². */
export const FINEST_RESOLUTION = 9;
/** A published cell stands for at least this many distinct true locations. */
export const MIN_LOCATIONS = 3;

export interface TruePoint {
  id: string;
  lon: number;
  lat: number;
}

/**
 * The H3 cell each crime of one month is published at, or null when even a resolution-0 cell
 * would not hide it among enough others (the crime is then published without a location).
 *
 * Works from the finest resolution up: a cell holding at least MIN_LOCATIONS distinct locations
 * among the crimes still waiting publishes them; the rest move to the parent cell and are
 * counted again there, among themselves only. Counting a parent's crimes that were already
 * published at a finer cell would let a lone crime hide behind neighbours who are not beside it
 * on the map, so every published cell's own crimes come from MIN_LOCATIONS places.
 */
export function anonymisedCells(points: readonly TruePoint[]): Map<string, string | null> {
  const result = new Map<string, string | null>();
  let waiting = points.map((p) => ({ point: p, cell: latLngToCell(p.lat, p.lon, FINEST_RESOLUTION) }));
  for (let resolution = FINEST_RESOLUTION; resolution >= 0 && waiting.length > 0; resolution--) {
    if (resolution < FINEST_RESOLUTION) {
      waiting = waiting.map((w) => ({ point: w.point, cell: cellToParent(w.cell, resolution) }));
    }
    const byCell = new Map<string, typeof waiting>();
    for (const w of waiting) {
      const group = byCell.get(w.cell);
      if (group) group.push(w);
      else byCell.set(w.cell, [w]);
    }
    waiting = [];
    for (const [cell, group] of byCell) {
      const places = new Set(group.map((w) => `${w.point.lon} ${w.point.lat}`));
      if (places.size >= MIN_LOCATIONS) for (const w of group) result.set(w.point.id, cell);
      else waiting.push(...group);
    }
  }
  for (const w of waiting) result.set(w.point.id, null);
  return result;
}
