import { describe, expect, it } from 'vitest';
import { alarmingIncidents, isAlarming } from './alarm.js';

const p1 = { id: 'a', priority: 1, status: 'new', source: 'web' };

describe('isAlarming', () => {
  it('sounds for a new P1 from every unattended channel', () => {
    for (const source of ['web', 'telegram', 'open311', 'camera', 'sos']) expect(isAlarming({ ...p1, source })).toBe(true);
  });

  it('stays silent for a phone call, a lower priority, or an incident someone has taken', () => {
    expect(isAlarming({ ...p1, source: 'phone' })).toBe(false);
    expect(isAlarming({ ...p1, source: 'historical' })).toBe(false);
    expect(isAlarming({ ...p1, priority: 2 })).toBe(false);
    expect(isAlarming({ ...p1, status: 'triaged' })).toBe(false);
    expect(isAlarming({ ...p1, status: 'dispatched' })).toBe(false);
  });
});

describe('alarmingIncidents', () => {
  it('stops at once for an incident the live feed says was taken, before the queue reloads', () => {
    const queue = [p1, { ...p1, id: 'b' }, { ...p1, id: 'c', priority: 3 }];
    expect(alarmingIncidents(queue, new Set()).map((i) => i.id)).toEqual(['a', 'b']);
    expect(alarmingIncidents(queue, new Set(['a'])).map((i) => i.id)).toEqual(['b']);
  });
});
