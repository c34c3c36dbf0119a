import type { PGlite } from '@electric-sql/pglite';

/**
 * Presents one PGlite instance as the small part of a `pg.Pool` that Kysely's Postgres driver
 * uses, so both databases run through the same dialect. PGlite has a single session, so a
 * client is handed out to one caller at a time: a transaction is never interleaved with
 * another caller's statements.
 */
export class PGlitePool {
  #queue: Promise<void> = Promise.resolve();

  constructor(private readonly pglite: PGlite) {}

  async connect(): Promise<PGliteClient> {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const previous = this.#queue;
    this.#queue = previous.then(() => turn);
    await previous;
    // PGlite runs in this thread: without a pause, a queue of statements runs as one chain of
    // promise callbacks and the event loop accepts no connection and reads no request until it
    // is empty (under load, a new client waited seconds for its connection to be accepted).
    await new Promise((resolve) => setImmediate(resolve));
    return new PGliteClient(this.pglite, release);
  }

  async end(): Promise<void> {
    await this.#queue;
  }
}

const COMMAND = /^\s*(?:--[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*(\w+)/;

class PGliteClient {
  #released = false;
  constructor(
    private readonly pglite: PGlite,
    private readonly onRelease: () => void,
  ) {}

  async query(text: string, params: unknown[] = []) {
    const result = await this.pglite.query<Record<string, unknown>>(text, params);
    // pg reports the command tag; PGlite does not, and Kysely reads it for affected-row counts.
    const command = COMMAND.exec(text)?.[1]?.toUpperCase() ?? '';
    return { command, rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
  }

  release(): void {
    if (this.#released) return;
    this.#released = true;
    this.onRelease();
  }
}
