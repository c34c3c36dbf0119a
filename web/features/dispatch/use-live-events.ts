import { useEffect, useRef } from 'react';

/** What a live event says: its type and the ids it carries (never personal data). */
export interface LiveMessage {
  type: string;
  unitId?: string;
  incidentId?: string;
  /** A status change's new status. */
  to?: string;
}

/**
 * Listens to the consoles' live feed (`GET /api/v1/live/events`) for the given event types.
 * EventSource reconnects by itself and sends Last-Event-ID, so the server replays what was
 * missed; after `reset` (too much missed) the listener is told to reload everything.
 */
export function useLiveEvents(types: readonly string[], onEvent: (message: LiveMessage) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const key = types.join(',');

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/live/events');
    const listener = (event: MessageEvent<string>) => {
      try {
        const data = JSON.parse(event.data) as Record<string, unknown>;
        handler.current({
          type: event.type,
          unitId: typeof data.unitId === 'string' ? data.unitId : undefined,
          incidentId: typeof data.incidentId === 'string' ? data.incidentId : undefined,
          to: typeof data.to === 'string' ? data.to : undefined,
        });
      } catch {
        handler.current({ type: 'reset' });
      }
    };
    const names = [...key.split(','), 'reset'];
    for (const name of names) source.addEventListener(name, listener);
    return () => {
      for (const name of names) source.removeEventListener(name, listener);
      source.close();
    };
  }, [key]);
}
