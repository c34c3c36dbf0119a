import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressTable, sumPublished, type Published, type TreeCell } from './suppression.js';

/** A random country → region → district → beat table, its counts skewed towards the small ones. */
const table = fc
  .array(
    fc.array(
      fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 12 })), {
        minLength: 1,
        maxLength: 3,
      }),
      { minLength: 1, maxLength: 3 },
    ),
    {
      minLength: 1,
      maxLength: 3,
    },
  )
  .map((regions) => {
    const cells: TreeCell[] = [];
    let country = 0;
    regions.forEach((districts, r) => {
      let region = 0;
      const regionId = `r${r}`;
      districts.forEach((beats, d) => {
        const districtId = `${regionId}d${d}`;
        const district = beats.reduce((s, b) => s + b, 0);
        beats.forEach((count, b) => cells.push({ id: `${districtId}b${b}`, parentId: districtId, count }));
        cells.push({ id: districtId, parentId: regionId, count: district });
        region += district;
      });
      cells.push({ id: regionId, parentId: 'kz', count: region });
      country += region;
    });
    cells.push({ id: 'kz', parentId: null, count: country });
    return cells;
  });

const rank = (id: string) => [...id].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0, 0x811c9dc5);

// Beyond any count the generator makes: a "withheld" cell's possible values are cut off here.
const CAP = 200;

/**
 * Every value each cell can take in some table that publishes exactly what was published, found
 * by dynamic programming over the tree: an exact attacker for sums, independent of the one
 * inside suppressTable.
 */
function possibleValues(
  cells: readonly TreeCell[],
  published: ReadonlyMap<string, Published>,
  known: (id: string) => boolean = () => false,
): Map<string, Set<number>> {
  const kids = new Map<string, TreeCell[]>();
  for (const c of cells) if (c.parentId) kids.set(c.parentId, [...(kids.get(c.parentId) ?? []), c]);
  const count = new Map(cells.map((c) => [c.id, c.count]));
  const allowed = (id: string, v: number) => {
    if (known(id)) return v === count.get(id);
    const p = published.get(id);
    if (!p) return true;
    return p.kind === 'count' ? v === p.count : p.kind === 'fewer-than-5' ? v <= 4 : v >= 5;
  };
  const sumset = (sets: boolean[][]) =>
    sets.reduce<boolean[]>(
      (acc, set) => {
        const out = new Array<boolean>(CAP + 1).fill(false);
        acc.forEach((a, i) => a && set.forEach((b, j) => b && i + j <= CAP && (out[i + j] = true)));
        return out;
      },
      [true, ...new Array<boolean>(CAP).fill(false)],
    );
  const feasible = new Map<string, boolean[]>();
  const up = (cell: TreeCell): boolean[] => {
    const children = kids.get(cell.id) ?? [];
    const base = children.length > 0 ? sumset(children.map(up)) : new Array<boolean>(CAP + 1).fill(true);
    const set = base.map((ok, v) => ok && allowed(cell.id, v));
    feasible.set(cell.id, set);
    return set;
  };
  const root = cells.find((c) => c.parentId === null)!;
  up(root);
  const possible = new Map<string, boolean[]>([[root.id, feasible.get(root.id)!]]);
  const down = (cell: TreeCell) => {
    const children = kids.get(cell.id) ?? [];
    children.forEach((child, i) => {
      const others = sumset(children.filter((_, j) => j !== i).map((c) => feasible.get(c.id)!));
      const mine = feasible
        .get(child.id)!
        .map((ok, v) => ok && possible.get(cell.id)!.some((p, s) => p && s >= v && others[s - v]));
      possible.set(child.id, mine);
      down(child);
    });
  };
  down(root);
  return new Map([...possible].map(([id, set]) => [id, new Set(set.flatMap((ok, v) => (ok ? [v] : [])))]));
}

