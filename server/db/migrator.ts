import { Migrator, type MigrationResultSet } from 'kysely';
import { migrations } from '../migrations/index.js';
import type { Db } from './connection.js';

/**
 * Applies pending migrations in name order. Kysely's Postgres adapter holds an advisory lock
 * while it migrates, so two app nodes starting together apply each migration once.
 */
export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
