import type { Fix } from './officer-api.js';

/** Fewest seconds between two sends, and most fixes kept while the network is down. */
export const SEND_EVERY_MS = 10_000;
export const MAX_PENDING = 100;

/**
 * What to do with fixes from watchPosition, which may fire every second: keep them, and send
 * at most once per SEND_EVERY_MS. The server keeps only the newest fix of a batch, so a batch is
 * cut to the newest few; fixes that failed to send stay pending (up to MAX_PENDING, newest kept).
 */
export class PositionThrottle {
  private pending: Fix[] = [];
  private lastSentAt = Number.NEGATIVE_INFINITY;

  add(fix: Fix): void {
    this.pending.push(fix);
    if (this.pending.length > MAX_PENDING) this.pending = this.pending.slice(-MAX_PENDING);
  }

  /** The batch to send now, or null when it is too soon or nothing waits. Marks the time of sending. */
  take(now: number): Fix[] | null {
    if (this.pending.length === 0 || now - this.lastSentAt < SEND_EVERY_MS) return null;
    const batch = this.pending;
    this.pending = [];
    this.lastSentAt = now;
    return batch;
  }

  /** A batch the server did not get goes back in front of what came since. */
  putBack(batch: Fix[]): void {
    this.pending = [...batch, ...this.pending].slice(-MAX_PENDING);
  }
}

/** A browser position as the server's fix. */
export function fixOf(position: GeolocationPosition): Fix {
  const { coords } = position;
  return {
    at: new Date(position.timestamp).toISOString(),
    lon: coords.longitude,
    lat: coords.latitude,
    accuracyM: Math.min(100_000, Math.max(0, coords.accuracy)),
    ...(coords.heading !== null && !Number.isNaN(coords.heading)
      ? { headingDeg: Math.min(360, Math.max(0, coords.heading)) }
      : {}),
    ...(coords.speed !== null && !Number.isNaN(coords.speed) ? { speedKmh: Math.min(400, Math.max(0, coords.speed * 3.6)) } : {}),
  };
}
