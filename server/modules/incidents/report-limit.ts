import type { FastifyRequest } from 'fastify';
import type { App } from '../../http/app.js';
import { AppError } from '../../http/errors.js';

/** The rate limit of citizen reports per client address, as the report route uses it. */
export interface ReportLimit {
  /** Before the handler: refuses a report over the limit, unless it is an exact replay. */
  admit(req: FastifyRequest): Promise<void>;
  /** After the answer: counts the report unless it was a replay, and lets its place go. */
  settle(req: FastifyRequest, replayed: boolean): Promise<void>;
}

const admitted = Symbol('report-limit.admitted');

type Admitted = FastifyRequest & { [admitted]?: string };

/**
 * A replayed key must not count against the limit, but reading the key before every report costs
 * each one a database round trip. So the key is read only when the limit would refuse, and a
 * report is counted once its handler knows it was new. Reports still being filed hold a place,
 * so a burst sent at once cannot slip past the limit while none of it has been counted.
 */
export function replayAwareLimit(app: App, perMinute: number, isReplay: (req: FastifyRequest) => Promise<boolean>): ReportLimit {
  const limiter = app.createRateLimit({ max: perMinute, timeWindow: 60_000 });
  const filing = new Map<string, number>();
  const release = (address: string) => {
    const left = (filing.get(address) ?? 1) - 1;
    if (left > 0) filing.set(address, left);
    else filing.delete(address);
  };

  return {
    async admit(req) {
      const status = await limiter(req, { increment: false });
      if (status.isAllowed) return;
      // Synchronous from the read on, so two reports cannot both take the last place.
      const holding = (filing.get(status.key) ?? 0) + 1;
      filing.set(status.key, holding);
      (req as Admitted)[admitted] = status.key;
      if (holding <= status.remaining) return;
      if (await isReplay(req)) return;
      release(status.key);
      (req as Admitted)[admitted] = undefined;
      throw new AppError('request.rate_limited', {}, { 'retry-after': String(Math.max(1, status.ttlInSeconds)) });
    },
    async settle(req, replayed) {
      const address = (req as Admitted)[admitted];
      if (address === undefined) return;
      (req as Admitted)[admitted] = undefined;
      // Counted before the place is let go, so the report is never out of both.
      if (!replayed) await limiter(req);
      release(address);
    },
  };
}
