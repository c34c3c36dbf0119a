import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../db/connection.js';
import { TEMPLATE_DB, adminUrl, databaseUrl } from './postgres-url.js';

let shared: Promise<Database> | null = null;

/** Which database the suites run on, for test names and skips. */
export const testDatabaseKind: 'postgres' | 'embedded' = process.env.AMAN_TEST_DATABASE_URL ? 'postgres' : 'embedded';

/**
 * A new database, migrated and loaded with reference data: a PGlite instance from the template
 * dump (about 3 s), or a PostgreSQL database created from the template database.
 */
export async function freshTestDatabase(options: { poolSize?: number } = {}): Promise<Database> {
  if (process.env.AMAN_TEST_DATABASE_URL) {
    return openDatabase({ url: await freshPostgresUrl(), poolSize: options.poolSize ?? 10 });
  }
  const dump = fs.readFileSync(inject('pgliteTemplate'));
  return openDatabase({ url: null, loadDataDir: new Blob([dump]) });
}

/** PostgreSQL only: the URL of a new database made from the migrated template. */
export async function freshPostgresUrl(): Promise<string> {
  const url = process.env.AMAN_TEST_DATABASE_URL;
  if (!url) throw new Error('AMAN_TEST_DATABASE_URL is not set');
  const name = `aman_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(url, name);
}

/**
 * The worker's shared database (tests in one worker run one file at a time, and create their own
 * rows with factories rather than assuming empty tables). Opened once per worker.
 */
export function getTestDatabase(): Promise<Database> {
  shared ??= freshTestDatabase();
  return shared;
}
