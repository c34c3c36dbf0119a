const FIRST_DELAY_MS = 5_000;
const LONGEST_DELAY_MS = 15 * 60_000;

/**
 * How long to wait before the next attempt after `attempts` failed ones: doubling from 5 s up to
 * 15 min, with jitter so that phones coming back online together do not all resend at once. A
 * server's Retry-After is a floor.
 */
export function retryDelayMs(attempts: number, random: () => number, retryAfter: number | null = null): number {
  const exponent = Math.max(0, attempts - 1);
  const ceiling = Math.min(LONGEST_DELAY_MS, FIRST_DELAY_MS * 2 ** exponent);
  const jittered = Math.round(ceiling * (0.5 + random() / 2));
  return Math.max(jittered, retryAfter ?? 0);
}
