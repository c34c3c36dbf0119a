import { describe, expect, it } from 'vitest';
import { PairIndex } from './etas-pairs.js';
import { seededRandom } from './random.js';
import type { SpaceTimeEvent } from './study-grid.js';

const LIMITS = { maxLagDays: 10, maxDistance: 200 };

function scattered(count: number, seed: number): SpaceTimeEvent[] {
  const random = seededRandom(seed);
  // Whole days and a coarse lattice, so equal times (lag 0, never a pair) and equal places occur.
  return Array.from({ length: count }, () => ({
    x: 10 * Math.floor(random() * 100),
    y: 10 * Math.floor(random() * 100),
    t: Math.floor(random() * 60),
  })).sort((a, b) => a.t - b.t);
}

/** Every pair by brute force: "parent>child delay distance²". */
function allPairs(events: SpaceTimeEvent[]): string[] {
  const pairs: string[] = [];
  events.forEach((child, i) =>
    events.slice(0, i).forEach((parent, j) => {
      const lag = child.t - parent.t;
      const d2 = (child.x - parent.x) ** 2 + (child.y - parent.y) ** 2;
      if (lag > 0 && lag <= LIMITS.maxLagDays && d2 <= LIMITS.maxDistance ** 2) pairs.push(`${j}>${i} ${lag} ${d2}`);
    }),
  );
  return pairs.sort();
}

function indexed(index: PairIndex): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < index.size; i++) {
    for (let p = index.start[i]!; p < index.start[i + 1]!; p++)
      pairs.push(`${index.parent[p]}>${i} ${index.delay[p]} ${index.distance2[p]}`);
  }
  return pairs.sort();
}

describe('close pairs for ETAS', () => {
  const events = scattered(600, 3);

  it('finds exactly the pairs a comparison of every two events finds', () => {
    const index = new PairIndex(LIMITS);
    index.extend(events);
    const expected = allPairs(events);
    expect(expected.length).toBeGreaterThan(100);
    expect(indexed(index)).toEqual(expected);
  });

  it('finds the same pairs when events arrive in steps, and starts again for other events', () => {
    const index = new PairIndex(LIMITS);
    for (const count of [0, 1, 250, 251, 600]) {
      expect(index.extends(events.slice(0, count))).toBe(true);
      index.extend(events.slice(0, count));
    }
    expect(indexed(index)).toEqual(allPairs(events));
    expect(index.extends(events.slice(0, 599))).toBe(false);
    expect(index.extends([{ ...events[0]!, x: events[0]!.x + 1 }, ...events.slice(1)])).toBe(false);
  });

  it('keeps only the pairs within its reach, the nearest shells whole', () => {
    const full = new PairIndex(LIMITS);
    full.extend(events);
    const shells = full.shellsFor(5, 1e-12);
    const near = new PairIndex({ ...LIMITS, reach: full.edgeOf(shells) });
    near.extend(events);
    expect(near.covers(shells)).toBe(true);
    expect(near.covers(shells + 1)).toBe(false);
    const within = indexed(full).filter((pair) => Number(pair.split(' ')[2]) <= full.edgeOf(shells) ** 2);
    expect(within.length).toBeGreaterThan(0);
    expect(within.length).toBeLessThan(full.pairs);
    expect(indexed(near)).toEqual(within);
    for (let i = 0; i < near.size; i++) expect(near.endOf(i, shells)).toBe(near.start[i + 1]);
  });

  it('keeps each child’s pairs nearest first, so a step stops where the kernel is negligible', () => {
    const index = new PairIndex(LIMITS);
    index.extend(events);
    // σ = 5 m: the kernel falls below 10⁻¹² of its peak beyond 5 √(2 ln 10¹²) ≈ 37.2 m.
    const shells = index.shellsFor(5, 1e-12);
    expect(shells).toBeLessThan(16);
    expect(index.shellsFor(1000, 1e-12)).toBe(16);
    expect(index.shellsFor(5, 0)).toBe(16);
    for (let i = 0; i < index.size; i++) {
      const end = index.endOf(i, shells);
      for (let p = index.start[i]!; p < index.start[i + 1]!; p++) {
        const near = index.distance2[p]! <= 37.2 ** 2;
        if (near) expect(p).toBeLessThan(end);
      }
    }
  });
});
