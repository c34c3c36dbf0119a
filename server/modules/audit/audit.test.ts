import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection.js';
import { freshTestDatabase } from '../../test/database.js';
import { readHead, recordAudit, sealAll, verifyAuditChain, writeHeadFile } from './index.js';

const key = crypto.randomBytes(32);
let database: Database;
let headFile: string;

async function appendEntries(n: number) {
  for (let i = 0; i < n; i++) {
    await recordAudit(database.db, {
      action: 'record.read',
      outcome: 'success',
      actor: { kind: 'user', id: `user-${i}` },
      target: { type: 'case', id: `case-${i}` },
      regionId: '750000000',
      ip: '10.0.0.1',
      details: { nested: { b: 2, a: [1, 'x'] }, i },
    });
  }
  await sealAll(database.db, key);
  const head = await readHead(database.db);
  if (head) writeHeadFile(headFile, head);
}

/** Acts as an attacker with superuser rights: the append-only trigger does not stop them. */
async function asSuperuser(statement: ReturnType<typeof sql>) {
  await database.db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await statement.execute(trx);
  });
}

beforeAll(async () => {
  database = await freshTestDatabase();
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  headFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aman-audit-')), 'head.json');
  await asSuperuser(sql`delete from audit_log`);
  await sql`delete from audit_inbox`.execute(database.db);
});

describe('audit chain', () => {
  it('verifies an intact chain and reports the unsealed backlog', async () => {
    await appendEntries(12);
    await recordAudit(database.db, { action: 'auth.login', outcome: 'failure', actor: { kind: 'anonymous', id: null } });
    const result = await verifyAuditChain(database.db, key, headFile);
    expect(result).toEqual({ ok: true, verified: 12, backlog: 1 });
  });

  it('does not verify with another key', async () => {
    await appendEntries(3);
    const result = await verifyAuditChain(database.db, crypto.randomBytes(32), headFile);
    expect(result).toMatchObject({ ok: false, badSeq: 1 });
  });

  it('detects an edited entry', async () => {
    await appendEntries(10);
    await asSuperuser(sql`update audit_log set outcome = 'failure' where seq = 6`);
    expect(await verifyAuditChain(database.db, key, headFile)).toMatchObject({ ok: false, badSeq: 6, verified: 5 });
  });

  it('detects an edit inside the details', async () => {
    await appendEntries(4);
    await asSuperuser(sql`update audit_log set details = jsonb_set(details, '{i}', '99') where seq = 2`);
    expect(await verifyAuditChain(database.db, key, headFile)).toMatchObject({ ok: false, badSeq: 2 });
  });

  it('detects a deleted entry in the middle', async () => {
    await appendEntries(10);
    await asSuperuser(sql`delete from audit_log where seq = 4`);
    expect(await verifyAuditChain(database.db, key, headFile)).toMatchObject({ ok: false, badSeq: 4 });
  });

  it('detects reordered entries', async () => {
    await appendEntries(10);
    await asSuperuser(sql`update audit_log set seq = case seq when 3 then 7 when 7 then 3 end + 1000 where seq in (3, 7)`);
    await asSuperuser(sql`update audit_log set seq = seq - 1000 where seq > 1000`);
    expect(await verifyAuditChain(database.db, key, headFile)).toMatchObject({ ok: false, badSeq: 3 });
  });

  it('detects the deletion of the newest entries through the head file', async () => {
    await appendEntries(10);
    await asSuperuser(sql`delete from audit_log where seq >= 9`);
    const result = await verifyAuditChain(database.db, key, headFile);
    expect(result).toMatchObject({ ok: false, badSeq: 9 });
    if (!result.ok) expect(result.reason).toMatch(/missing/);
  });

  it('refuses UPDATE, DELETE and TRUNCATE from the application', async () => {
    await appendEntries(2);
    await expect(sql`update audit_log set action = 'x' where seq = 1`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where seq = 1`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
    expect(await verifyAuditChain(database.db, key, headFile)).toMatchObject({ ok: true, verified: 2 });
  });

  it('continues the chain across batches and restarts', async () => {
    await appendEntries(3);
    await appendEntries(4);
    expect(await verifyAuditChain(database.db, key, headFile)).toMatchObject({ ok: true, verified: 7 });
  });
});
