import { describe, expect, it } from 'vitest';
import { applyStatusChange, compareQueue } from './queue-order.js';

const item = (id: string, priority: number, minute: number, status = 'new') => ({
  id,
  priority,
  status,
  reportedAt: new Date(Date.UTC(2026, 10, 25, 10, minute)).toISOString(),
});

describe('compareQueue', () => {
  it('puts the most urgent first, then the longest waiting', () => {
    const queue = [item('late-p1', 1, 30), item('p2', 2, 0), item('early-p1', 1, 10), item('p4', 4, 0)];
    expect([...queue].sort(compareQueue).map((i) => i.id)).toEqual(['early-p1', 'late-p1', 'p2', 'p4']);
  });

  it('breaks a tie by id so rows never swap places between reloads', () => {
    const queue = [item('b', 1, 0), item('a', 1, 0)];
    expect([...queue].sort(compareQueue).map((i) => i.id)).toEqual(['a', 'b']);
  });
});

describe('applyStatusChange', () => {
  it('drops an incident that left the open statuses and updates one that moved within them', () => {
    const queue = [item('a', 1, 0), item('b', 2, 0)];
    expect(applyStatusChange(queue, { incidentId: 'a', to: 'cancelled' }).map((i) => i.id)).toEqual(['b']);
    expect(applyStatusChange(queue, { incidentId: 'a', to: 'triaged' })[0]).toMatchObject({ id: 'a', status: 'triaged' });
    expect(applyStatusChange(queue, { incidentId: 'zzz', to: 'closed' })).toHaveLength(2);
  });
});
