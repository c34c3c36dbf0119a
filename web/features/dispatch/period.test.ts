import { describe, expect, it } from 'vitest';
import { lastDays, periodOfDays } from './period.js';

describe('dashboard period', () => {
  it('counts both chosen days whole, from local midnight to the midnight after', () => {
    const period = periodOfDays('2026-11-01', '2026-11-03')!;
    expect(new Date(period.to).getTime() - new Date(period.from).getTime()).toBe(3 * 86_400_000);
    expect(new Date(period.from).getHours()).toBe(0);
  });

  it('refuses a last day before the first, and a missing day', () => {
    expect(periodOfDays('2026-11-03', '2026-11-01')).toBeNull();
    expect(periodOfDays('', '2026-11-01')).toBeNull();
  });

  it('offers the last seven days up to today', () => {
    expect(lastDays(7, new Date(2026, 10, 25, 15, 0))).toEqual({ firstDay: '2026-11-19', lastDay: '2026-11-25' });
  });
});
