/** One message of the live feed: its event name and its JSON data (ids and codes only). */
export interface LiveMessage {
  type: string;
  data: Record<string, unknown>;
}

export type FeedState = 'connecting' | 'open' | 'down';

/**
 * Listens to `GET /api/v1/live/events` for the named events. EventSource reconnects by itself
 * and sends Last-Event-ID, so the server replays what was missed; when it cannot, it sends
 * `reset`, which reaches the listener as `{ type: 'reset' }` so the console reloads its picture.
 */
export function openLiveFeed(
  types: readonly string[],
  onMessage: (message: LiveMessage) => void,
  onState: (state: FeedState) => void,
): () => void {
  const source = new EventSource('/api/v1/live/events');
  onState('connecting');
  source.onopen = () => onState('open');
  // The browser retries on its own while readyState is CONNECTING; CLOSED means it gave up.
  source.onerror = () => onState(source.readyState === EventSource.CLOSED ? 'down' : 'connecting');
  const listen = (type: string) => (event: MessageEvent<string>) => {
    let data: Record<string, unknown> = {};
    try {
      data = JSON.parse(event.data) as Record<string, unknown>;
    } catch {
      // An event without JSON still tells the console that something changed.
    }
    onMessage({ type, data });
  };
  for (const type of [...types, 'reset']) source.addEventListener(type, listen(type));
  return () => source.close();
}
