import type { Database } from '../db/connection.js';
import { startEventStream, type EventStream, type LiveHandler } from './stream.js';

/** A reader's share of the process's event stream: subscribe as on the stream, release when done. */
export interface EventStreamLease {
  subscribe: EventStream['subscribe'];
  release(): Promise<void>;
}

type OnError = (error: unknown) => void;

interface Shared {
  stream: Promise<EventStream>;
  /** Told when the stream itself fails (its LISTEN connection, a read): each may have missed a commit. */
  holders: Set<OnError>;
}

const byDatabase = new WeakMap<Database, Shared>();

function startShared(database: Database): Shared {
  const holders = new Set<OnError>();
  const shared: Shared = {
    holders,
    stream: startEventStream(database, { onError: (error) => holders.forEach((tell) => tell(error)) }),
  };
  byDatabase.set(database, shared);
  // A stream that could not start is started afresh by the next reader.
  shared.stream.catch(() => byDatabase.get(database) === shared && byDatabase.delete(database));
  return shared;
}

/**
 * One event stream per database in a process, whoever reads it (the consoles' live feed, the
 * live hot spots): one LISTEN connection and one read per commit however many readers there
 * are. The last reader to release it closes it. A reader's own handler failing is told to that
 * reader alone, so it never makes another believe the stream lost a commit.
 */
export async function leaseEventStream(database: Database, onError: OnError = () => {}): Promise<EventStreamLease> {
  const shared = byDatabase.get(database) ?? startShared(database);
  const tell = (error: unknown) => onError(error);
  shared.holders.add(tell);
  let stream: EventStream;
  try {
    stream = await shared.stream;
  } catch (error) {
    shared.holders.delete(tell);
    throw error;
  }
  let released = false;
  const guarded =
    (handler: LiveHandler): LiveHandler =>
    (events) => {
      try {
        handler(events);
      } catch (error) {
        tell(error);
      }
    };
  return {
    subscribe: (handler, after) => stream.subscribe(guarded(handler), after),
    async release() {
      if (released) return;
      released = true;
      shared.holders.delete(tell);
      if (shared.holders.size > 0) return;
      if (byDatabase.get(database) === shared) byDatabase.delete(database);
      await stream.close();
    },
  };
}
