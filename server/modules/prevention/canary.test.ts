import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../db/connection.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { collectedLogs, fileCanaryEverywhere, tracesIn } from '../../test/canary-fixtures.js';
import { freshTestDatabase } from '../../test/database.js';
import { everyRowAsText } from '../../test/every-row.js';

// The embedded twin of canary.pg.test.ts: PGlite has no pg_dump, so every row of every table is
// read as text, which is what a data-only dump holds.
const logs = collectedLogs();
let database: Database;
let t: TestApp;
beforeAll(async () => {
  database = await freshTestDatabase();
  t = await buildTestApp({ database, logger: logs.logger });
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

it('keeps a person written into a report, its notes and a case out of every table and every log line', async () => {
  await fileCanaryEverywhere(t);
  expect(tracesIn(await everyRowAsText(database.db))).toEqual([]);
  expect(logs.text()).toContain('"statusCode":201');
  expect(tracesIn(logs.text())).toEqual([]);
});
