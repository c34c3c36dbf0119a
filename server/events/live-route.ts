import { Type } from '@sinclair/typebox';
import type { ServerResponse } from 'node:http';
import type { Database } from '../db/connection.js';
import { staffAccess } from '../http/access.js';
import { covers, type Actor } from '../http/actor.js';
import type { App } from '../http/app.js';
import { leaseEventStream, type EventStreamLease } from './shared-stream.js';
import type { LiveEvent } from './stream.js';

// Analysts too: their situation board counts what the consoles see, live.
const LIVE_READERS = ['operator', 'supervisor', 'officer', 'analyst'] as const;
const HEARTBEAT_MS = 15_000;
// The stream ends now and then and the browser reconnects with Last-Event-ID: each reconnect
// passes the session check again, so a revoked session stops receiving within minutes.
const REAUTHORISE_MS = 5 * 60_000;

export interface LiveOptions {
  database: Database;
  heartbeatMs?: number;
  reauthoriseMs?: number;
  onError?: (error: unknown) => void;
}

function frame(event: LiveEvent): string {
  const data = {
    type: event.type,
    regionId: event.regionId,
    districtId: event.districtId,
    beatId: event.beatId,
    at: event.createdAt.toISOString(),
    ...event.payload,
  };
  return `id: ${event.position}\nevent: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`;
}

function visibleTo(actor: Actor) {
  return (event: LiveEvent) => actor.kind === 'user' && covers(actor.jurisdiction, event);
}

/**
 * `GET /api/v1/live/events`: the consoles' live feed as server-sent events. Events carry ids and
 * codes only; a console reads details through the jurisdiction-checked routes. A reconnecting
 * console sends Last-Event-ID and receives what it missed first; when that is too much (or
 * pruned), it receives `reset` and reloads its picture.
 */
export function registerLiveEvents(app: App, options: LiveOptions): void {
  let lease: Promise<EventStreamLease> | null = null;
  const shared = () => {
    if (!lease) {
      lease = leaseEventStream(options.database, options.onError);
      // A stream that could not start is tried again by the next console.
      lease.catch(() => (lease = null));
    }
    return lease;
  };
  const open = new Set<ServerResponse>();
  // A server shutting down waits for open responses: end the streams, the consoles reconnect elsewhere.
  app.addHook('preClose', async () => {
    for (const raw of open) raw.end();
  });
  app.addHook('onClose', async () => {
    await (await lease?.catch(() => null))?.release();
  });

  app.get(
    '/api/v1/live/events',
    {
      config: { access: staffAccess(LIVE_READERS, 'beat') },
      schema: {
        tags: ['live'],
        summary: 'Live events of the caller’s jurisdiction (text/event-stream), resumable with Last-Event-ID',
        headers: Type.Object({ 'last-event-id': Type.Optional(Type.String({ maxLength: 64 })) }),
        querystring: Type.Object({ after: Type.Optional(Type.String({ maxLength: 64 })) }, { additionalProperties: false }),
      },
    },
    async (req, reply) => {
      const visible = visibleTo(req.actor);
      const live = await shared();
      reply.hijack();
      const raw: ServerResponse = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        'x-accel-buffering': 'no',
      });
      raw.write('retry: 2000\n\n');
      const send = (events: LiveEvent[]) => {
        const text = events.filter(visible).map(frame).join('');
        if (text) raw.write(text);
      };
      let unsubscribe = await live.subscribe(send, req.headers['last-event-id'] ?? req.query.after);
      if (unsubscribe === 'gap') {
        raw.write('event: reset\ndata: {}\n\n');
        unsubscribe = (await live.subscribe(send)) as () => void;
      }
      const stop = unsubscribe;
      const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), options.heartbeatMs ?? HEARTBEAT_MS);
      const reauthorise = setTimeout(() => raw.end(), options.reauthoriseMs ?? REAUTHORISE_MS);
      const cleanUp = () => {
        open.delete(raw);
        stop();
        clearInterval(heartbeat);
        clearTimeout(reauthorise);
      };
      open.add(raw);
      raw.on('close', cleanUp);
      // The console may have gone while we subscribed; 'close' has then already fired.
      if (raw.destroyed) cleanUp();
    },
  );
}
