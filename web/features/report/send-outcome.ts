import type { ReportReceipt } from './report-api.js';

/** What one attempt to send a report came to. */
export type SendOutcome =
  | { kind: 'sent'; receipt: ReportReceipt }
  /** The server refused this report as it is: sending it again would not help. */
  | { kind: 'rejected'; message: string }
  /** Not this time (no network, server busy or failing, the first copy still in flight): try later. */
  | { kind: 'retry'; message: string | null; retryAfterMs: number | null; isOffline: boolean };

export type ResponseVerdict = 'sent' | 'rejected' | 'retry';

/**
 * How to treat an HTTP status. 409 means the first request with this Idempotency-Key is still in
 * flight and 429 a rate limit: both pass. 408 is the server giving up on a slow upload.
 */
export function verdictOf(status: number): ResponseVerdict {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 408 || status === 409 || status === 429 || status >= 500) return 'retry';
  return 'rejected';
}

/** Retry-After in milliseconds (seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
