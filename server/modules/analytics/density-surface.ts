import { addKernel, quarticDensity, type Grid, type WeightedPoint } from './density.js';

/**
 * A quartic kernel density surface kept up to date as incidents arrive. A density is a sum of
 * kernels, so a new incident adds its own footprint — the cells within one bandwidth of it — and
 * nothing else changes: the result is the full recomputation with that point last, not an
 * approximation. The grid is fixed; a point near or beyond its edge is cut off exactly as a full
 * recomputation on the same grid would cut it.
 */
export class DensitySurface {
  /** Events per square unit at each cell centre, row by row from the south-west. */
  readonly density: Float64Array;

  constructor(
    readonly grid: Grid,
    readonly bandwidth: number,
    points: readonly WeightedPoint[] = [],
  ) {
    this.density = quarticDensity(points, grid, bandwidth);
  }

  add(point: WeightedPoint): void {
    addKernel(this.density, this.grid, this.bandwidth, point);
  }
}
