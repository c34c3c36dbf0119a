import type { Kysely } from 'kysely';
import type { Jurisdiction } from '../../../common/roles.js';
import type { Tables } from '../../db/tables.js';
import type { CaseRow } from './case-store.js';
import { appendTimeline } from './case-store.js';
import {
  findReferral,
  insertReferral,
  listReferrals as storeListReferrals,
  referralFacts,
  setReferralCriteria,
  type ReferralRow,
} from './conference-store.js';
import { auditStaff } from './deps.js';
import { decideReferral } from './referral-rules.js';
import type { ReferralView } from './schema.js';
import type { Caller } from './scope.js';

export function presentReferral(row: ReferralRow): ReferralView {
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    regionId: row.region_id,
    districtId: row.district_id,
    criteria: row.criteria,
    isRepeat: row.is_repeat,
    referredAt: row.referred_at.toISOString(),
    conferenceId: row.conference_id,
  };
}

/**
 * Applies the referral rules after anything that changes a case's risk (an assessment, a new
 * incident, a violated order), inside that change's transaction. A case already waiting for a
 * conference gains the new criteria instead of a second referral. Null when nothing is referred.
 */
export async function checkReferral(trx: Kysely<Tables>, caller: Caller, row: CaseRow, now: Date): Promise<ReferralView | null> {
  const facts = await referralFacts(trx, row.id);
  const waiting = facts.last !== undefined && facts.last.conference_id === null;
  const decision = decideReferral({
    now,
    latest: facts.latest,
    incidentTimes: facts.incidentTimes,
    lastAbuseAt: facts.lastAbuseAt,
    lastReferral: facts.last ? { referredAt: facts.last.referred_at, waiting } : null,
  });
  if (!decision) return null;
  if (waiting && facts.last) {
    const criteria = [...new Set([...facts.last.criteria, ...decision.criteria])];
    await setReferralCriteria(trx, facts.last.id, criteria);
    return presentReferral(await findReferral(trx, facts.last.id));
  }
  const id = await insertReferral(trx, {
    caseId: row.id,
    regionId: row.region_id,
    districtId: row.district_id,
    beatId: row.beat_id,
    criteria: decision.criteria,
    isRepeat: decision.isRepeat,
    now,
  });
  await appendTimeline(trx, {
    caseId: row.id,
    regionId: row.region_id,
    at: now,
    kind: 'referral.made',
    actorId: null,
    details: { referralId: id, criteria: decision.criteria, isRepeat: decision.isRepeat },
  });
  await auditStaff(trx, caller, {
    action: 'prevention.referral.create',
    target: { type: 'dv_case', id: row.id },
    regionId: row.region_id,
    details: { referralId: id, criteria: decision.criteria, isRepeat: decision.isRepeat },
    at: now,
  });
  return presentReferral(await findReferral(trx, id));
}

/** Referrals to risk conferences in the caller's jurisdiction, newest first. */
export async function listReferrals(
  db: Kysely<Tables>,
  jurisdiction: Jurisdiction,
  page: { cursor?: string; limit: number; waiting?: boolean },
) {
  const result = await storeListReferrals(db, jurisdiction, page);
  return { items: result.items.map(presentReferral), nextCursor: result.nextCursor };
}
