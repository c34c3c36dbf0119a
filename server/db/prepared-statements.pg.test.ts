import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgresUrl } from '../test/database.js';
import { openDatabase, type Database } from './connection.js';

// Only a pg.Pool prepares statements: PGlite's single session takes every query as it comes.
describe('prepared statements on PostgreSQL', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ url: await freshPostgresUrl(), poolSize: 2 });
  });
  afterAll(async () => database?.close());

  it('prepares a repeated query on its connection and still answers each call with its own values', async () => {
    const text = 'select $1::int * 2 as doubled';
    const { answers, prepared, oneOff } = await database.db.transaction().execute(async (trx) => {
      const answers: number[] = [];
      for (let n = 1; n <= 5; n++) {
        const { rows } = await sql<{ doubled: number }>`select ${n}::int * 2 as doubled`.execute(trx);
        answers.push(rows[0]!.doubled);
      }
      await sql`select ${'once'}::text as word`.execute(trx);
      const statements = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(trx);
      const texts = statements.rows.map((r) => r.statement);
      return { answers, prepared: texts.includes(text), oneOff: texts.some((t) => t.includes('as word')) };
    });
    expect(answers).toEqual([2, 4, 6, 8, 10]);
    expect(prepared).toBe(true);
    expect(oneOff).toBe(false);
  });

  it('reports a failing prepared statement and runs it again afterwards', async () => {
    const divide = (n: number) => sql<{ q: number }>`select 10 / ${n}::int as q`.execute(database.db);
    for (let i = 0; i < 3; i++) await divide(5);
    await expect(divide(0)).rejects.toThrow(/division by zero/);
    expect((await divide(2)).rows[0]!.q).toBe(5);
  });
});
