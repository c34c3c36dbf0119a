import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../db/connection.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { freshTestDatabase, testDatabaseKind } from '../../test/database.js';
import { whileUncommitted } from '../../test/races.js';
import { ALMATY, staffIn } from '../../test/prevention-fixtures.js';
import { entryIn } from '../../test/register-fixtures.js';

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

it.skipIf(!onPostgres)('refuses a handover that read the entry before another handover committed', async () => {
  const entry = await entryIn(t, ALMATY);
  const [first, second] = [await staffIn(t, ALMATY, ['officer']), await staffIn(t, ALMATY, ['officer'])];
  // The second still reads the entry as the old officer's (the first is not committed); its update then waits on the row.
  const response = await whileUncommitted(
    database.db,
    (trx) =>
      trx
        .updateTable('prevention_register_entries')
        .set({ responsible_officer_id: first.id })
        .where('id', '=', entry.id)
        .execute(),
    () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/prevention/register/entries/${entry.id}/responsibility`,
        payload: { officerId: second.id, reason: 'The family moved to another beat' },
        headers: { cookie: entry.officer.cookie },
      }),
  );
  expect(response.statusCode, response.body).toBe(409);
  expect(response.json().code).toBe('prevention.register_handover_conflict');
  const row = await database.db
    .selectFrom('prevention_register_entries')
    .select('responsible_officer_id')
    .where('id', '=', entry.id)
    .executeTakeFirstOrThrow();
  expect(row.responsible_officer_id).toBe(first.id);
  const history = await database.db
    .selectFrom('prevention_register_handovers')
    .select('id')
    .where('entry_id', '=', entry.id)
    .execute();
  expect(history).toHaveLength(0);
});
