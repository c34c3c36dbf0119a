import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../db/connection.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { freshTestDatabase, testDatabaseKind } from '../../test/database.js';
import { whileUncommitted } from '../../test/races.js';
import { ALMATY, caseIn } from '../../test/prevention-fixtures.js';

// A race needs two connections: on single-connection PGlite it cannot happen, so this runs on PostgreSQL only.
const onPostgres = testDatabaseKind === 'postgres';
let database: Database;
let t: TestApp;
beforeAll(async () => {
  if (!onPostgres) return;
  database = await freshTestDatabase({ poolSize: 4 });
  t = await buildTestApp({ database });
});
afterAll(async () => {
  await t?.app.close();
  await database?.close();
});

it.skipIf(!onPostgres)('refuses a write that read the case open while a close was committing', async () => {
  const c = await caseIn(t, ALMATY);
  // The access check still sees the case open (the close is not committed); the write then waits on the row.
  const response = await whileUncommitted(
    database.db,
    (trx) => trx.updateTable('dv_cases').set({ status: 'closed', closed_at: new Date() }).where('id', '=', c.id).execute(),
    () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/prevention/cases/${c.id}/people`,
        payload: { role: 'child', name: 'Test Child' },
        headers: { cookie: c.officer.cookie },
      }),
  );
  expect(response.statusCode, response.body).toBe(409);
  expect(response.json().code).toBe('prevention.case_closed');
  const people = await database.db.selectFrom('dv_case_people').select('id').where('case_id', '=', c.id).execute();
  expect(people).toHaveLength(1);
});
