import { describe, expect, it } from 'vitest';
import { offsetAt, toLocalIso } from './time.js';

describe('local time of a record', () => {
  it('shows a 2023 time in Almaty at UTC+6', () => {
    expect(toLocalIso(new Date('2023-06-01T12:00:00Z'), 'Asia/Almaty')).toBe('2023-06-01T18:00:00+06:00');
  });
  it('shows a 2023 time in Atyrau at UTC+5', () => {
    expect(toLocalIso(new Date('2023-06-01T12:00:00Z'), 'Asia/Atyrau')).toBe('2023-06-01T17:00:00+05:00');
  });
  it('shows a 2025 time in Almaty at UTC+5, after the single zone', () => {
    expect(toLocalIso(new Date('2025-06-01T12:00:00Z'), 'Asia/Almaty')).toBe('2025-06-01T17:00:00+05:00');
  });
  it('switches at 00:00 local time on 1 March 2024', () => {
    expect(offsetAt(new Date('2024-02-29T17:59:00Z'), 'Asia/Almaty')).toBe('+06:00');
    expect(offsetAt(new Date('2024-02-29T19:00:00Z'), 'Asia/Almaty')).toBe('+05:00');
  });
  it('crosses midnight into the local date', () => {
    expect(toLocalIso(new Date('2023-12-31T20:30:00Z'), 'Asia/Almaty')).toBe('2024-01-01T02:30:00+06:00');
  });
});
