import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import { recordAudit } from '../audit/index.js';
import { listRegions } from '../geo/index.js';
import { closeAndAnonymise, flagDueReviews } from './register-store.js';
import { localDay } from './register-terms.js';

/**
 * The registers' daily duty, run hourly: entries past their end day are closed and anonymised
 * (no entry outlives its basis by more than the hour), and entries whose review day has come
 * are flagged for review. Each region's day ends at its own midnight. Safe to run as often as
 * one likes: a closed entry is not closed again, a flagged one not flagged again.
 */
export async function expireRegisters(db: Kysely<Tables>, now: Date): Promise<{ closed: number; flagged: number }> {
  const regions = await listRegions(db);
  const byDay = new Map<string, string[]>();
  for (const region of regions) {
    const day = localDay(now, region.tz || 'Asia/Almaty');
    byDay.set(day, [...(byDay.get(day) ?? []), region.id]);
  }
  let closed = 0;
  let flagged = 0;
  for (const [today, regionIds] of byDay) {
    await db.transaction().execute(async (trx) => {
      const ended = await closeAndAnonymise(trx, { endedBefore: today, regionIds, reason: 'expired', now });
      for (const entry of ended) {
        await recordAudit(trx, {
          action: 'prevention.register.expire',
          outcome: 'success',
          actor: { kind: 'system', id: null },
          target: { type: 'register_entry', id: entry.id },
          regionId: entry.region_id,
          details: { entryNumber: entry.entry_number, anonymised: true },
          occurredAt: now,
        });
      }
      closed += ended.length;
      flagged += await flagDueReviews(trx, { today, regionIds });
    });
  }
  return { closed, flagged };
}
