import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../db/connection.js';
import { freshTestDatabase } from '../../test/database.js';
import { readHead, recordAudit, sealBatch, verifyAuditChain, writeHeadFile } from './index.js';

// On single-connection PGlite these cannot fail, so they run on PostgreSQL only (*.pg.test.ts).
let database: Database;
const key = crypto.randomBytes(32);

beforeAll(async () => {
  database = await freshTestDatabase({ poolSize: 12 });
});
afterAll(async () => {
  await database.close();
});

it('keeps a valid chain with 50 parallel appends and two chainers racing', async () => {
  const appends = Array.from({ length: 50 }, (_, i) =>
    recordAudit(database.db, { action: 'record.read', outcome: 'success', actor: { kind: 'user', id: `u${i}` }, details: { i } }),
  );
  let sealing = true;
  const chainer = async () => {
    let sealed = 0;
    while (sealing) sealed += await sealBatch(database.db, key);
    return sealed;
  };
  const chainers = [chainer(), chainer()];
  await Promise.all(appends);
  await new Promise((resolve) => setTimeout(resolve, 300));
  sealing = false;
  const sealed = (await Promise.all(chainers)).reduce((a, b) => a + b, 0);
  expect(sealed).toBe(50);
  const head = await readHead(database.db);
  const headFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aman-audit-')), 'head.json');
  writeHeadFile(headFile, head!);
  expect(await verifyAuditChain(database.db, key, headFile)).toEqual({ ok: true, verified: 50, backlog: 0 });
});
