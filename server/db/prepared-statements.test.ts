import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgresUrl, testDatabaseKind } from '../test/database.js';
import { openDatabase, type Database } from './connection.js';
import { StatementNames } from './prepared-statements.js';

describe('statement names', () => {
  it('names a text only once it has come back, and always with the same name', () => {
    const names = new StatementNames();
    const text = 'select * from incidents where id = $1';
    expect(names.nameFor(text)).toBeUndefined();
    expect(names.nameFor(text)).toBeUndefined();
    const name = names.nameFor(text);
    expect(name).toMatch(/^aman_[0-9a-f]{32}$/);
    expect(names.nameFor(text)).toBe(name);
    expect(names.nameFor('select * from units where id = $1')).toBeUndefined();
  });

  it('stops naming new texts at its bound but keeps the names it gave', () => {
    const names = new StatementNames();
    const first = 'select $1::int';
    for (let i = 0; i < 3; i++) names.nameFor(first);
    for (let n = 0; n < 600; n++) for (let i = 0; i < 3; i++) names.nameFor(`select $1::int + ${n}`);
    expect(names.nameFor(first)).toBeDefined();
    const late = 'select $1::text';
    for (let i = 0; i < 5; i++) expect(names.nameFor(late)).toBeUndefined();
  });
});

describe.runIf(testDatabaseKind === 'postgres')('prepared statements on PostgreSQL', () => {
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
