import crypto from 'node:crypto';
import { AppError } from '../../http/errors.js';

/** How far a device's timestamp may be from the server clock, either way. */
export const SOS_FRESHNESS_SECONDS = 60;

/** A new device secret: 32 random bytes, base64url, shown to the installer once. */
export function newDeviceSecret(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** What a device sends in X-Aman-Signature: hex HMAC-SHA-256 of `${timestamp}.${rawBody}`. */
export function signSosRequest(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return crypto.createHmac('sha256', Buffer.from(secret, 'base64url')).update(`${timestamp}.`).update(rawBody).digest('hex');
}

export interface SignedRequest {
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer;
}

/**
 * Checks the signature first (so an unsigned caller learns nothing about our clock), then that
 * the timestamp is fresh. Returns the signed time. Replays are the store's to refuse.
 */
export function verifySosRequest(secret: string, request: SignedRequest, now: Date): Date {
  const { timestamp, signature } = request;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !signature || !/^[0-9a-f]{64}$/i.test(signature)) {
    throw new AppError('sos.signature_invalid');
  }
  const expected = Buffer.from(signSosRequest(secret, timestamp, request.rawBody), 'hex');
  // Constant time, so the signature cannot be guessed a byte at a time from response times.
  if (!crypto.timingSafeEqual(expected, Buffer.from(signature, 'hex'))) throw new AppError('sos.signature_invalid');
  const signedAt = new Date(Number(timestamp) * 1000);
  if (Math.abs(now.getTime() - signedAt.getTime()) > SOS_FRESHNESS_SECONDS * 1000) throw new AppError('sos.stale');
  return signedAt;
}
