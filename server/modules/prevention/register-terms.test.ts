import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.js';
import { birthDayFromIin, latestEndDay } from '../../../common/register-terms.js';
import { checkTerm, localDay } from './register-terms.js';

const code = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return 'accepted';
};

describe('preventive register terms', () => {
  it('allows each basis its own maximum from the start', () => {
    expect(latestEndDay('released-prisoner', '2026-01-31', undefined)).toBe('2027-01-30');
    expect(latestEndDay('administrative-supervision', '2026-03-01', undefined)).toBe('2029-02-28');
    expect(latestEndDay('alcohol-treatment', '2026-01-31', undefined)).toBe('2027-01-30');
  });

  it('ends a juvenile’s entry the day before they turn eighteen', () => {
    // Born 15 May 2009 (century digit 5 = 2000s); eighteen on 15 May 2027.
    expect(birthDayFromIin('090515500000')).toBe('2009-05-15');
    expect(latestEndDay('juvenile', '2026-09-01', '090515500000')).toBe('2027-05-14');
    expect(latestEndDay('juvenile', '2026-01-01', '150101500000')).toBe('2026-12-31');
  });

  it('reads no birth day from digits that are not a date', () => {
    expect(birthDayFromIin('091315500000')).toBeUndefined();
    expect(birthDayFromIin('090515900000')).toBeUndefined();
  });

  it('refuses an end beyond the basis, an end before the start and a late or early review', () => {
    const term = { start: '2026-01-01', end: '2026-12-31', review: '2026-03-01', from: '2026-01-01' };
    expect(code(() => checkTerm('released-prisoner', term, undefined))).toBe('accepted');
    expect(code(() => checkTerm('released-prisoner', { ...term, end: '2027-01-01' }, undefined))).toBe(
      'prevention.register_term_exceeded',
    );
    expect(code(() => checkTerm('released-prisoner', { ...term, end: '2025-12-31' }, undefined))).toBe(
      'prevention.register_dates_invalid',
    );
    // Reviewed every three months at the latest, and not before the term begins.
    expect(code(() => checkTerm('released-prisoner', { ...term, review: '2026-04-02' }, undefined))).toBe(
      'prevention.register_dates_invalid',
    );
    expect(code(() => checkTerm('released-prisoner', { ...term, review: '2025-12-01' }, undefined))).toBe(
      'prevention.register_dates_invalid',
    );
    // Administrative supervision may run three years, with a review every six months.
    expect(
      code(() => checkTerm('administrative-supervision', { ...term, end: '2028-12-31', review: '2026-07-01' }, undefined)),
    ).toBe('accepted');
  });

  it('counts the day in the region’s zone: 20:00 UTC is already tomorrow in Almaty', () => {
    expect(localDay(new Date('2026-06-01T20:00:00Z'), 'Asia/Almaty')).toBe('2026-06-02');
    expect(localDay(new Date('2026-06-01T18:00:00Z'), 'Asia/Almaty')).toBe('2026-06-01');
  });
});
