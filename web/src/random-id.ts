/**
 * A random id for an Idempotency-Key or a queue record. crypto.randomUUID exists only in secure
 * contexts (HTTPS, localhost); an intranet server on plain HTTP still needs reports to go once.
 */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
