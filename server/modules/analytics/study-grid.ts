import type { Grid } from './density.js';

/** An event in projected metres and time in days (fractional: hours matter to self-excitation). */
export interface SpaceTimeEvent {
  x: number;
  y: number;
  t: number;
}

/**
 * The study area of a forecast: every square cell (aligned on multiples of the cell size) that
 * holds at least one input event, as in the NIJ Real-Time Crime Forecasting Challenge.
 */
export interface StudyGrid {
  cellSize: number;
  /** The bounding rectangle of the study cells, for kernel density. */
  bounds: Grid;
  /** For each study cell, its column and row in `bounds`. */
  columns: Int32Array;
  rows: Int32Array;
  size: number;
  /** Study cell index of a point, or undefined outside the study area. */
  cellOf(x: number, y: number): number | undefined;
  /** Study cell index at a column and row of `bounds`. */
  cellAt(column: number, row: number): number | undefined;
}

export function studyGrid(events: readonly SpaceTimeEvent[], cellSize: number): StudyGrid {
  if (!(cellSize > 0)) throw new RangeError('cellSize must be positive');
  let [minC, minR, maxC, maxR] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const e of events) {
    const [c, r] = [Math.floor(e.x / cellSize), Math.floor(e.y / cellSize)];
    [minC, minR, maxC, maxR] = [Math.min(minC, c), Math.min(minR, r), Math.max(maxC, c), Math.max(maxR, r)];
  }
  if (events.length === 0) [minC, minR, maxC, maxR] = [0, 0, -1, -1];
  const bounds: Grid = {
    originX: minC * cellSize,
    originY: minR * cellSize,
    cellSize,
    columns: maxC - minC + 1,
    rows: maxR - minR + 1,
  };
  const lookup = new Int32Array(bounds.columns * bounds.rows).fill(-1);
  const columns: number[] = [];
  const rows: number[] = [];
  for (const e of events) {
    const [c, r] = [Math.floor(e.x / cellSize) - minC, Math.floor(e.y / cellSize) - minR];
    if (lookup[r * bounds.columns + c] === -1) {
      lookup[r * bounds.columns + c] = columns.length;
      columns.push(c);
      rows.push(r);
    }
  }
  const cellAt = (column: number, row: number): number | undefined => {
    if (column < 0 || row < 0 || column >= bounds.columns || row >= bounds.rows) return undefined;
    const index = lookup[row * bounds.columns + column]!;
    return index === -1 ? undefined : index;
  };
  return {
    cellSize,
    bounds,
    columns: Int32Array.from(columns),
    rows: Int32Array.from(rows),
    size: columns.length,
    cellAt,
    cellOf: (x, y) => cellAt(Math.floor(x / cellSize) - minC, Math.floor(y / cellSize) - minR),
  };
}

/** Events per study cell; events outside the study area are ignored. */
export function countPerCell(grid: StudyGrid, events: Iterable<SpaceTimeEvent>): Float64Array {
  const counts = new Float64Array(grid.size);
  for (const e of events) {
    const cell = grid.cellOf(e.x, e.y);
    if (cell !== undefined) counts[cell]! += 1;
  }
  return counts;
}

/** Index of the first event at or after time t in events sorted by time. */
export function firstAtOrAfter(events: readonly SpaceTimeEvent[], t: number): number {
  let [low, high] = [0, events.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (events[middle]!.t < t) low = middle + 1;
    else high = middle;
  }
  return low;
}
