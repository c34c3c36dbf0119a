import type { App } from '../http/app.js';

export interface SseEvent {
  id: string | null;
  event: string;
  data: Record<string, unknown>;
}

export interface SseConnection {
  status: number;
  /** Every event received so far, in order. */
  events: SseEvent[];
  /** The first received event that matches, waiting up to `ms`; null when none came. */
  waitFor(match: (event: SseEvent) => boolean, ms?: number): Promise<SseEvent | null>;
  close(): void;
}

function parseFrame(frame: string): SseEvent | null {
  let id: string | null = null;
  let event = 'message';
  const data: string[] = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') id = value;
    else if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return null;
  return { id, event, data: JSON.parse(data.join('\n')) as Record<string, unknown> };
}

/** The app's base URL over real HTTP (server-sent events do not fit `inject`). */
export async function listening(app: App): Promise<string> {
  if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening on TCP');
  return `http://127.0.0.1:${address.port}`;
}

/** Opens an event stream as a console's EventSource would, and collects what arrives. */
export async function openSse(url: string, headers: Record<string, string>): Promise<SseConnection> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const events: SseEvent[] = [];
  const waiters = new Set<() => void>();
  if (response.ok && response.body) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let pending = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          pending += value;
          let end: number;
          while ((end = pending.indexOf('\n\n')) >= 0) {
            const event = parseFrame(pending.slice(0, end));
            pending = pending.slice(end + 2);
            if (event) events.push(event);
          }
          for (const wake of waiters) wake();
        }
      } catch {
        // Aborted by close().
      }
    })();
  }
  return {
    status: response.status,
    events,
    async waitFor(match, ms = 3000) {
      const found = () => events.find(match) ?? null;
      if (found()) return found();
      return new Promise((resolve) => {
        const wake = () => {
          const event = found();
          if (event) finish(event);
        };
        const finish = (event: SseEvent | null) => {
          waiters.delete(wake);
          clearTimeout(timer);
          resolve(event);
        };
        const timer = setTimeout(() => finish(null), ms);
        waiters.add(wake);
      });
    },
    close: () => abort.abort(),
  };
}
