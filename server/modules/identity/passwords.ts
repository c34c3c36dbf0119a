import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../../http/errors.js';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

// Local additions to the international list: keyboard walks and words people here pick first.
const LOCAL_COMMON = [
  'йцукен',
  'йцукенг',
  'пароль',
  'пароль123',
  'құпиясөз',
  'qazaqstan',
  'kazakhstan',
  'astana123',
  'almaty123',
  'aman1234',
  '1qaz2wsx',
];
const COMMON = new Set([...(dictionary['passwords-common'] as string[]), ...LOCAL_COMMON].map((p) => p.toLowerCase()));

/**
 * NIST SP 800-63B and the CJIS Security Policy: length, not composition rules; refuse passwords
 * from lists of common ones and the username itself.
 */
export function checkPasswordPolicy(password: string, username: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN) throw new AppError('password.too_short');
  if (length > PASSWORD_MAX) throw new AppError('password.too_long');
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || lower === username.toLowerCase()) throw new AppError('password.common');
}

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane (the library's default algorithm is argon2id).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the username is unknown, so timing does not reveal it. */
export const DUMMY_HASH = await hashPassword('aman-dummy-password-for-timing');
