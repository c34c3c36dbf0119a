import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/connection.js';
import { createFieldCrypto } from './secrets/field-crypto.js';
import { freshPostgresUrl, testDatabaseKind } from './test/database.js';

// `aman serve` as production runs it, killed with SIGKILL under load: what it acknowledged must
// be there after a restart, exactly once, and a client's resend must not make a second copy.
const root = path.join(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aman-durability-'));
const run = crypto.randomBytes(4).toString('hex');
let env: NodeJS.ProcessEnv;
let server: ChildProcess | null = null;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

async function start(port: number): Promise<string> {
  const child = spawn(process.execPath, [path.join(root, 'bin/aman.js'), 'serve'], {
    cwd: root,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  server = child;
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`aman serve exited with ${child.exitCode}: ${stderr}`);
    const healthy = await fetch(`${base}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return base;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('aman serve did not become healthy');
}

function killHard(): Promise<void> {
  const child = server;
  server = null;
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

function body(n: number) {
  return {
    category: 'other-theft',
    description: `durability ${run} report ${n}`,
    location: { type: 'Point', coordinates: [76.9458 + (n % 50) * 0.0005, 43.2383] },
  };
}

function send(base: string, n: number) {
  return fetch(`${base}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `durability-${run}-${n}` },
    body: JSON.stringify(body(n)),
  });
}

beforeAll(async () => {
  const keys = {
    AMAN_SECRET_KEY: crypto.randomBytes(32).toString('base64'),
    AMAN_AUDIT_KEY: crypto.randomBytes(32).toString('base64'),
  };
  const base = {
    ...process.env,
    ...keys,
    AMAN_DATA_DIR: dataDir,
    AMAN_LOG_LEVEL: 'silent',
    AMAN_DEMO: '0',
    AMAN_RATE_LIMIT_PUBLIC: '1000000',
  };
  env = testDatabaseKind === 'postgres' ? { ...base, DATABASE_URL: await freshPostgresUrl() } : { ...base, DATABASE_URL: '' };
}, 60_000);

afterAll(async () => {
  await killHard();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a report acknowledged to a citizen', () => {
  it('survives the server being killed under load, exactly once, resends included', async () => {
    const port = await freePort();
    let base = await start(port);
    const acknowledged = new Map<number, string>();
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (!killed) {
        const n = next++;
        try {
          const response = await send(base, n);
          if (response.status === 201) acknowledged.set(n, ((await response.json()) as { id: string }).id);
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const load = Array.from({ length: 8 }, worker);
    while (acknowledged.size < 60) await new Promise((resolve) => setTimeout(resolve, 20));
    killed = true;
    await killHard();
    await Promise.all(load);
    const sent = next;

    base = await start(port);
    // Every client resends what it is unsure of (and what it was told, to be sure) with the same key.
    for (let n = 0; n < sent; n++) {
      const response = await send(base, n);
      expect(response.status, `report ${n}`).toBe(201);
      const { id } = (await response.json()) as { id: string };
      if (acknowledged.has(n)) {
        expect(id, `report ${n} was acknowledged as another incident`).toBe(acknowledged.get(n));
        expect(response.headers.get('idempotent-replayed')).toBe('true');
      }
    }
    await killHard();

    const database = await openDatabase({ url: env.DATABASE_URL || null, dataDir });
    try {
      // Descriptions are sealed, so the copies are counted after opening them.
      const fieldCrypto = createFieldCrypto(Buffer.from(env.AMAN_SECRET_KEY!, 'base64'));
      const sealed = await database.db.selectFrom('incidents').select('description_enc').execute();
      const copies = new Map<string, number>();
      for (const { description_enc } of sealed) {
        const text = description_enc === null ? '' : fieldCrypto.decrypt(description_enc);
        if (text.startsWith(`durability ${run} `)) copies.set(text, (copies.get(text) ?? 0) + 1);
      }
      expect(copies.size).toBe(sent);
      expect([...copies.values()].every((n) => n === 1)).toBe(true);
      const ids = await database.db
        .selectFrom('incidents')
        .select('id')
        .where('id', 'in', [...acknowledged.values()])
        .execute();
      expect(ids).toHaveLength(acknowledged.size);
    } finally {
      await database.close();
    }
  }, 600_000);
});
