import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import { migrations } from '../migrations/index.js';
import type { Db } from './connection.js';

/**
 * Applies pending migrations in name order. Kysely's Postgres adapter holds an advisory lock
 * while it migrates, so two app nodes starting together apply each migration once.
 *
 * Each module numbers its migrations in its own range (prevention 0020–0029, portal 0040–0049,
 * …), so a module's new migration can sort before another module's that a database already has.
 * That is allowed: a migration depends only on its own module's earlier ones and the platform's,
 * which always come first in its range or below it.
 */
export async function migrateToLatest(
  db: Db,
  options: { migrations?: Record<string, Migration>; table?: string } = {},
): Promise<MigrationResultSet> {
  const table = options.table ?? 'schema_migrations';
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => options.migrations ?? migrations },
    migrationTableName: table,
    migrationLockTableName: `${table}_lock`,
    allowUnorderedMigrations: true,
  });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
