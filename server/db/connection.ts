import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { lockDataDir } from './data-dir-lock.js';
import { PGlitePool } from './pglite-pool.js';
import { prepareRepeatedStatements } from './prepared-statements.js';
import type { Tables } from './tables.js';

export type Db = Kysely<Tables>;

export interface Database {
  kind: 'embedded' | 'postgres';
  db: Db;
  /** Bulk load with COPY ... FROM STDIN (text format); values are escaped here. */
  copyInto(table: string, columns: string[], rows: Iterable<unknown[]>): Promise<number>;
  /**
   * LISTEN on a channel: `onPayload` gets each NOTIFY payload sent after the listen started.
   * Resolves once listening; the returned function stops it. On PostgreSQL it holds one
   * connection of its own, outside the pool; `onError` hears of that connection failing, and
   * `onResumed` of it listening again (notices sent while it was down are lost).
   */
  listen(channel: string, onPayload: (payload: string) => void, events?: ListenEvents): Promise<() => Promise<void>>;
  /** The embedded database as a gzip tarball (tests use it as a migrated template). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connection string; null opens the embedded database. */
  url: string | null;
  /** Embedded only: Aman's data directory (PGlite keeps its files in `pg/` and the lock file
   * beside it); undefined keeps the database in memory. */
  dataDir?: string;
  /** Embedded only: start from this dump instead of an empty cluster. */
  loadDataDir?: Blob;
  poolSize?: number;
}

// int8 counts and ids fit in a JS number for every table we have; numeric stays a string.
pg.types.setTypeParser(20, (value) => Number(value));

function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
}

function* copyLines(rows: Iterable<unknown[]>, counter: { n: number }): Generator<string> {
  for (const row of rows) {
    counter.n++;
    yield row.map(copyText).join('\t') + '\n';
  }
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return `"${name}"`;
}

function copyStatement(table: string, columns: string[], source: string): string {
  return `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM ${source}`;
}

async function openEmbedded(options: OpenOptions): Promise<Database> {
  const release = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      dataDir: options.dataDir ? path.join(options.dataDir, 'pg') : undefined,
      loadDataDir: options.loadDataDir,
      extensions: { postgis },
      parsers: { 20: (value: string) => Number(value) },
    });
  } catch (error) {
    release();
    throw error;
  }
  const pool = new PGlitePool(pglite);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }) });
  return {
    kind: 'embedded',
    db,
    async copyInto(table, columns, rows) {
      const counter = { n: 0 };
      const blob = new Blob([...copyLines(rows, counter)]);
      const client = await pool.connect();
      try {
        await pglite.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob });
      } finally {
        client.release();
      }
      return counter.n;
    },
    async listen(channel, onPayload) {
      // Through the pool's turn, so LISTEN never lands inside another caller's transaction.
      const client = await pool.connect();
      let stop: () => Promise<void>;
      try {
        stop = await pglite.listen(channel, onPayload);
      } finally {
        client.release();
      }
      return async () => {
        const turn = await pool.connect();
        try {
          await stop();
        } finally {
          turn.release();
        }
      };
    },
    async dumpDataDir() {
      const client = await pool.connect();
      try {
        return await pglite.dumpDataDir('gzip');
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
      await pglite.close();
      release();
    },
  };
}

export interface ListenEvents {
  onError?: (error: Error) => void;
  onResumed?: () => void;
}

const LISTEN_RETRY_MS = 1_000;

function openPostgres(options: OpenOptions & { url: string }): Database {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
  prepareRepeatedStatements(pool);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    async copyInto(table, columns, rows) {
      const counter = { n: 0 };
      const client = await pool.connect();
      try {
        const stream = client.query(copyFrom(copyStatement(table, columns, 'STDIN')));
        await pipeline(Readable.from(copyLines(rows, counter)), stream);
      } finally {
        client.release();
      }
      return counter.n;
    },
    async listen(channel, onPayload, { onError, onResumed } = {}) {
      let client: pg.Client | null = null;
      let stopped = false;
      let retry: NodeJS.Timeout | undefined;
      const connect = async () => {
        const candidate = new pg.Client({ connectionString: options.url });
        const lost = (error?: Error) => {
          if (error) onError?.(error);
          if (client !== candidate || stopped) return;
          client = null;
          candidate.end().catch(() => {});
          reconnectLater();
        };
        // An unhandled 'error' from a dropped connection would end the process.
        candidate.on('error', lost);
        candidate.on('end', () => lost());
        candidate.on('notification', (message) => {
          if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
        });
        await candidate.connect();
        await candidate.query(`LISTEN ${quoteIdent(channel)}`);
        client = candidate;
      };
      const reconnectLater = () => {
        if (stopped) return;
        retry = setTimeout(() => {
          connect().then(onResumed, (error: Error) => {
            onError?.(error);
            reconnectLater();
          });
        }, LISTEN_RETRY_MS);
        retry.unref();
      };
      await connect();
      return async () => {
        stopped = true;
        clearTimeout(retry);
        await client?.end();
      };
    },
    async close() {
      await db.destroy();
    },
  };
}

/** Opens PostgreSQL when a URL is given, else the embedded PGlite with PostGIS. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.url ? openPostgres({ ...options, url: options.url }) : openEmbedded(options);
}
