import { seededRandom, shuffle } from './random.js';

/**
 * The Knox test as Ratcliffe's Near Repeat Calculator runs it: every pair of events is counted
 * in a table of spatial × temporal bands, and the expected table comes from Monte Carlo
 * permutations of the event times over the fixed locations.
 *
 * Bands follow the calculator (checked against its verbose output on Chicago 2016):
 * - space: same location (d = 0), then (0, b], (b, 2b], …, (k·b − b, k·b], and "more than k·b";
 * - time: gaps [0, w), [w, 2w), …, and "more than" (≥ m·w). With whole days and w = 2, the bands
 *   the calculator labels "0 to 2" and "3 to 4" hold gaps of 0–1 and 2–3 days.
 */
export interface NearRepeatEvent {
  /** Projected coordinates in metres (Euclidean distance is taken on them as given). */
  x: number;
  y: number;
  /** Time in days; whole day numbers reproduce the calculator, which works on dates. */
  t: number;
}

export interface NearRepeatOptions {
  spatialBandwidth: number;
  spatialBands: number;
  temporalBandwidth: number;
  temporalBands: number;
  /** Permutations; the calculator's "20 iterations" are 19 permutations plus the observed one. */
  iterations: number;
  seed: number;
}

/** A band [from, to]; `to` is null for the open "more than" band. */
export interface Band {
  from: number;
  to: number | null;
}

export interface NearRepeatResult {
  spatialBands: Band[];
  temporalBands: Band[];
  /** [spatial band][temporal band] pair counts. */
  observed: number[][];
  /** Mean of the permuted counts. */
  expected: number[][];
  /** Observed over mean expected; null where nothing was expected. */
  knoxRatio: (number | null)[][];
  /** One-sided Monte Carlo p-value: (1 + permutations with a count ≥ observed) / (iterations + 1). */
  pValue: number[][];
  iterations: number;
  pairs: number;
}

/** Pairs closer than the largest finite spatial band, with their spatial band (fixed under permutation). */
interface ClosePairs {
  first: Int32Array;
  second: Int32Array;
  band: Uint8Array;
}

export function knoxTest(events: readonly NearRepeatEvent[], options: NearRepeatOptions): NearRepeatResult {
  validate(options);
  const { spatialBands: rows, temporalBands: columns } = options;
  const times = Float64Array.from(events, (e) => e.t);
  const pairs = closePairs(events, options);
  const totals = pairsPerTemporalBand(times, options);

  const observed = countTable(pairs, times, totals, options);
  const sums = table(rows + 2, columns + 1);
  const atLeastObserved = table(rows + 2, columns + 1);
  const random = seededRandom(options.seed);
  const permuted = Float64Array.from(times);
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    const counts = countTable(pairs, shuffle(permuted, random), totals, options);
    forEachCell(counts, (s, t, value) => {
      sums[s]![t]! += value;
      if (value >= observed[s]![t]!) atLeastObserved[s]![t]! += 1;
    });
  }

  const expected = sums.map((row) => row.map((sum) => sum / options.iterations));
  return {
    spatialBands: bands(options.spatialBandwidth, rows, true),
    temporalBands: bands(options.temporalBandwidth, columns, false),
    observed,
    expected,
    knoxRatio: observed.map((row, s) => row.map((value, t) => (expected[s]![t]! > 0 ? value / expected[s]![t]! : null))),
    pValue: atLeastObserved.map((row) => row.map((count) => (1 + count) / (options.iterations + 1))),
    iterations: options.iterations,
    pairs: (events.length * (events.length - 1)) / 2,
  };
}

