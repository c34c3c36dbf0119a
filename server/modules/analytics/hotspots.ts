import { gridDisk, latLngToCell } from 'h3-js';
import { benjaminiHochberg, twoSidedP } from './statistics.js';

/**
 * Getis–Ord Gi* (Getis & Ord 1992; Ord & Getis 1995) with binary weights: for each area the
 * standardised sum of the counts in its neighbourhood, itself included.
 *
 * `neighbours[i]` lists the other areas near area i; i itself is always counted. Returns the
 * z-scores; where every count is equal, or a neighbourhood covers the whole study area, there is
 * nothing to compare with and z is 0.
 */
export function giStar(values: ArrayLike<number>, neighbours: readonly (readonly number[])[]): Float64Array {
  const n = values.length;
  let sum = 0;
  let sumOfSquares = 0;
  for (let i = 0; i < n; i++) {
    sum += values[i]!;
    sumOfSquares += values[i]! ** 2;
  }
  const mean = sum / n;
  const spread = Math.sqrt(Math.max(0, sumOfSquares / n - mean * mean));
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const around = neighbours[i] ?? [];
    const weight = around.length + 1;
    let local = values[i]!;
    for (const j of around) local += values[j]!;
    const denominator = spread * Math.sqrt((n * weight - weight * weight) / (n - 1));
    z[i] = denominator > 1e-12 ? (local - mean * weight) / denominator : 0;
  }
  return z;
}

export type HotspotKind = 'hot' | 'cold' | 'none';

export interface HotspotCell {
  cell: string;
  count: number;
  z: number;
  p: number;
  /** Benjamini–Hochberg adjusted p-value over all cells of the study area. */
  q: number;
  kind: HotspotKind;
}

export interface H3HotspotOptions {
  /** Neighbourhood: the cells within k steps (k-ring). */
  k: number;
  /** False discovery rate. */
  alpha: number;
  /**
   * The cells compared. Zero counts matter to Gi*, so by default every cell within k steps of
   * a counted cell is included.
   */
  studyArea?: Iterable<string>;
}

export function countByH3(points: Iterable<{ lon: number; lat: number }>, resolution: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of points) {
    const cell = latLngToCell(p.lat, p.lon, resolution);
    counts.set(cell, (counts.get(cell) ?? 0) + 1);
  }
  return counts;
}

/** Gi* over H3 cells with FDR-corrected significance, strongest hot spots first. */
export function h3Hotspots(counts: ReadonlyMap<string, number>, options: H3HotspotOptions): HotspotCell[] {
  const { cells, neighbours } = h3StudyArea(counts, options);
  const values = cells.map((cell) => counts.get(cell) ?? 0);
  return classifyHotspots(cells, values, giStar(values, neighbours), options.alpha);
}

/** The study area's cells and, for each, the indices of the other cells in its k-ring. */
export function h3StudyArea(
  counts: ReadonlyMap<string, number>,
  options: Pick<H3HotspotOptions, 'k' | 'studyArea'>,
): { cells: string[]; neighbours: number[][] } {
  const area = new Set<string>(options.studyArea ?? []);
  for (const cell of counts.keys()) {
    area.add(cell);
    if (!options.studyArea) for (const near of gridDisk(cell, options.k)) area.add(near);
  }
  const cells = [...area];
  const index = new Map(cells.map((cell, i) => [cell, i]));
  const neighbours = cells.map((cell) =>
    gridDisk(cell, options.k)
      .filter((near) => near !== cell)
      .flatMap((near) => {
        const j = index.get(near);
        return j === undefined ? [] : [j];
      }),
  );
  return { cells, neighbours };
}

/** Two-sided p, Benjamini–Hochberg q and hot/cold/none for every cell, strongest hot spots first. */
export function classifyHotspots(
  cells: readonly string[],
  values: ArrayLike<number>,
  z: ArrayLike<number>,
  alpha: number,
): HotspotCell[] {
  const p = Array.from(z, twoSidedP);
  const q = benjaminiHochberg(p);
  return cells
    .map((cell, i) => ({
      cell,
      count: values[i]!,
      z: z[i]!,
      p: p[i]!,
      q: q[i]!,
      kind: (q[i]! > alpha ? 'none' : z[i]! > 0 ? 'hot' : 'cold') as HotspotKind,
    }))
    .sort((a, b) => b.z - a.z);
}
