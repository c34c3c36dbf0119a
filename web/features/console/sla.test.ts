import { describe, expect, it } from 'vitest';
import { formatDuration, SLA_TARGETS, slaState } from './sla.js';

const arrived = '2026-11-25T10:00:00.000Z';
const at = (seconds: number) => Date.parse(arrived) + seconds * 1000;

describe('slaState', () => {
  it('runs the triage clock of a new incident and turns it overdue after the priority’s target', () => {
    const p1 = { priority: 1, status: 'new', reportedAt: arrived };
    expect(slaState(p1, at(45))).toEqual({ phase: 'triage', remainingSeconds: 15, isOverdue: false });
    expect(slaState(p1, at(60))).toMatchObject({ remainingSeconds: 0, isOverdue: false });
    expect(slaState(p1, at(61))).toEqual({ phase: 'triage', remainingSeconds: -1, isOverdue: true });
  });

  it('gives a lower priority more time', () => {
    const p4 = { priority: 4, status: 'new', reportedAt: arrived };
    expect(slaState(p4, at(61)).isOverdue).toBe(false);
    expect(slaState(p4, at(SLA_TARGETS[4].triageSeconds + 1)).isOverdue).toBe(true);
  });

  it('switches to the dispatch clock once triaged, and stops once a unit is sent', () => {
    const triaged = { priority: 1, status: 'triaged', reportedAt: arrived };
    expect(slaState(triaged, at(120))).toEqual({ phase: 'dispatch', remainingSeconds: 60, isOverdue: false });
    expect(slaState(triaged, at(181)).isOverdue).toBe(true);
    expect(slaState({ ...triaged, status: 'en_route' }, at(10_000))).toEqual({
      phase: 'met',
      remainingSeconds: null,
      isOverdue: false,
    });
  });
});

describe('formatDuration', () => {
  it('writes minutes and seconds, hours when needed, and a minus once overdue', () => {
    expect(formatDuration(5)).toBe('0:05');
    expect(formatDuration(125)).toBe('2:05');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(-42)).toBe('−0:42');
  });
});
