import { sql, type Migration } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { getTestDatabase } from '../test/database.js';
import type { Database } from './connection.js';
import { migrateToLatest } from './migrator.js';

let database: Database;
beforeAll(async () => {
  database = await getTestDatabase();
});

const creates = (table: string): Migration => ({
  up: async (db) => {
    await sql`create table ${sql.table(table)} (id int)`.execute(db);
  },
});

it('applies a module’s new migration that sorts before one the database already has', async () => {
  const suffix = Math.random().toString(36).slice(2, 8);
  const table = `test_migrations_${suffix}`;
  const [prevention, portal, laterPrevention] = ['a', 'b', 'c'].map((x) => `test_${x}_${suffix}`);
  const first = { '0020-prevention': creates(prevention!), '0040-portal': creates(portal!) };
  await migrateToLatest(database.db, { migrations: first, table });

  const upgrade = await migrateToLatest(database.db, {
    migrations: { ...first, '0023-prevention-more': creates(laterPrevention!) },
    table,
  });

  expect(upgrade.results?.map((r) => [r.migrationName, r.status])).toEqual([['0023-prevention-more', 'Success']]);
  const created = await sql<{ n: number }>`
    select count(*)::int n from information_schema.tables where table_name in (${prevention}, ${portal}, ${laterPrevention})`.execute(
    database.db,
  );
  expect(created.rows[0]?.n).toBe(3);
});
