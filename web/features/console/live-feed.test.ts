import { afterEach, describe, expect, it } from 'vitest';
import { openLiveFeed, type FeedState, type LiveMessage } from './live-feed.js';

/** Just enough of the browser's EventSource to drive the feed from a test. */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static last: FakeEventSource | null = null;
  readyState = FakeEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  private listeners = new Map<string, ((event: { data: string }) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, listener: (event: { data: string }) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string, data: string) {
    for (const listener of this.listeners.get(type) ?? []) listener({ data });
  }
  close() {
    this.closed = true;
  }
}

const original = (globalThis as { EventSource?: unknown }).EventSource;
afterEach(() => {
  (globalThis as { EventSource?: unknown }).EventSource = original;
});

function open(types: string[]) {
  (globalThis as { EventSource?: unknown }).EventSource = FakeEventSource;
  const messages: LiveMessage[] = [];
  const states: FeedState[] = [];
  const close = openLiveFeed(
    types,
    (m) => messages.push(m),
    (s) => states.push(s),
  );
  return { source: FakeEventSource.last!, messages, states, close };
}

describe('openLiveFeed', () => {
  it('hands over the named events with their data, and `reset` so the console reloads', () => {
    const { source, messages } = open(['incident.created']);
    expect(source.url).toBe('/api/v1/live/events');
    source.emit('incident.created', JSON.stringify({ incidentId: 'a', priority: 1 }));
    source.emit('unit.created', JSON.stringify({ unitId: 'u' }));
    source.emit('reset', '{}');
    expect(messages).toEqual([
      { type: 'incident.created', data: { incidentId: 'a', priority: 1 } },
      { type: 'reset', data: {} },
    ]);
  });

  it('reports connecting while the browser retries and down only once it gives up', () => {
    const { source, states, close } = open([]);
    source.onopen?.();
    source.readyState = FakeEventSource.CONNECTING;
    source.onerror?.();
    source.readyState = FakeEventSource.CLOSED;
    source.onerror?.();
    expect(states).toEqual(['connecting', 'open', 'connecting', 'down']);
    close();
    expect(source.closed).toBe(true);
  });
});
