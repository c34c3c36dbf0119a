import { Secret, TOTP } from 'otpauth';

const PERIOD = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secret: string, username: string): string {
  return new TOTP({ issuer: 'Aman', label: username, secret, period: PERIOD, digits: 6, algorithm: 'SHA1' }).toString();
}

export function totpCode(secret: string, at: Date): string {
  return new TOTP({ secret, period: PERIOD, digits: 6, algorithm: 'SHA1' }).generate({ timestamp: at.getTime() });
}

/**
 * The time step a code belongs to, accepting one step of clock drift either way, or null.
 * The caller refuses a step not newer than the last one used, so each code works once.
 */
export function matchTotpStep(secret: string, code: string, at: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = new TOTP({ secret, period: PERIOD, digits: 6, algorithm: 'SHA1' }).validate({
    token: code,
    timestamp: at.getTime(),
    window: 1,
  });
  if (delta === null) return null;
  return Math.floor(at.getTime() / 1000 / PERIOD) + delta;
}