function validate(o: NearRepeatOptions): void {
  for (const [name, value] of [
    ['spatialBandwidth', o.spatialBandwidth],
    ['temporalBandwidth', o.temporalBandwidth],
  ] as const) {
    if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be a positive number`);
  }
  for (const [name, value, max] of [
    ['spatialBands', o.spatialBands, 254],
    ['temporalBands', o.temporalBands, 1000],
    ['iterations', o.iterations, 100_000],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > max) throw new RangeError(`${name} must be an integer in 1..${max}`);
  }
}

/**
 * Finds every pair within the largest finite distance band through a uniform grid of that cell
 * size, so the work grows with the close pairs, not with all n² pairs.
 */
function closePairs(events: readonly NearRepeatEvent[], o: NearRepeatOptions): ClosePairs {
  const reach = o.spatialBandwidth * o.spatialBands;
  const cells = new Map<string, number[]>();
  events.forEach((e, i) => {
    const key = `${Math.floor(e.x / reach)},${Math.floor(e.y / reach)}`;
    const members = cells.get(key);
    if (members) members.push(i);
    else cells.set(key, [i]);
  });

  const first: number[] = [];
  const second: number[] = [];
  const band: number[] = [];
  const consider = (i: number, j: number): void => {
    const a = events[i]!;
    const b = events[j]!;
    const d = Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2);
    const s = d === 0 ? 0 : Math.ceil(d / o.spatialBandwidth);
    if (s > o.spatialBands) return;
    first.push(i);
    second.push(j);
    band.push(s);
  };
  // Each unordered pair of neighbouring cells is visited once: the cell itself and four of its
  // eight neighbours.
  const forward = [
    [1, -1],
    [1, 0],
    [1, 1],
    [0, 1],
  ] as const;
  for (const [key, members] of cells) {
    const [cx, cy] = key.split(',').map(Number) as [number, number];
    for (let p = 0; p < members.length; p++) {
      for (let q = p + 1; q < members.length; q++) consider(members[p]!, members[q]!);
    }
    for (const [dx, dy] of forward) {
      const other = cells.get(`${cx + dx},${cy + dy}`);
      if (!other) continue;
      for (const i of members) for (const j of other) consider(i, j);
    }
  }
  return { first: Int32Array.from(first), second: Int32Array.from(second), band: Uint8Array.from(band) };
}

/**
 * Pairs per temporal band over all distances. A permutation of times keeps the multiset of
 * times, so these totals are the same in every iteration: the "more than" distance row is the
 * total minus the close rows, without visiting the far pairs.
 */
function pairsPerTemporalBand(times: Float64Array, o: NearRepeatOptions): number[] {
  const sorted = Float64Array.from(times).sort();
  const n = sorted.length;
  const within: number[] = [];
  for (let b = 1; b <= o.temporalBands; b++) {
    const limit = b * o.temporalBandwidth;
    let count = 0;
    let start = 0;
    for (let j = 0; j < n; j++) {
      while (sorted[j]! - sorted[start]! >= limit) start++;
      count += j - start;
    }
    within.push(count);
  }
  const cumulative = [...within, (n * (n - 1)) / 2];
  return cumulative.map((count, b) => count - (b === 0 ? 0 : cumulative[b - 1]!));
}

function countTable(pairs: ClosePairs, times: Float64Array, totals: number[], o: NearRepeatOptions): number[][] {
  const lastColumn = o.temporalBands;
  const counts = table(o.spatialBands + 2, lastColumn + 1);
  for (let p = 0; p < pairs.band.length; p++) {
    const gap = Math.abs(times[pairs.first[p]!]! - times[pairs.second[p]!]!);
    const t = Math.min(Math.floor(gap / o.temporalBandwidth), lastColumn);
    counts[pairs.band[p]!]![t]! += 1;
  }
  const farRow = counts[o.spatialBands + 1]!;
  for (let t = 0; t <= lastColumn; t++) {
    let close = 0;
    for (let s = 0; s <= o.spatialBands; s++) close += counts[s]![t]!;
    farRow[t] = totals[t]! - close;
  }
  return counts;
}

function bands(width: number, count: number, withSameLocation: boolean): Band[] {
  const finite = Array.from({ length: count }, (_, i) => ({ from: i * width, to: (i + 1) * width }));
  const open = { from: count * width, to: null };
  return withSameLocation ? [{ from: 0, to: 0 }, ...finite, open] : [...finite, open];
}

function table(rows: number, columns: number): number[][] {
  return Array.from({ length: rows }, () => new Array<number>(columns).fill(0));
}

function forEachCell(values: number[][], visit: (row: number, column: number, value: number) => void): void {
  values.forEach((row, r) => row.forEach((value, c) => visit(r, c, value)));
}
