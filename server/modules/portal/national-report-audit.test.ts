import { describe, expect, it } from 'vitest';
import { auditAcross, propagateEquations, type AuditCell, type Equation } from './national-report-audit.js';

// One region's phone thefts (2, hidden) and thefts from the person (9), whose total of 11 the records give.
const cells: AuditCell[] = [
  { id: 'phone', count: 2, known: false },
  { id: 'person', count: 9, known: false },
  { id: 'records', count: 11, known: true },
];
const equations: Equation[] = [{ total: 2, parts: [0, 1] }];
const rank = (id: string) => id.length;

describe('the audit across categories', () => {
  it('sees that a known group total minus a shown count gives the hidden one', () => {
    const ranges = propagateEquations(cells, ['fewer-than-5', 'count', 'count'], equations);
    expect(ranges[0]).toEqual([2, 2]);
  });

  it('hides the count beside it, after which neither can be worked out', () => {
    const marks = auditAcross(cells, ['fewer-than-5', 'count', 'count'], equations, rank);
    expect(marks).toEqual(['fewer-than-5', 'withheld', 'count']);
    const ranges = propagateEquations(cells, marks, equations);
    expect(ranges[0]![0]).toBeLessThan(ranges[0]![1]);
    expect(ranges[1]![0]).toBeLessThan(ranges[1]![1]);
  });

  it('leaves a table alone when nothing hidden can be pinned', () => {
    const open: AuditCell[] = cells.map((c) =>
      c.id === 'phone' ? { ...c, count: 12 } : c.id === 'records' ? { ...c, count: 21 } : c,
    );
    expect(auditAcross(open, ['count', 'count', 'count'], equations, rank)).toEqual(['count', 'count', 'count']);
  });
});

describe('the choice of the cell to hide', () => {
  it('passes over a zero that a known group total would pin at once', () => {
    // A country of two regions: livestock theft 3 in region a, 0 in b and c; in b the records
    // give the group total (other theft 40 + livestock 0), so hiding b's zero would protect nothing.
    const cells: AuditCell[] = [
      { id: 'livestock|country', count: 3, known: false },
      { id: 'livestock|a', count: 3, known: false },
      { id: 'livestock|b', count: 0, known: false },
      { id: 'livestock|c', count: 0, known: false },
      { id: 'other|b', count: 40, known: false },
      { id: 'records|b', count: 40, known: true },
    ];
    const equations: Equation[] = [
      { total: 0, parts: [1, 2, 3] },
      { total: 5, parts: [4, 2] },
    ];
    // b's zero ranks first, so without the look ahead it would be the one hidden.
    const rank = (id: string) => (id === 'livestock|b' ? 0 : 1);
    const marks = auditAcross(cells, ['count', 'fewer-than-5', 'count', 'count', 'count', 'count'], equations, rank);
    expect(marks).toEqual(['count', 'fewer-than-5', 'count', 'fewer-than-5', 'count', 'count']);
  });
});

describe('hiding across trees', () => {
  it('hides a pair beside each pinned cell instead of wiping out both categories', () => {
    // Livestock theft and other theft in a country of three regions; the records give each region's sum.
    const counts = { livestock: [24, 4, 10, 10], other: [150, 22, 50, 78] };
    const cells: AuditCell[] = [
      ...counts.livestock.map((count, i) => ({ id: `livestock|${i}`, count, known: false })),
      ...counts.other.map((count, i) => ({ id: `other|${i}`, count, known: false })),
      ...[1, 2, 3].map((i) => ({ id: `records|${i}`, count: counts.livestock[i]! + counts.other[i]!, known: true })),
    ];
    const equations: Equation[] = [
      { total: 0, parts: [1, 2, 3] },
      { total: 4, parts: [5, 6, 7] },
      ...[1, 2, 3].map((i) => ({ total: 7 + i, parts: [i, 4 + i] })),
    ];
    // As suppression.ts leaves the livestock tree: region 1's 4, and region 2's 10 beside it.
    const initial = cells.map((c) => (c.id === 'livestock|1' ? 'fewer-than-5' : c.id === 'livestock|2' ? 'withheld' : 'count'));
    const marks = auditAcross(cells, initial, equations, () => 0);
    const hidden = cells.filter((_, i) => marks[i] !== 'count').map((c) => c.id);
    expect(hidden).toEqual(['livestock|1', 'livestock|2', 'other|1', 'other|2']);
    const ranges = propagateEquations(cells, marks, equations);
    for (const id of hidden) {
      const [lo, hi] = ranges[cells.findIndex((c) => c.id === id)]!;
      expect(lo, id).toBeLessThan(hi);
    }
  });
});
