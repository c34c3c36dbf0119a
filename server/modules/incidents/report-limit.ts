import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../http/app.js';
import { AppError } from '../../http/errors.js';

/** The rate limit of citizen reports per client (its address, or its API key), as the report routes use it. */
export interface ReportLimit {
  /**
   * Before the handler: refuses a report over the limit, unless it is an exact replay. An admitted
   * report holds its place until its response closes (sent, or the client gone), then is counted
   * unless `replayed(req)` says it was a replay.
   */
  admit(req: FastifyRequest, reply: FastifyReply): Promise<void>;
}

/**
 * A replayed key must not count against the limit, but reading the key before every report costs
 * each one a database round trip. So the key is read only when the limit would refuse, and a
 * report is counted once its handler knows it was new. Reports still being filed hold a place,
 * so a burst sent at once cannot slip past the limit while none of it has been counted.
 */
export function replayAwareLimit(
  app: App,
  perMinute: number,
  checks: {
    isReplay: (req: FastifyRequest) => Promise<boolean>;
    replayed: (req: FastifyRequest) => boolean;
    /** Whom the limit counts: the client address unless said otherwise. */
    keyGenerator?: (req: FastifyRequest) => string;
  },
): ReportLimit {
  const limiter = app.createRateLimit({
    max: perMinute,
    timeWindow: 60_000,
    ...(checks.keyGenerator ? { keyGenerator: checks.keyGenerator } : {}),
  });
  const filing = new Map<string, number>();
  const release = (address: string) => {
    const left = (filing.get(address) ?? 1) - 1;
    if (left > 0) filing.set(address, left);
    else filing.delete(address);
  };

  // Counted before the place is let go, so the report is never out of both.
  const settle = async (req: FastifyRequest, address: string) => {
    try {
      if (!checks.replayed(req)) await limiter(req);
    } finally {
      release(address);
    }
  };

  return {
    async admit(req, reply) {
      const status = await limiter(req, { increment: false });
      if (status.isAllowed) return;
      // Synchronous from the read on, so two reports cannot both take the last place.
      const holding = (filing.get(status.key) ?? 0) + 1;
      filing.set(status.key, holding);
      // 'close' comes after the response is sent and also when the client goes away first (or
      // the replay check fails), so a place is never held for ever.
      let refused = false;
      reply.raw.once('close', () => void (refused ? undefined : settle(req, status.key)));
      if (holding > status.remaining && !(await checks.isReplay(req))) {
        refused = true;
        release(status.key);
        throw new AppError('request.rate_limited', {}, { 'retry-after': String(Math.max(1, status.ttlInSeconds)) });
      }
    },
  };
}
