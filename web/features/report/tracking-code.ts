// Crockford's base 32, as the server writes tracking codes: no I, L, O or U.
const ALPHABET = /^[0-9A-HJKMNP-TV-Z]{10}$/;

/**
 * A tracking code as a person may type or read it aloud (lower case, spaces or hyphens, I or L
 * for 1, O for 0) in the form the server gave it; null when it cannot be a code.
 */
export function normaliseTrackingCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return ALPHABET.test(code) ? code : null;
}

/** 10 characters in two groups of five, easier to read out and copy by hand. */
export function groupTrackingCode(code: string): string {
  return code.length === 10 ? `${code.slice(0, 5)} ${code.slice(5)}` : code;
}
