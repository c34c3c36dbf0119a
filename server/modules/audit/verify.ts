import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import { GENESIS_HASH, chainHash } from './chain.js';
import { readHeadFile } from './chainer.js';

export type VerifyResult =
  | { ok: true; verified: number; backlog: number }
  | { ok: false; verified: number; backlog: number; badSeq: number; reason: string };

const PAGE = 5_000;

/**
 * Walks the whole chain in sequence order and checks every link: a gap in the sequence means
 * deleted entries, a wrong previous hash means reordered ones, a wrong hash an edited one; the
 * head file written outside the database catches the deletion of the newest entries.
 */
export async function verifyAuditChain(db: Kysely<Tables>, auditKey: Buffer, headFile: string): Promise<VerifyResult> {
  const backlog = Number(
    (
      await db
        .selectFrom('audit_inbox')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()
    )?.n ?? 0,
  );
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  const hashes = new Map<number, string>();
  const head = readHeadFile(headFile);
  const fail = (badSeq: number, reason: string): VerifyResult => ({
    ok: false,
    verified: expectedSeq - 1,
    backlog,
    badSeq,
    reason,
  });

  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq) return fail(expectedSeq, `entry ${expectedSeq} is missing (next present is ${row.seq})`);
      if (row.prev_hash !== prevHash)
        return fail(row.seq, `entry ${row.seq} does not follow entry ${row.seq - 1} (reordered or replaced)`);
      const { prev_hash: _p, hash: _h, sealed_at: _s, ...fields } = row;
      if (chainHash(auditKey, prevHash, fields) !== row.hash)
        return fail(row.seq, `entry ${row.seq} was changed after it was sealed`);
      if (head && row.seq === head.seq) hashes.set(row.seq, row.hash);
      prevHash = row.hash;
      expectedSeq += 1;
    }
    if (rows.length < PAGE) break;
  }
  const verified = expectedSeq - 1;
  if (head) {
    if (head.seq > verified) {
      return fail(
        verified + 1,
        `entries ${verified + 1}..${head.seq} are missing: the head file written at ${head.writtenAt} names entry ${head.seq}`,
      );
    }
    if (hashes.get(head.seq) !== head.hash)
      return fail(head.seq, `entry ${head.seq} differs from the head file written at ${head.writtenAt}`);
  }
  return { ok: true, verified, backlog };
}
