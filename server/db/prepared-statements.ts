import crypto from 'node:crypto';
import type pg from 'pg';

// A text seen this often is the application's own query shape, not a one-off.
const PREPARE_AFTER = 3;
// Bounds what each connection keeps prepared on the server and what this process remembers.
const MAX_NAMED = 500;
const MAX_TRACKED = 5_000;

/**
 * Gives repeated query texts a stable statement name. Kysely sends every query as an unnamed
 * statement, so PostgreSQL parsed, analysed and planned the citizen-report statement afresh each
 * time: two fifths of the database's work per report under the intake benchmark. A named statement
 * is parsed once per connection and its plan cached, as postgres.js and JDBC drivers do.
 */
export class StatementNames {
  private readonly seen = new Map<string, number>();
  private readonly names = new Map<string, string>();

  nameFor(text: string): string | undefined {
    const named = this.names.get(text);
    if (named !== undefined || this.names.size >= MAX_NAMED) return named;
    const count = (this.seen.get(text) ?? 0) + 1;
    if (count < PREPARE_AFTER) {
      if (this.seen.size >= MAX_TRACKED) this.seen.clear();
      this.seen.set(text, count);
      return undefined;
    }
    this.seen.delete(text);
    const name = `aman_${crypto.createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    this.names.set(text, name);
    return name;
  }
}

type Query = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/**
 * Makes every connection of the pool run repeated parameterised queries as named prepared
 * statements. Queries without parameters (BEGIN, COMMIT) and anything not plain text (COPY
 * streams, cursors) pass through unchanged.
 */
export function prepareRepeatedStatements(pool: pg.Pool): void {
  const names = new StatementNames();
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as Query;
    const prepared: Query = (config, values, callback) => {
      if (typeof config === 'string' && Array.isArray(values) && values.length > 0 && callback === undefined) {
        const name = names.nameFor(config);
        if (name !== undefined) return query({ name, text: config, values });
      }
      return query(config, values, callback);
    };
    client.query = prepared as typeof client.query;
  });
}
