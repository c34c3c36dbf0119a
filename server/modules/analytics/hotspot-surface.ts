import { gridDisk, latLngToCell } from 'h3-js';
import { classifyHotspots, h3StudyArea, type H3HotspotOptions, type HotspotCell } from './hotspots.js';

/**
 * Gi* hot spots over H3 cells kept up to date as incidents arrive, equal to `h3Hotspots` on the
 * updated counts.
 *
 * One incident changes one cell's count, and so the neighbourhood sums of that cell's k-ring
 * only (7 cells for k = 1); those sums are kept. It also changes the study area's mean and
 * standard deviation, and with them every cell's z: each z is recomputed from the kept sums in
 * one pass with no H3 look-ups, then the p-values are FDR-corrected again (a sort). Counts, sums
 * and the sums of squares are integers, exact in floating point, so the z-scores are the very
 * numbers a full recomputation gives. A cell outside the study area joins it, and in the default
 * study area a cell counted for the first time brings its k-ring, as `h3Hotspots` would.
 */
export class HotspotSurface {
  private readonly cells: string[];
  private readonly index: Map<string, number>;
  private readonly neighbours: number[][];
  private readonly counts: number[];
  /** Σ of the counts over each cell's neighbourhood, itself included. */
  private readonly local: number[];
  private sum = 0;
  private sumOfSquares = 0;

  /** Cells in the study area (counted cells and their rings): what the surface holds in memory. */
  get size(): number {
    return this.cells.length;
  }

  constructor(
    readonly resolution: number,
    counts: ReadonlyMap<string, number>,
    private readonly options: H3HotspotOptions,
  ) {
    const area = h3StudyArea(counts, options);
    this.cells = area.cells;
    this.neighbours = area.neighbours;
    this.index = new Map(this.cells.map((cell, i) => [cell, i]));
    this.counts = this.cells.map((cell) => counts.get(cell) ?? 0);
    this.local = this.neighbours.map((around, i) => around.reduce((s, j) => s + this.counts[j]!, this.counts[i]!));
    for (const x of this.counts) {
      this.sum += x;
      this.sumOfSquares += x * x;
    }
  }

  addIncident(point: { lon: number; lat: number }): void {
    this.addToCell(latLngToCell(point.lat, point.lon, this.resolution));
  }

  addToCell(cell: string): void {
    const i = this.index.get(cell) ?? this.join(cell);
    // In the default study area a counted cell brings its k-ring: a cell counted for the first
    // time may be new, or a zero at the edge whose outer neighbours are not in yet.
    if (!this.options.studyArea && this.counts[i] === 0) {
      for (const near of gridDisk(cell, this.options.k)) if (!this.index.has(near)) this.join(near);
    }
    this.sumOfSquares += 2 * this.counts[i]! + 1;
    this.sum += 1;
    this.counts[i]! += 1;
    this.local[i]! += 1;
    for (const j of this.neighbours[i]!) this.local[j]! += 1;
  }

  /** Every cell of the study area with z, p, q and kind, strongest hot spot first. */
  hotspots(): HotspotCell[] {
    // The same arithmetic, in the same order, as giStar.
    const n = this.cells.length;
    const mean = this.sum / n;
    const spread = Math.sqrt(Math.max(0, this.sumOfSquares / n - mean * mean));
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const weight = this.neighbours[i]!.length + 1;
      const denominator = spread * Math.sqrt((n * weight - weight * weight) / (n - 1));
      z[i] = denominator > 1e-12 ? (this.local[i]! - mean * weight) / denominator : 0;
    }
    return classifyHotspots(this.cells, this.counts, z, this.options.alpha);
  }

  /** Adds a cell with no incidents to the study area, linked both ways to the cells near it. */
  private join(cell: string): number {
    const i = this.cells.length;
    this.cells.push(cell);
    this.index.set(cell, i);
    this.counts.push(0);
    const around: number[] = [];
    let local = 0;
    for (const near of gridDisk(cell, this.options.k)) {
      const j = near === cell ? undefined : this.index.get(near);
      if (j === undefined) continue;
      around.push(j);
      this.neighbours[j]!.push(i);
      local += this.counts[j]!;
    }
    this.neighbours.push(around);
    this.local.push(local);
    return i;
  }
}
