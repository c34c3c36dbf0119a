/**
 * Small-count suppression for every aggregate the portal publishes (area counts, charts,
 * downloads): a count from 1 to 4 is never shown, and none can be worked out by subtracting
 * published numbers from one another.
 *
 * The published numbers form one table per month and category: a tree of areas (country →
 * regions → districts → beats, or down to districts for sensitive categories) in which each
 * area's count is the sum of its children's. Three rules keep a hidden count hidden:
 *
 * 1. Primary suppression: a count from 1 to 4 is shown as "fewer than 5".
 * 2. Secondary suppression, checked by the attacker's own method. After the primary step the
 *    table is audited by interval propagation: every hidden cell starts as the interval its
 *    label allows ([0, 4] for "fewer than 5", [5, ∞) for "withheld") and every equation
 *    parent = Σ children is used, again and again, to narrow the intervals, exactly as someone
 *    subtracting published totals of overlapping areas would. Whenever a hidden cell's interval
 *    narrows to a single value, one more cell next to it is hidden (a zero sibling first, shown
 *    truthfully as "fewer than 5"; else the smallest sibling, shown as "withheld"; else a child;
 *    else the parent), and the audit runs again. Every hidden area also hides at least one of its
 *    children, so that its children do not add up to it. Which zero is hidden is chosen by a
 *    keyed rank the public cannot compute, so the choice itself tells nothing.
 * 3. Totals across months or categories (the 24-month figure, rates) are never computed
 *    from the true counts: they are sums of the cells as published, with hidden cells counted
 *    apart (`sumPublished`). A hidden cell therefore takes no part in any such total, and a
 *    sliding 24-month window cannot be differenced against the months it drops and adds.
 *
 * Record-level open data (crimes-street, crimes-no-location) lets anyone count a force's crimes
 * of a street-level category exactly, so for those tables the audit is told that region and
 * country counts are known to the public; sensitive categories appear in no record-level answer.
 * Where a known total and the "fewer than 5" labels alone fix a count (a force with one beat, a
 * known 8 split between two cells of fewer than 5), no hiding helps: the records disclose it.
 *
 * Interval propagation is what "subtracting published totals" amounts to; the property tests
 * check the audit against an exact search of every table consistent with what was published.
 */

export type Published = { kind: 'count'; count: number } | { kind: 'fewer-than-5' } | { kind: 'withheld' };

export interface TreeCell {
  id: string;
  parentId: string | null;
  /** The true count; the parent's is the sum of its children's. */
  count: number;
}

type Mark = 'shown' | 'small' | 'withheld';

/** Far above any count, so "at least 5" has an upper end the arithmetic can handle. */
const UNBOUNDED = 1e12;

interface Tree {
  cells: readonly TreeCell[];
  index: Map<string, number>;
  children: number[][];
  parent: number[];
}

function buildTree(cells: readonly TreeCell[]): Tree {
  const index = new Map(cells.map((c, i) => [c.id, i]));
  const children: number[][] = cells.map(() => []);
  const parent = cells.map((c) => {
    if (c.parentId === null) return -1;
    const p = index.get(c.parentId);
    if (p === undefined) throw new RangeError(`cell ${c.id} has an unknown parent ${c.parentId}`);
    children[p]!.push(index.get(c.id)!);
    return p;
  });
  return { cells, index, children, parent };
}

function interval(mark: Mark, count: number): [number, number] {
  switch (mark) {
    case 'shown':
      return [count, count];
    case 'small':
      return [0, 4];
    case 'withheld':
      return [5, UNBOUNDED];
  }
}

/**
 * The intervals someone who knows the published table, the cells in `known` exactly, and that
 * every parent is the sum of its children can narrow each cell to by repeated subtraction.
 */
function propagate(tree: Tree, marks: readonly Mark[], known: readonly boolean[]): [number, number][] {
  const lo: number[] = [];
  const hi: number[] = [];
  marks.forEach((mark, i) => {
    const [l, h] = interval(known[i] ? 'shown' : mark, tree.cells[i]!.count);
    lo.push(l);
    hi.push(h);
  });
  for (let changed = true, rounds = 0; changed && rounds < 10_000; rounds++) {
    changed = false;
    tree.children.forEach((kids, p) => {
      if (kids.length === 0) return;
      let sumLo = 0;
      let sumHi = 0;
      for (const k of kids) {
        sumLo += lo[k]!;
        sumHi += hi[k]!;
      }
      const pLo = Math.max(lo[p]!, sumLo);
      const pHi = Math.min(hi[p]!, sumHi);
      if (pLo !== lo[p] || pHi !== hi[p]) {
        lo[p] = pLo;
        hi[p] = pHi;
        changed = true;
      }
      for (const k of kids) {
        const kLo = Math.max(lo[k]!, lo[p]! - (sumHi - hi[k]!));
        const kHi = Math.min(hi[k]!, hi[p]! - (sumLo - lo[k]!));
        if (kLo !== lo[k] || kHi !== hi[k]) {
          lo[k] = kLo;
          hi[k] = kHi;
          changed = true;
        }
      }
    });
  }
  return lo.map((l, i) => [l, hi[i]!]);
}

