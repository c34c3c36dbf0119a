import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../db/connection.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { freshTestDatabase, testDatabaseKind } from '../../test/database.js';
import { requestHash } from './idempotency.js';
import { intakeCounts, validReport } from './report-fixtures.js';
import { REPORT_SCOPE } from './reports.js';

// On single-connection PGlite requests cannot overlap; on PostgreSQL with a pool they do, and
// only the idempotency table's primary key keeps them from making two incidents.
let database: Database;
let t: TestApp;
beforeAll(async () => {
  database = await freshTestDatabase({ poolSize: 20 });
  t = await buildTestApp({ database, env: { AMAN_RATE_LIMIT_PUBLIC: '1000' } });
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

it('makes exactly one incident from 20 parallel POSTs with one Idempotency-Key', async () => {
  const body = validReport();
  const before = await intakeCounts(database.db);
  const responses = await Promise.all(
    Array.from({ length: 20 }, () =>
      t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body, headers: { 'idempotency-key': 'parallel-1' } }),
    ),
  );
  expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
  expect(new Set(responses.map((r) => r.body)).size).toBe(1);
  const after = await intakeCounts(database.db);
  expect(after.incidents - before.incidents).toBe(1);
  expect(after.timeline - before.timeline).toBe(1);
  expect(after.events - before.events).toBe(1);
  expect(after.audit - before.audit).toBe(1);
  expect(after.keys - before.keys).toBe(1);
});

// Needs a second connection: on PGlite the request would wait for the very transaction it is in.
it.skipIf(testDatabaseKind !== 'postgres')('answers 409 when the first request holds its key for too long', async () => {
  const body = validReport();
  const response = await database.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('idempotency_keys')
      .values({
        scope: REPORT_SCOPE,
        key: 'stuck-1',
        request_hash: requestHash(body),
        status: 'in_flight',
        response_status: null,
        response_body: null,
      })
      .execute();
    return t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body, headers: { 'idempotency-key': 'stuck-1' } });
  });
  expect(response.statusCode).toBe(409);
  expect(response.json().code).toBe('idempotency.in_flight');
});
