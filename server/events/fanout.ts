import type { Database } from '../db/connection.js';
import { EVENTS_CHANNEL, type EventNotice } from './publish.js';

export type EventHandler = (notice: EventNotice) => void;

export interface EventFanout {
  /** Calls `handler` for every event committed from now on, in any process; returns the unsubscribe. */
  subscribe(handler: EventHandler): () => void;
  close(): Promise<void>;
}

function parseNotice(payload: string): EventNotice | null {
  try {
    const value = JSON.parse(payload) as Partial<EventNotice>;
    if (typeof value.id !== 'number' || typeof value.type !== 'string') return null;
    return { id: value.id, type: value.type, regionId: typeof value.regionId === 'string' ? value.regionId : null };
  } catch {
    return null;
  }
}

/**
 * One LISTEN per process, shared by every in-process subscriber (a console's stream, a job), so
 * 500 consoles cost one database connection, not 500. A handler that throws is reported and
 * does not stop the others.
 */
export async function startEventFanout(
  database: Database,
  options: { onError?: (error: unknown) => void } = {},
): Promise<EventFanout> {
  const handlers = new Set<EventHandler>();
  const deliver = (payload: string) => {
    const notice = parseNotice(payload);
    if (!notice) return;
    for (const handler of handlers) {
      try {
        handler(notice);
      } catch (error) {
        options.onError?.(error);
      }
    }
  };
  const stop = await database.listen(EVENTS_CHANNEL, deliver, options.onError);
  return {
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    async close() {
      handlers.clear();
      await stop();
    },
  };
}
