import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import type { FieldCrypto } from '../../secrets/field-crypto.js';
import { recordAudit } from '../audit/index.js';
import { appendTimeline } from './case-store.js';
import { anonymiseCase, blankCaselessRefusalReasons, casesDueForAnonymising } from './retention-store.js';

/** Cases anonymised per transaction: a first run over years of closed cases stays in short steps. */
const BATCH = 100;

/**
 * The retention job: every closed case whose closing is older than `retentionDays` loses its
 * people's names, IINs (and their lookup hash), addresses and phones, and the free text around
 * it (rationales, conference decisions, action descriptions, break-glass, missed-session, close
 * and reopen reasons, shelters' refusal reasons; those of referrals without a case once decided
 * longer ago than the period). Grades, answers, dates, area, orders, programmes and outcomes stay, for statistics
 * and for validating the risk instrument. Open cases are never touched. Each run is audited,
 * also when there was nothing to do. Returns how many cases it anonymised.
 */
export async function anonymiseClosedCases(
  deps: { db: Kysely<Tables>; fieldCrypto: FieldCrypto },
  now: Date,
  retentionDays: number,
): Promise<number> {
  const before = new Date(now.getTime() - retentionDays * 86_400_000);
  const blank = deps.fieldCrypto.encrypt('');
  const done: string[] = [];
  for (;;) {
    const batch = await deps.db.transaction().execute(async (trx) => {
      const due = await casesDueForAnonymising(trx, before, BATCH);
      for (const c of due) {
        await anonymiseCase(trx, c.id, blank, now);
        await appendTimeline(trx, {
          caseId: c.id,
          regionId: c.region_id,
          at: now,
          kind: 'case.anonymised',
          actorId: null,
          details: { retentionDays },
        });
      }
      return due.map((c) => c.id);
    });
    done.push(...batch);
    if (batch.length < BATCH) break;
  }
  const refusalsBlanked = await blankCaselessRefusalReasons(deps.db, before);
  await recordAudit(deps.db, {
    action: 'prevention.retention.run',
    outcome: 'success',
    actor: { kind: 'system', id: null },
    target: { type: 'dv_case_retention', id: before.toISOString() },
    details: { retentionDays, closedBefore: before.toISOString(), anonymised: done.length, caseIds: done, refusalsBlanked },
    occurredAt: now,
  });
  return done.length;
}