describe('suppressTable', () => {
  it('never shows a count from 1 to 4, and labels every hidden cell truthfully', () => {
    fc.assert(
      fc.property(table, (cells) => {
        const published = suppressTable(cells, rank);
        for (const cell of cells) {
          const p = published.get(cell.id)!;
          if (cell.count >= 1 && cell.count <= 4) expect(p.kind).toBe('fewer-than-5');
          if (p.kind === 'count') expect(p.count).toBe(cell.count);
          if (p.kind === 'fewer-than-5') expect(cell.count).toBeLessThan(5);
          if (p.kind === 'withheld') expect(cell.count).toBeGreaterThanOrEqual(5);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no hidden count that subtracting published totals of overlapping areas recovers', () => {
    fc.assert(
      fc.property(table, (cells) => {
        const published = suppressTable(cells, rank);
        const possible = possibleValues(cells, published);
        for (const cell of cells) {
          const values = possible.get(cell.id)!;
          expect(values.has(cell.count)).toBe(true);
          if (published.get(cell.id)!.kind !== 'count') expect([cell.id, values.size]).not.toEqual([cell.id, 1]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('still holds when the attacker knows the country and region totals from elsewhere', () => {
    const known = (id: string) => id === 'kz' || /^r\d+$/.test(id);
    fc.assert(
      fc.property(table, (cells) => {
        const published = suppressTable(cells, rank, known);
        const possible = possibleValues(cells, published, known);
        // What the known totals give away with the "fewer than 5" labels the rules demand, whatever
        // else is hidden: a region of one beat, or a known 8 split into two labelled "fewer than 5".
        const forced = new Map(
          cells.filter((c) => c.count >= 1 && c.count <= 4).map((c) => [c.id, { kind: 'fewer-than-5' } as const]),
        );
        const before = possibleValues(cells, forced, known);
        for (const cell of cells) {
          if (cell.count >= 1 && cell.count <= 4) expect(published.get(cell.id)!.kind).toBe('fewer-than-5');
          if (known(cell.id) || published.get(cell.id)!.kind === 'count' || before.get(cell.id)!.size === 1) continue;
          expect([cell.id, possible.get(cell.id)!.size]).not.toEqual([cell.id, 1]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('would be beaten by the same attacker without secondary suppression', () => {
    // A district of 7 with beats of 2 and 5: primary suppression alone shows 7 and 5.
    const cells: TreeCell[] = [
      { id: 'kz', parentId: null, count: 7 },
      { id: 'd', parentId: 'kz', count: 7 },
      { id: 'b1', parentId: 'd', count: 2 },
      { id: 'b2', parentId: 'd', count: 5 },
    ];
    const primaryOnly = new Map<string, Published>(
      cells.map((c) => [c.id, c.count >= 1 && c.count <= 4 ? { kind: 'fewer-than-5' } : { kind: 'count', count: c.count }]),
    );
    expect(possibleValues(cells, primaryOnly).get('b1')).toEqual(new Set([2]));
    const published = suppressTable(cells, rank);
    expect(possibleValues(cells, published).get('b1')!.size).toBeGreaterThan(1);
  });
});

describe('sumPublished', () => {
  it('makes a 24-month total that does not move when a hidden month’s true count does', () => {
    const months = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 25, maxLength: 40 });
    fc.assert(
      fc.property(months, fc.nat(), fc.integer({ min: 1, max: 4 }), (counts, pick, other) => {
        const publish = (values: number[]) =>
          values.map((v): Published => (v >= 1 && v <= 4 ? { kind: 'fewer-than-5' } : { kind: 'count', count: v }));
        const hidden = counts.flatMap((v, i) => (v >= 1 && v <= 4 ? [i] : []));
        if (hidden.length === 0) return;
        const changed = [...counts];
        changed[hidden[pick % hidden.length]!] = other;
        // Every window of 24 months: someone who kept them all cannot tell the two histories apart.
        for (let end = 24; end <= counts.length; end++) {
          expect(sumPublished(publish(changed.slice(end - 24, end)))).toEqual(sumPublished(publish(counts.slice(end - 24, end))));
        }
      }),
    );
  });
});