interface Suppression {
  tree: Tree;
  marks: Mark[];
  /** Cells the public knows anyway: hiding one protects nothing. */
  known: readonly boolean[];
  rank: (id: string) => number;
}

/** Hides one more cell among `candidates`: a zero (by keyed rank) if any, else the smallest. */
function hideOne({ tree, marks, known, rank }: Suppression, candidates: number[]): boolean {
  const open = candidates.filter((i) => marks[i] === 'shown' && !known[i]);
  if (open.length === 0) return false;
  const count = (i: number) => tree.cells[i]!.count;
  const zeros = open.filter((i) => count(i) === 0);
  const pool = zeros.length > 0 ? zeros : open;
  pool.sort((a, b) => count(a) - count(b) || rank(tree.cells[a]!.id) - rank(tree.cells[b]!.id));
  const chosen = pool[0]!;
  marks[chosen] = count(chosen) < 5 ? 'small' : 'withheld';
  return true;
}

/** Hides a cell of its own family: a sibling, else a child, else the parent (whose own family is seen to next). */
function protect(state: Suppression, cell: number): boolean {
  const { tree, marks, known } = state;
  const p = tree.parent[cell]!;
  if (p >= 0 && hideOne(state, tree.children[p]!)) return true;
  if (hideOne(state, tree.children[cell]!)) return true;
  if (p >= 0 && marks[p] === 'shown' && !known[p]) {
    marks[p] = tree.cells[p]!.count < 5 ? 'small' : 'withheld';
    return true;
  }
  return false;
}

/**
 * What to publish for each cell of one table. `rank` orders cells for the choice of which zero
 * to hide; give it a keyed hash (see the module comment), never something the public can compute.
 * `knownToPublic` names cells whose true count can be had elsewhere (a small one is still shown
 * as "fewer than 5"), so that the audit assumes the attacker knows them.
 */
export function suppressTable(
  cells: readonly TreeCell[],
  rank: (id: string) => number,
  knownToPublic: (id: string) => boolean = () => false,
): Map<string, Published> {
  const tree = buildTree(cells);
  const marks: Mark[] = cells.map((c) => (c.count >= 1 && c.count <= 4 ? 'small' : 'shown'));
  const known = cells.map((c) => knownToPublic(c.id));
  const state: Suppression = { tree, marks, known, rank };
  for (;;) {
    let changed = false;
    // A hidden area whose children are all shown is their sum.
    marks.forEach((mark, i) => {
      const kids = tree.children[i]!;
      if (mark !== 'shown' && !known[i] && kids.length > 0 && kids.every((k) => marks[k] === 'shown')) {
        changed = hideOne(state, kids) || changed;
      }
    });
    const ranges = propagate(tree, marks, known);
    // One new hidden cell often frees several pinned ones: a family changed in this pass waits for the next audit.
    const touched = new Set<number>();
    for (let i = 0; i < cells.length; i++) {
      const [lo, hi] = ranges[i]!;
      const family = [i, tree.parent[i]!];
      if (marks[i] === 'shown' || known[i] || lo !== hi || family.some((f) => touched.has(f))) continue;
      if (protect(state, i)) {
        changed = true;
        for (const f of family) touched.add(f);
      }
    }
    if (!changed) break;
  }
  return new Map(
    cells.map((c, i): [string, Published] => {
      const mark = marks[i]!;
      return [
        c.id,
        mark === 'shown' ? { kind: 'count', count: c.count } : { kind: mark === 'small' ? 'fewer-than-5' : 'withheld' },
      ];
    }),
  );
}

/** A total over published cells: the shown counts added up, and how many cells were hidden. */
export interface PublishedSum {
  count: number;
  hidden: number;
}

/** Adds published cells (months, categories) without ever using a hidden cell's true count. */
export function sumPublished(values: Iterable<Published>): PublishedSum {
  let count = 0;
  let hidden = 0;
  for (const value of values) {
    if (value.kind === 'count') count += value.count;
    else hidden += 1;
  }
  return { count, hidden };
}
