/**
 * Kernel density estimation on a regular grid with the quartic (biweight) kernel, the kernel of
 * most crime-mapping software: K(d) = 3 / (π h²) · (1 − d²/h²)² for d < h, zero beyond.
 */
export interface Grid {
  /** South-west corner of the first cell, in the points' projected metres. */
  originX: number;
  originY: number;
  cellSize: number;
  columns: number;
  rows: number;
}

export interface WeightedPoint {
  x: number;
  y: number;
  weight?: number;
}

/** The smallest grid of the given cell size covering the points plus a margin on every side. */
export function gridAround(points: readonly WeightedPoint[], cellSize: number, margin: number): Grid {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  if (points.length === 0) [minX, minY, maxX, maxY] = [0, 0, 0, 0];
  const originX = Math.floor((minX - margin) / cellSize) * cellSize;
  const originY = Math.floor((minY - margin) / cellSize) * cellSize;
  return {
    originX,
    originY,
    cellSize,
    columns: Math.floor((maxX + margin - originX) / cellSize) + 1,
    rows: Math.floor((maxY + margin - originY) / cellSize) + 1,
  };
}

/**
 * Density at each cell centre in events per square unit (per m² with metres), row by row from
 * the south-west. Each point touches only the cells within one bandwidth of it.
 */
export function quarticDensity(points: readonly WeightedPoint[], grid: Grid, bandwidth: number): Float64Array {
  if (!(bandwidth > 0)) throw new RangeError('bandwidth must be positive');
  const density = new Float64Array(grid.columns * grid.rows);
  for (const p of points) addKernel(density, grid, bandwidth, p);
  return density;
}

/** Adds one point's kernel to a density grid in place: the cells within one bandwidth of it. */
export function addKernel(density: Float64Array, grid: Grid, bandwidth: number, p: WeightedPoint): void {
  const h2 = bandwidth * bandwidth;
  const weight = (p.weight ?? 1) * (3 / (Math.PI * bandwidth * bandwidth));
  const { originX, originY, cellSize, columns, rows } = grid;
  const c0 = Math.max(0, Math.ceil((p.x - bandwidth - originX) / cellSize - 0.5));
  const c1 = Math.min(columns - 1, Math.floor((p.x + bandwidth - originX) / cellSize - 0.5));
  const r0 = Math.max(0, Math.ceil((p.y - bandwidth - originY) / cellSize - 0.5));
  const r1 = Math.min(rows - 1, Math.floor((p.y + bandwidth - originY) / cellSize - 0.5));
  for (let r = r0; r <= r1; r++) {
    const dy = originY + (r + 0.5) * cellSize - p.y;
    for (let c = c0; c <= c1; c++) {
      const dx = originX + (c + 0.5) * cellSize - p.x;
      const u = (dx * dx + dy * dy) / h2;
      if (u < 1) density[r * columns + c]! += weight * (1 - u) * (1 - u);
    }
  }
}
