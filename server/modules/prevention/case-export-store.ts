import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';

type Db = Kysely<Tables>;

/** The risk conferences' decisions on one case, oldest first. */
export async function caseDecisions(db: Db, caseId: string) {
  return db
    .selectFrom('risk_conference_decisions')
    .select(['id', 'decision_enc', 'decided_at'])
    .where('case_id', '=', caseId)
    .orderBy('decided_at')
    .orderBy('id')
    .execute();
}

export async function caseOutcomes(db: Db, caseId: string) {
  return db
    .selectFrom('dv_case_outcomes')
    .select(['kind', 'occurred_at'])
    .where('case_id', '=', caseId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
}

export async function anonymisedAt(db: Db, caseId: string): Promise<Date | null> {
  const row = await db.selectFrom('dv_cases').select('anonymised_at').where('id', '=', caseId).executeTakeFirst();
  return row?.anonymised_at ?? null;
}
