import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.js';
import { orderExpiry } from './order-terms.js';

const issued = new Date('2026-01-31T10:00:00Z');

describe('protection order terms', () => {
  it('ends a police protection order after 30 days', () => {
    expect(orderExpiry('police-protection', issued, undefined).toISOString()).toBe('2026-03-02T10:00:00.000Z');
  });

  it('ends court special requirements after the months the court set, 3 to 12', () => {
    expect(orderExpiry('court-special-requirements', issued, 3).toISOString()).toBe('2026-04-30T10:00:00.000Z');
    expect(orderExpiry('court-special-requirements', issued, 12).toISOString()).toBe('2027-01-31T10:00:00.000Z');
  });

  it.each([
    ['court-special-requirements', 2],
    ['court-special-requirements', 13],
    ['court-special-requirements', undefined],
    ['police-protection', 3],
  ] as const)('refuses %s for %s months', (kind, months) => {
    expect(() => orderExpiry(kind, issued, months)).toThrow(AppError);
  });
});
