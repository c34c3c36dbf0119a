// How fast the chainer seals and `aman audit verify` checks entries, on the embedded database.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../server/db/connection.js';
import { migrateToLatest } from '../server/db/migrator.js';
import { readHead, sealAll, verifyAuditChain, writeHeadFile } from '../server/modules/audit/index.js';
import { writeResult } from './result.js';

const N = 20_000;
const key = crypto.randomBytes(32);
const database = await openDatabase({ url: null });
await migrateToLatest(database.db);
await database.copyInto(
  'audit_inbox',
  ['occurred_at', 'actor_kind', 'actor_id', 'action', 'outcome', 'target_type', 'target_id', 'region_id', 'ip', 'details'],
  Array.from({ length: N }, (_, i) => [
    new Date(),
    'user',
    `u${i % 50}`,
    'record.read',
    'success',
    'case',
    `c${i}`,
    '750000000',
    '10.0.0.1',
    { i },
  ]),
);
let started = performance.now();
const sealed = await sealAll(database.db, key);
const sealSeconds = (performance.now() - started) / 1000;
if (sealed !== N) throw new Error(`sealed ${sealed} of ${N}`);
writeResult('audit-seal', {
  metric: `entries sealed per second (${N} queued, embedded)`,
  value: N / sealSeconds,
  unit: 'entries/s',
  limit: 1000,
  lowerIsBetter: false,
});

const headFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aman-bench-')), 'head.json');
writeHeadFile(headFile, (await readHead(database.db))!);
started = performance.now();
const result = await verifyAuditChain(database.db, key, headFile);
const verifySeconds = (performance.now() - started) / 1000;
if (!result.ok) throw new Error(`verify failed: ${result.reason}`);
writeResult('audit-verify', {
  metric: `entries verified per second (${N}, embedded)`,
  value: N / verifySeconds,
  unit: 'entries/s',
});
await database.close();
