import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrator.js';
import { seedReference } from '../seed.js';
import { TEMPLATE_DB, adminUrl, databaseUrl } from './postgres-url.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/**
 * Migrates and seeds reference data once per run: into a PostgreSQL template database when
 * AMAN_TEST_DATABASE_URL is set, else into a PGlite dump that each worker loads.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.AMAN_TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    const existing = await admin.query(`select datname from pg_database where datname like 'aman_test_%'`);
    for (const row of existing.rows as { datname: string }[]) {
      await admin.query(`drop database if exists "${row.datname}" with (force)`);
    }
    await admin.query(`create database ${TEMPLATE_DB}`);
    await admin.end();
    const database = await openDatabase({ url: databaseUrl(url, TEMPLATE_DB) });
    await migrateToLatest(database.db);
    await seedReference(database);
    await database.close();
    project.provide('pgliteTemplate', '');
    return async () => {};
  }
  const database = await openDatabase({ url: null });
  await migrateToLatest(database.db);
  await seedReference(database);
  const dump = await database.dumpDataDir!();
  await database.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aman-test-')), 'template.tar.gz');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return async () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
