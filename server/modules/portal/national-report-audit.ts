/**
 * The second look at the National Report's published cells: suppression.ts audits each
 * category's tree (country → regions) alone, but the public also knows sums across categories.
 * The open data's crime records are counted by data.police.uk category, and several of our
 * categories share one (phone theft and theft from the person; fraud, internet fraud and other
 * crime…), so a region's total of such a group can be counted from the records. With those
 * totals, a hidden phone-theft count would be the group's total minus the shown theft from the
 * person.
 *
 * So the cells of one counted span are audited once more, all categories together, by the
 * attacker's own method (interval propagation, as suppression.ts does for one tree) over every
 * equation the public has: each category's country = Σ its regions, and each area's group total
 * (taken as known exactly) = Σ the group's categories there. While a hidden cell is pinned to
 * one value, one more cell of one of its equations is hidden (a zero first, by keyed rank, shown
 * truthfully as "fewer than 5"; else the smallest, "withheld").
 */
import type { Published } from './suppression.js';

/** Far above any count, so "at least 5" has an upper end the arithmetic can handle. */
const UNBOUNDED = 1e12;

export interface AuditCell {
  id: string;
  count: number;
  /** The public knows this count exactly (a group's total): never hidden, never a secret. */
  known: boolean;
}

/** total = Σ parts, by cell index. */
export interface Equation {
  total: number;
  parts: number[];
}

type Mark = Published['kind'];

function bounds(mark: Mark, count: number, known: boolean): [number, number] {
  if (known || mark === 'count') return [count, count];
  return mark === 'fewer-than-5' ? [0, 4] : [5, UNBOUNDED];
}

/** What someone who knows the marks, the known cells and every equation can narrow each cell to. */
export function propagateEquations(
  cells: readonly AuditCell[],
  marks: readonly Mark[],
  equations: readonly Equation[],
): [number, number][] {
  const lo: number[] = [];
  const hi: number[] = [];
  cells.forEach((cell, i) => {
    const [l, h] = bounds(marks[i]!, cell.count, cell.known);
    lo.push(l);
    hi.push(h);
  });
  for (let changed = true, rounds = 0; changed && rounds < 10_000; rounds++) {
    changed = false;
    for (const { total, parts } of equations) {
      let sumLo = 0;
      let sumHi = 0;
      for (const k of parts) {
        sumLo += lo[k]!;
        sumHi += hi[k]!;
      }
      const tLo = Math.max(lo[total]!, sumLo);
      const tHi = Math.min(hi[total]!, sumHi);
      if (tLo !== lo[total] || tHi !== hi[total]) {
        [lo[total], hi[total]] = [tLo, tHi];
        changed = true;
      }
      for (const k of parts) {
        const kLo = Math.max(lo[k]!, lo[total]! - (sumHi - hi[k]!));
        const kHi = Math.min(hi[k]!, hi[total]! - (sumLo - lo[k]!));
        if (kLo !== lo[k] || kHi !== hi[k]) {
          [lo[k], hi[k]] = [kLo, kHi];
          changed = true;
        }
      }
    }
  }
  return lo.map((l, i) => [l, hi[i]!]);
}

/**
 * Hides further cells until no hidden cell is pinned by the equations. `marks` are the marks
 * suppression.ts gave each tree; the result keeps every one of them hidden.
 */
export function auditAcross(
  cells: readonly AuditCell[],
  initial: readonly Mark[],
  equations: readonly Equation[],
  rank: (id: string) => number,
): Mark[] {
  const marks = [...initial];
  const membership: number[][] = cells.map(() => []);
  equations.forEach((e, n) => [e.total, ...e.parts].forEach((i) => membership[i]!.push(n)));
  const markOf = (i: number): Mark => (cells[i]!.count < 5 ? 'fewer-than-5' : 'withheld');
  /**
   * Hides one more of `candidates`: a zero first (by keyed rank), else the smallest; but not one
   * that another equation pins at once (a zero theft of livestock beside a shown "other theft"
   * whose record total is known), while another would do: hiding it would protect nothing and
   * only start a chain of hiding.
   */
  const hideOne = (candidates: number[]): boolean => {
    const open = candidates.filter((i) => marks[i] === 'count' && !cells[i]!.known);
    if (open.length === 0) return false;
    open.sort(
      (a, b) =>
        Number(cells[b]!.count === 0) - Number(cells[a]!.count === 0) ||
        cells[a]!.count - cells[b]!.count ||
        rank(cells[a]!.id) - rank(cells[b]!.id),
    );
    const free = open.find((i) => {
      marks[i] = markOf(i);
      const [lo, hi] = propagateEquations(cells, marks, equations)[i]!;
      marks[i] = 'count';
      return lo !== hi;
    });
    const chosen = free ?? open[0]!;
    marks[chosen] = markOf(chosen);
    return true;
  };
  // Each pass hides one more cell, so there are at most as many passes as cells.
  for (let pass = 0; pass < cells.length; pass++) {
    const ranges = propagateEquations(cells, marks, equations);
    const members = (n: number) => [equations[n]!.total, ...equations[n]!.parts];
    const pinned = cells.flatMap((cell, i) =>
      marks[i] !== 'count' && !cell.known && ranges[i]![0] === ranges[i]![1] ? [i] : [],
    );
    // An equation pins a cell outright when its other cells are all shown or known: one more
    // hidden cell there frees it. Such pairs are seen to first; a cell pinned only through
    // neighbours pinned elsewhere is often freed when they are. Then any pinned cell, in any of
    // its equations that has a cell left to hide. A cell whose every neighbour is hidden or known
    // is disclosed by what is known anyway.
    const pins = (i: number, n: number) => members(n).every((k) => k === i || marks[k] === 'count' || cells[k]!.known);
    const hidden =
      pinned.some((i) => membership[i]!.some((n) => pins(i, n) && hideOne(members(n)))) ||
      pinned.some((i) => membership[i]!.some((n) => hideOne(members(n))));
    if (!hidden) break;
  }
  return marks;
}
