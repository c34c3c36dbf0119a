import { describe, expect, it } from 'vitest';
import { barWidths, formatDuration } from './durations.js';

const units = { h: 'h', min: 'min', s: 's' };

describe('percentile presentation', () => {
  it('shows seconds, minutes and seconds, or hours and minutes', () => {
    expect(formatDuration(45, units, '—')).toBe('45 s');
    expect(formatDuration(204, units, '—')).toBe('3 min 24 s');
    expect(formatDuration(3900, units, '—')).toBe('1 h 05 min');
    expect(formatDuration(89.6, units, '—')).toBe('1 min 30 s');
  });

  it('says there is no figure rather than showing zero', () => {
    expect(formatDuration(null, units, '—')).toBe('—');
    expect(formatDuration(0, units, '—')).toBe('0 s');
  });

  it('scales bars to the largest figure', () => {
    expect(barWidths([60, 120, null, 30])).toEqual([50, 100, null, 25]);
    expect(barWidths([0, null])).toEqual([0, null]);
  });
});
