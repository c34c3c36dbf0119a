import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/connection.js';
import { freshPostgresUrl, testDatabaseKind } from './test/database.js';

// The CLI as an operator runs it: a separate process reading the same environment as the server.
const root = path.join(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aman-cli-'));
let env: NodeJS.ProcessEnv;

function aman(
  args: string[],
  input = '',
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/aman.js'), ...args], { cwd: root, env: { ...env, ...extraEnv } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Tampers as a superuser would, bypassing the append-only trigger. */
async function tamper(statement: string) {
  const database = await openDatabase({ url: env.DATABASE_URL || null, dataDir });
  try {
    await database.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql.raw(statement).execute(trx);
    });
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  const keys = {
    AMAN_SECRET_KEY: crypto.randomBytes(32).toString('base64'),
    AMAN_AUDIT_KEY: crypto.randomBytes(32).toString('base64'),
  };
  const base = { ...process.env, ...keys, AMAN_DATA_DIR: dataDir, AMAN_LOG_LEVEL: 'silent' };
  env = testDatabaseKind === 'postgres' ? { ...base, DATABASE_URL: await freshPostgresUrl() } : { ...base, DATABASE_URL: '' };
  const migrated = await aman(['migrate']);
  expect(migrated.code, migrated.stderr).toBe(0);
}, 240_000);

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('aman CLI', () => {
  it('keys add prints only the new key', async () => {
    const result = await aman(['keys', 'add', '--kind', 'device', '--name', 'SOS pole 17']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toMatch(/^aman_device_[A-Za-z0-9_-]{43}$/);
  });

  it('keys add refuses an unknown kind', async () => {
    const result = await aman(['keys', 'add', '--kind', 'bank', '--name', 'x']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/open311, device, partner/);
  });

  it('users add creates a staff user and shows the TOTP secret once', async () => {
    const result = await aman(
      ['users', 'add', '--username', 'duty.officer', '--name', 'Duty Officer', '--roles', 'operator,supervisor'],
      'a calm long passphrase\n',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/TOTP secret: [A-Z2-7]{32}/);
    const weak = await aman(['users', 'add', '--username', 'weak.user', '--name', 'W', '--roles', 'officer'], 'password\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/password\.common/);
  }, 60_000);

  it('audit verify passes on an intact log, names an edited entry, and catches deleted newest entries', async () => {
    const ok = await aman(['audit', 'verify']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^audit: [1-9]\d* entries verified$/m);

    await tamper(`update audit_log set outcome = 'failure' where seq = 2`);
    const edited = await aman(['audit', 'verify']);
    expect(edited.code).toBe(1);
    expect(edited.stderr).toMatch(/entry 2 is bad/);

    await tamper(`update audit_log set outcome = 'success' where seq = 2`);
    expect((await aman(['audit', 'verify'])).code).toBe(0);
    await tamper(`delete from audit_log where seq = (select max(seq) from audit_log)`);
    const truncated = await aman(['audit', 'verify']);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toMatch(/missing/);
  }, 180_000);

  it('audit verify exits 2 when it cannot open the database', async () => {
    const result = await aman(['audit', 'verify'], '', { DATABASE_URL: 'postgres://nobody:wrong@127.0.0.1:1/nowhere' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot open the database/);
  });

  it('refuses a bad configuration with a message that names the variable', async () => {
    const result = await aman(['migrate'], '', { AMAN_SECRET_KEY: 'too-short' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/AMAN_SECRET_KEY/);
  });
});
