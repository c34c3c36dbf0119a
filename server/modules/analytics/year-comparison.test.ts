import { describe, expect, it } from 'vitest';
import { compareYear, comparisonView, percentChange } from './year-comparison.js';

const COVERED = { year: true, previousYear: true };
const days = (c: ReturnType<typeof compareYear>) => comparisonView(c);

describe('comparing a year with the one before', () => {
  it('sets a year under way, counted to yesterday, against the same days a year earlier', () => {
    // 10:00 UTC on 26 November 2026 is 15:00 in Almaty: the last whole day is the 25th.
    const comparison = compareYear(2026, new Date('2026-11-26T10:00:00Z'), COVERED);
    expect(days(comparison)).toMatchObject({
      period: { from: '2026-01-01', to: '2026-11-25' },
      previousPeriod: { from: '2025-01-01', to: '2025-11-25' },
      noComparison: null,
    });
    // Almaty is UTC+5: its days begin at 19:00 UTC the evening before.
    expect(comparison.period).toMatchObject({ from: new Date('2025-12-31T19:00:00Z'), to: new Date('2026-11-25T19:00:00Z') });
    expect(comparison.previous).toMatchObject({ from: new Date('2024-12-31T19:00:00Z'), to: new Date('2025-11-25T19:00:00Z') });
  });

  it('takes the day from Almaty’s clock, not from UTC', () => {
    // 18:30 UTC on the 25th is 23:30 there, so the 25th has not ended yet; 19:30 UTC is already the 26th.
    expect(days(compareYear(2026, new Date('2026-11-25T18:30:00Z'), COVERED)).period).toEqual({
      from: '2026-01-01',
      to: '2026-11-24',
    });
    expect(days(compareYear(2026, new Date('2026-11-25T19:30:00Z'), COVERED)).period).toEqual({
      from: '2026-01-01',
      to: '2026-11-25',
    });
  });

  it('compares a year that has ended with the whole year before it when the data cover both', () => {
    const view = days(compareYear(2025, new Date('2026-11-26T10:00:00Z'), COVERED));
    expect(view).toMatchObject({
      period: { from: '2025-01-01', to: '2025-12-31' },
      previousPeriod: { from: '2024-01-01', to: '2024-12-31' },
      noComparison: null,
    });
    expect(view.statement.en).toBe(
      'Period: 1 January 2025 – 31 December 2025. Compared with the same days of the previous year: 1 January 2024 – 31 December 2024.',
    );
    expect(view.statement.ru).toContain('Сравнение с теми же днями предыдущего года: 1 января 2024 г.');
    expect(view.statement.kk).toContain('Алдыңғы жылдың сол күндерімен салыстырылды');
  });

  it('gives no comparison when the previous year is only partly covered, as in the demo’s first whole year', () => {
    const view = days(compareYear(2025, new Date('2026-11-26T10:00:00Z'), { year: true, previousYear: false }));
    expect(view).toMatchObject({ period: { from: '2025-01-01', to: '2025-12-31' }, previousPeriod: null });
    expect(view.noComparison).toBe('previous-not-covered');
    expect(view.statement.en).toContain('No comparison: the previous year is not fully covered by the data.');
    expect(view.statement.ru).toContain('Сравнения нет: предыдущий год не полностью покрыт данными.');
    expect(view.statement.kk).toContain('Салыстыру жоқ: алдыңғы жыл деректермен толық қамтылмаған.');
  });

  it('gives no comparison for a year the data themselves cover only in part', () => {
    const comparison = compareYear(2024, new Date('2026-11-26T10:00:00Z'), { year: false, previousYear: false });
    expect(comparison.noComparison).toBe('year-not-covered');
    expect(comparison.previous).toBeNull();
    expect(days(comparison).statement.en).toContain('its figures are incomplete too');
  });

  it('counts nothing for a year that has not begun or whose first day has not ended', () => {
    expect(compareYear(2027, new Date('2026-11-26T10:00:00Z'), COVERED)).toEqual({
      period: null,
      previous: null,
      noComparison: 'year-not-covered',
    });
    expect(compareYear(2027, new Date('2027-01-01T10:00:00Z'), COVERED).period).toBeNull();
    expect(days(compareYear(2027, new Date('2027-01-01T10:00:00Z'), COVERED)).statement.en).toContain('No whole day');
  });

  it('matches calendar dates across 29 February', () => {
    // On 1 March 2028 the last whole day is the 29th of February; 2027 has no such day.
    expect(days(compareYear(2028, new Date('2028-03-01T10:00:00Z'), COVERED))).toMatchObject({
      period: { from: '2028-01-01', to: '2028-02-29' },
      previousPeriod: { from: '2027-01-01', to: '2027-02-28' },
    });
    expect(days(compareYear(2028, new Date('2028-02-29T10:00:00Z'), COVERED)).previousPeriod).toEqual({
      from: '2027-01-01',
      to: '2027-02-28',
    });
  });

  it('reports a change only against a count above zero', () => {
    expect(percentChange(30, 20)).toBe(50);
    expect(percentChange(30, 0)).toBeNull();
    expect(percentChange(30, null)).toBeNull();
  });
});
