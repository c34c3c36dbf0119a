/**
 * Change-points in a series by PELT, the Pruned Exact Linear Time search of Killick, Fearnhead
 * and Eckley (2012, "Optimal detection of changepoints with a linear computational cost", JASA
 * 107(500): 1590–1598). It finds the segmentation that minimises the sum of segment costs plus a
 * penalty per change-point exactly, pruning start positions that can never be optimal again.
 *
 * Costs are twice the negative log-likelihood of a segment at its fitted mean, so the penalty is
 * on the scale of a likelihood-ratio statistic. The default penalty is the BIC one of the R
 * package `changepoint` (Killick & Eckley 2014, JSS 58(3)) for a change in mean: 2·log(n), one
 * parameter for the new mean and one for the location.
 */

export type SegmentCost = (sum: number, sumOfSquares: number, length: number) => number;

/** Poisson counts: 2·(n·λ − S·log λ) at λ = S/n, the data's own log-factorial term dropped (it cancels). */
export const poissonCost: SegmentCost = (sum, _squares, length) => (sum <= 0 ? 0 : 2 * (sum - sum * Math.log(sum / length)));

/** Normal with known variance σ²: the residual sum of squares over σ². */
export function normalMeanCost(variance: number): SegmentCost {
  if (!(variance > 0)) throw new RangeError('the variance must be positive');
  return (sum, squares, length) => Math.max(0, squares - (sum * sum) / length) / variance;
}

export interface ChangePointOptions {
  cost: SegmentCost;
  /** Added per change-point; default 2·log(n). */
  penalty?: number;
  /** The shortest segment allowed (default 2). */
  minSegment?: number;
}

/**
 * Indices where a new segment starts (each in 1…n−1), in order. A series shorter than two
 * minimum segments has none.
 */
export function pelt(series: readonly number[], options: ChangePointOptions): number[] {
  const n = series.length;
  const minSegment = Math.max(1, options.minSegment ?? 2);
  if (n < 2 * minSegment) return [];
  const penalty = options.penalty ?? 2 * Math.log(n);
  const sums = [0];
  const squares = [0];
  for (const y of series) {
    sums.push(sums.at(-1)! + y);
    squares.push(squares.at(-1)! + y * y);
  }
  const cost = (from: number, to: number) => options.cost(sums[to]! - sums[from]!, squares[to]! - squares[from]!, to - from);

  // best[t]: the least penalised cost of y[0, t); last[t]: where its final segment starts.
  const best = new Array<number>(n + 1).fill(Infinity);
  const last = new Array<number>(n + 1).fill(0);
  best[0] = -penalty;
  let candidates = [0];
  for (let t = minSegment; t <= n; t++) {
    let bestValue = Infinity;
    let bestStart = 0;
    const values = new Map<number, number>();
    for (const s of candidates) {
      if (t - s < minSegment) continue;
      const value = best[s]! + cost(s, t) + penalty;
      values.set(s, value);
      if (value < bestValue) {
        bestValue = value;
        bestStart = s;
      }
    }
    best[t] = bestValue;
    last[t] = bestStart;
    // The pruning rule (Killick et al. 2012, Theorem 3.1): a start that is already worse by more
    // than the penalty can never become optimal later.
    candidates = candidates.filter((s) => {
      const value = values.get(s);
      return value === undefined || value - penalty <= bestValue;
    });
    if (t + 1 - minSegment >= minSegment) candidates.push(t + 1 - minSegment);
  }
  const changes: number[] = [];
  for (let t = n; last[t]! > 0; t = last[t]!) changes.unshift(last[t]!);
  return changes;
}

/**
 * A robust estimate of the noise variance around a piecewise-constant mean: the median absolute
 * deviation of first differences, which a few jumps barely move (Killick & Eckley 2014 advise
 * estimating it this way rather than from the raw series, whose variance the changes inflate).
 */
export function differenceVariance(series: readonly number[]): number {
  const differences = series.slice(1).map((y, i) => y - series[i]!);
  if (differences.length === 0) return 1;
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  const centre = median(differences);
  const mad = median(differences.map((d) => Math.abs(d - centre)));
  // 1.4826 turns a MAD into a normal σ; a difference has twice the variance of one value.
  const sigma = (1.4826 * mad) / Math.SQRT2;
  return sigma > 0 ? sigma * sigma : 1;
}

export interface Segment {
  start: number;
  end: number;
  mean: number;
}

/** The segments between change-points, with their means. */
export function segmentsOf(series: readonly number[], changes: readonly number[]): Segment[] {
  const bounds = [0, ...changes, series.length];
  return bounds.slice(1).map((end, i) => {
    const start = bounds[i]!;
    const part = series.slice(start, end);
    return { start, end, mean: part.reduce((a, b) => a + b, 0) / Math.max(1, part.length) };
  });
}
