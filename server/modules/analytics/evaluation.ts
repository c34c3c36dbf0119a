/**
 * Hot-spot forecast accuracy at a fixed share of the study area (all cells the same size).
 *
 * - Hit rate: the share of the period's crimes that fell in the flagged cells.
 * - PAI (Chainey, Tompson & Uhlig 2008): hit rate over area share.
 * - PEI* (Hunt 2016, as scored in the NIJ Real-Time Crime Forecasting Challenge): PAI over the
 *   best PAI possible, PAI* = (n* ÷ N) ÷ (a* ÷ A), where n* is the most crimes any choice of cells of
 *   that area could have caught and a* the area of the cells that actually hold them (smaller
 *   than the flagged area when fewer cells had crimes), so 1 is a perfect forecast.
 *
 * Where scores tie at the cut-off, each tied cell counts in proportion to the area left, so the
 * flagged area is exactly the share asked for and the order of tied cells cannot matter.
 */
export interface ForecastMetrics {
  hitRate: number;
  pai: number;
  peiStar: number;
}

/** Crimes in the top `share` of cells by score, ties at the cut-off counted pro rata. */
export function capturedAtShare(scores: ArrayLike<number>, observed: ArrayLike<number>, share: number): number {
  if (!(share > 0 && share <= 1)) throw new RangeError('share must be in (0, 1]');
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const area = share * n;
  let taken = 0;
  let captured = 0;
  for (let start = 0; start < n && taken < area;) {
    let end = start;
    let crimes = 0;
    while (end < n && scores[order[end]!] === scores[order[start]!]) crimes += observed[order[end++]!]!;
    const size = end - start;
    const fraction = Math.min(1, (area - taken) / size);
    captured += crimes * fraction;
    taken += size * fraction;
    start = end;
  }
  return captured;
}

/** The metrics of one forecast against one period's counts; null when the period had no crime. */
export function forecastMetrics(scores: ArrayLike<number>, observed: ArrayLike<number>, share: number): ForecastMetrics | null {
  let total = 0;
  let cellsWithCrime = 0;
  for (let i = 0; i < observed.length; i++) {
    total += observed[i]!;
    if (observed[i]! > 0) cellsWithCrime++;
  }
  if (total === 0) return null;
  const hitRate = capturedAtShare(scores, observed, share) / total;
  const best = capturedAtShare(observed, observed, share) / total;
  const bestArea = Math.min(share * observed.length, cellsWithCrime) / observed.length;
  const pai = hitRate / share;
  return { hitRate, pai, peiStar: pai / (best / bestArea) };
}
