import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';

type Db = Kysely<Tables>;

/**
 * Closed cases not yet anonymised that were closed before `before`. Counted from the close, never
 * from the last change: a note added to a closed case must not restart its retention.
 */
export async function casesDueForAnonymising(db: Db, before: Date, limit: number) {
  return db
    .selectFrom('dv_cases')
    .select(['id', 'region_id'])
    .where('status', '=', 'closed')
    .where('anonymised_at', 'is', null)
    .where('closed_at', '<', before)
    .orderBy('closed_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Drops one case's personal data and free text. Sealed columns that may not be empty get
 * `blank`, the encryption of an empty string, so every reader still works. The home's point is
 * snapped to a grid of about a kilometre: the area stays for statistics, the address does not.
 */
export async function anonymiseCase(db: Db, caseId: string, blank: string, now: Date): Promise<void> {
  await db
    .updateTable('dv_case_people')
    .set({ name_enc: blank, iin_enc: null, iin_hash: null, address_enc: null, phone_enc: null })
    .where('case_id', '=', caseId)
    .execute();
  await db.updateTable('dv_risk_assessments').set({ rationale_enc: null }).where('case_id', '=', caseId).execute();
  await db.updateTable('risk_conference_decisions').set({ decision_enc: blank }).where('case_id', '=', caseId).execute();
  await db
    .updateTable('risk_conference_decision_amendments')
    .set({ previous_decision_enc: blank, reason_enc: blank })
    .where('case_id', '=', caseId)
    .execute();
  await db.updateTable('safety_plan_actions').set({ description_enc: blank }).where('case_id', '=', caseId).execute();
  await db.updateTable('dv_case_break_glass').set({ reason_enc: blank }).where('case_id', '=', caseId).execute();
  await db.updateTable('dv_case_closings').set({ reason_enc: blank }).where('case_id', '=', caseId).execute();
  await db
    .updateTable('dv_case_closings')
    .set({ outcome_note_enc: blank })
    .where('case_id', '=', caseId)
    .where('outcome_note_enc', 'is not', null)
    .execute();
  await db.updateTable('programme_sessions').set({ missed_reason_enc: null }).where('case_id', '=', caseId).execute();
  await db.updateTable('protection_order_violations').set({ description_enc: null }).where('case_id', '=', caseId).execute();
  await db
    .updateTable('crisis_centre_referrals')
    .set({ refusal_reason_enc: null, refusal_reason: null })
    .where('case_id', '=', caseId)
    .execute();
  const coarse = sql`ST_SetSRID(ST_SnapToGrid(location, 0.01), 4326)`;
  await db.updateTable('protection_orders').set({ location: coarse }).where('case_id', '=', caseId).execute();
  await db.updateTable('dv_cases').set({ location: coarse, anonymised_at: now }).where('id', '=', caseId).execute();
}

/**
 * A shelter referral made without a case (a woman at the door at night) has no close to count
 * from: its refusal reason goes once the decision is older than the retention period.
 */
export async function blankCaselessRefusalReasons(db: Db, decidedBefore: Date): Promise<number> {
  const result = await db
    .updateTable('crisis_centre_referrals')
    .set({ refusal_reason_enc: null, refusal_reason: null })
    .where('case_id', 'is', null)
    .where('decided_at', '<', decidedBefore)
    .where((eb) => eb.or([eb('refusal_reason_enc', 'is not', null), eb('refusal_reason', 'is not', null)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
