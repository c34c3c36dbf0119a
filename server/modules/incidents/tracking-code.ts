import crypto from 'node:crypto';

// Crockford's base 32: no I, L, O or U, so a code read aloud or copied by hand survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_CODE_LENGTH = 10;

/** 10 characters of 5 random bits each: 50 bits, too many to guess at the rate look-ups allow. */
export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH; i++) code += ALPHABET[crypto.randomInt(32)];
  return code;
}

/**
 * A code as a person may type it (lower case, hyphens or spaces, I/L for 1, O for 0) in its
 * stored form; null when it cannot be one.
 */
export function normaliseTrackingCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (code.length !== TRACKING_CODE_LENGTH) return null;
  for (const ch of code) if (!ALPHABET.includes(ch)) return null;
  return code;
}
