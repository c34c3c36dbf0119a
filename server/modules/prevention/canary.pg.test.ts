import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../db/connection.js';
import { openDatabase } from '../../db/connection.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { collectedLogs, fileCanaryEverywhere, tracesIn } from '../../test/canary-fixtures.js';
import { freshPostgresUrl, testDatabaseKind } from '../../test/database.js';

// The dump an operator would take of the whole database must not hold a victim in plain text:
// PostgreSQL's own pg_dump of every table (outbox, jobs, audit, indexes' tables), not a query.
const PG_DUMP = ['/usr/lib/postgresql/15/bin/pg_dump', '/usr/bin/pg_dump'].find((file) => fs.existsSync(file));
const onPostgres = testDatabaseKind === 'postgres';
if (onPostgres && !PG_DUMP) console.warn('canary.pg.test: no pg_dump on this machine; the dump check is skipped');

const logs = collectedLogs();
let url: string;
let database: Database;
let t: TestApp;
beforeAll(async () => {
  if (!onPostgres || !PG_DUMP) return;
  url = await freshPostgresUrl();
  database = await openDatabase({ url, poolSize: 4 });
  t = await buildTestApp({ database, logger: logs.logger });
});
afterAll(async () => {
  await t?.app.close();
  await database?.close();
});

it.skipIf(!onPostgres || !PG_DUMP)(
  'keeps a person written into a report, its notes and a case out of pg_dump and the logs',
  async () => {
    await fileCanaryEverywhere(t);
    const dump = execFileSync(PG_DUMP!, ['--data-only', '--no-owner', `--dbname=${url}`], {
      encoding: 'utf8',
      maxBuffer: 1024 ** 3,
    });
    // Proof the dump holds the data at all: the incident table's rows are in it.
    expect(dump).toMatch(/COPY public\.incidents /);
    expect(tracesIn(dump)).toEqual([]);
    expect(tracesIn(logs.text())).toEqual([]);
  },
);
