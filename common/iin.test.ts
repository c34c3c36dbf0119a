import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidIin } from './iin.js';

/** Appends the check digit by the published rule, or null when the rule allows none. */
function withCheckDigit(first11: string): string | null {
  const d = [...first11].map(Number);
  const sum = (w: number[]) => w.reduce((s, x, i) => s + x * d[i]!, 0) % 11;
  let c = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (c === 10) c = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return c === 10 ? null : first11 + c;
}

describe('IIN', () => {
  it('accepts numbers whose check digit is right', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), (prefix) => {
        const iin = withCheckDigit(prefix);
        if (iin) expect(isValidIin(iin)).toBe(true);
      }),
    );
  });
  it('refuses a wrong check digit, wrong length and non-digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), fc.integer({ min: 1, max: 9 }), (prefix, shift) => {
        const iin = withCheckDigit(prefix);
        if (!iin) return;
        const wrong = prefix + ((Number(iin[11]) + shift) % 10);
        expect(isValidIin(wrong)).toBe(false);
      }),
    );
    expect(isValidIin('12345678901')).toBe(false);
    expect(isValidIin('1234567890123')).toBe(false);
    expect(isValidIin('12345678901a')).toBe(false);
  });
});
