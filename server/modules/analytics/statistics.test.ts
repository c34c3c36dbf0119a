import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, normalUpperTail, twoSidedP } from './statistics.js';

describe('normal tail', () => {
  it('gives the textbook quantiles', () => {
    expect(twoSidedP(1.959964)).toBeCloseTo(0.05, 6);
    expect(normalUpperTail(0)).toBeCloseTo(0.5, 7);
    expect(normalUpperTail(-1.644854)).toBeCloseTo(0.95, 6);
    // Far in the tail the relative error stays small: P(Z > 6) = 9.8659e-10.
    expect(normalUpperTail(6) / 9.8659e-10).toBeCloseTo(1, 4);
  });
});

describe('Benjamini–Hochberg', () => {
  it('adjusts a worked example by hand', () => {
    // Sorted: 0.005·4/1 = 0.02, 0.01·4/2 = 0.02, 0.03·4/3 = 0.04, 0.04·4/4 = 0.04.
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    expect(q.map((v) => Number(v.toFixed(10)))).toEqual([0.02, 0.04, 0.04, 0.02]);
  });

  it('keeps q monotone in p and never below p', () => {
    const p = [0.9, 0.001, 0.2, 0.04, 0.049, 0.5];
    const q = benjaminiHochberg(p);
    p.forEach((pi, i) => {
      expect(q[i]!).toBeGreaterThanOrEqual(pi);
      p.forEach((pj, j) => {
        if (pi < pj) expect(q[i]!).toBeLessThanOrEqual(q[j]!);
      });
    });
  });
});
