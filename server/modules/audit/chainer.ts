import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import { GENESIS_HASH, chainHash } from './chain.js';

// Any constant will do, as long as nothing else in Aman uses it for an advisory lock.
const CHAINER_LOCK = 7_240_101;
const BATCH = 500;

export interface ChainHead {
  seq: number;
  hash: string;
  writtenAt: string;
}

/**
 * Seals up to one batch of inbox entries into the chain. Only one chainer across all app nodes
 * works at a time (a transaction-scoped advisory lock); others return 0 and try again later.
 * Returns how many entries were sealed.
 */
export async function sealBatch(db: Kysely<Tables>, auditKey: Buffer, now: () => Date = () => new Date()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const lock = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${CHAINER_LOCK}::bigint) as ok`.execute(trx);
    if (!lock.rows[0]?.ok) return 0;
    const pending = await trx.selectFrom('audit_inbox').selectAll().orderBy('id').limit(BATCH).execute();
    if (pending.length === 0) return 0;
    const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    let seq = last?.seq ?? 0;
    let prevHash = last?.hash ?? GENESIS_HASH;
    const sealedAt = now();
    const rows = pending.map(({ id: _id, ...entry }) => {
      seq += 1;
      const hash = chainHash(auditKey, prevHash, { ...entry, seq });
      const row = { ...entry, seq, prev_hash: prevHash, hash, sealed_at: sealedAt };
      prevHash = hash;
      return row;
    });
    // One JSON parameter rather than a VALUES list of 14 parameters a row: the statement's text is
    // the same for every batch, so the database parses and plans it once, and a full batch of 500
    // no longer builds a 7,000-node query in the application.
    await sql`insert into audit_log (seq, occurred_at, actor_kind, actor_id, action, outcome, target_type, target_id,
        region_id, ip, details, prev_hash, hash, sealed_at)
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r (seq bigint, occurred_at timestamptz,
        actor_kind text, actor_id text, action text, outcome text, target_type text, target_id text, region_id text,
        ip text, details jsonb, prev_hash text, hash text, sealed_at timestamptz)`.execute(trx);
    await sql`delete from audit_inbox where id = any(${pending.map((p) => p.id)}::bigint[])`.execute(trx);
    return rows.length;
  });
}

/** Seals until the inbox is empty (or another chainer holds the lock). */
export async function sealAll(db: Kysely<Tables>, auditKey: Buffer): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await sealBatch(db, auditKey);
    total += sealed;
    if (sealed < BATCH) return total;
  }
}

/** Seals everything pending and records the new head outside the database (used by CLI commands). */
export async function sealAndWriteHead(db: Kysely<Tables>, auditKey: Buffer, headFile: string): Promise<number> {
  const sealed = await sealAll(db, auditKey);
  const head = await readHead(db);
  if (head) writeHeadFile(headFile, head);
  return sealed;
}

export async function readHead(db: Kysely<Tables>): Promise<{ seq: number; hash: string } | null> {
  const head = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return head ?? null;
}

/** Writes the newest chain hash outside the database, atomically, so deleting the newest entries shows. */
export function writeHeadFile(file: string, head: { seq: number; hash: string }, now = new Date()): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const body: ChainHead = { seq: head.seq, hash: head.hash, writtenAt: now.toISOString() };
  fs.writeFileSync(tmp, JSON.stringify(body) + '\n', { mode: 0o600 });
  fs.renameSync(tmp, file);
}

export function readHeadFile(file: string): ChainHead | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as ChainHead;
  } catch {
    return null;
  }
}

/**
 * Runs the chainer in the background: seals every 250 ms and writes the head file after each
 * sealed batch and at least every minute. Returns a stop function that seals what is left.
 */
export function startChainer(
  db: Kysely<Tables>,
  options: { auditKey: Buffer; headFile: string; onError: (error: unknown) => void },
): () => Promise<void> {
  let lastHeadWrite = 0;
  let busy: Promise<void> | null = null;
  const tick = async (force: boolean) => {
    const sealed = await sealAll(db, options.auditKey);
    if (sealed > 0 || force || Date.now() - lastHeadWrite >= 60_000) {
      const head = await readHead(db);
      if (head) writeHeadFile(options.headFile, head);
      lastHeadWrite = Date.now();
    }
  };
  const timer = setInterval(() => {
    if (busy) return;
    busy = tick(false)
      .catch(options.onError)
      .finally(() => (busy = null));
  }, 250);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await busy;
    await tick(true).catch(options.onError);
  };
}
