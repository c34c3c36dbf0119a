import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Tables } from '../../db/tables.js';
import type { Agency } from './schema.js';
import type { Staff } from './scope.js';

type Db = Kysely<Tables>;

/**
 * The condition "the user is on the case team" for rows of dv_cases: the officer who opened it
 * or answers for it, a member added to it, the district inspector of its beat, or a partner
 * whose agency has a safety-plan action on it.
 */
export function onCaseTeam(user: Staff, agency: Agency | undefined): Expression<SqlBool> {
  const beatInspector =
    user.roles.includes('officer') && user.jurisdiction.level === 'beat' && user.jurisdiction.beatId
      ? sql<SqlBool>`dv_cases.beat_id = ${user.jurisdiction.beatId}`
      : sql<SqlBool>`false`;
  const agencyAction =
    agency && user.roles.includes('partner')
      ? sql<SqlBool>`exists (select 1 from safety_plan_actions a where a.case_id = dv_cases.id and a.agency = ${agency})`
      : sql<SqlBool>`false`;
  return sql<SqlBool>`(
    dv_cases.created_by = ${user.userId}
    or dv_cases.responsible_officer_id = ${user.userId}
    or exists (select 1 from dv_case_team m where m.case_id = dv_cases.id and m.user_id = ${user.userId})
    or ${beatInspector}
    or ${agencyAction})`;
}

export async function isOnCaseTeam(db: Db, caseId: string, user: Staff, agency: Agency | undefined): Promise<boolean> {
  const row = await db
    .selectFrom('dv_cases')
    .select('dv_cases.id')
    .where('dv_cases.id', '=', caseId)
    .where(onCaseTeam(user, agency))
    .executeTakeFirst();
  return row !== undefined;
}

/** The newest break-glass of the user on the case since `since`, if any. */
export async function recentBreakGlass(db: Db, caseId: string, userId: string, since: Date) {
  return db
    .selectFrom('dv_case_break_glass')
    .select(['id', 'at'])
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .where('at', '>=', since)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertBreakGlass(
  db: Db,
  input: { caseId: string; regionId: string; userId: string; username: string; reasonEnc: string; at: Date },
): Promise<string> {
  const row = await db
    .insertInto('dv_case_break_glass')
    .values({
      case_id: input.caseId,
      region_id: input.regionId,
      user_id: input.userId,
      username: input.username,
      reason_enc: input.reasonEnc,
      at: input.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The case's break-glass reads, newest first. */
export async function listBreakGlass(db: Db, caseId: string) {
  return db
    .selectFrom('dv_case_break_glass')
    .select(['id', 'user_id', 'username', 'reason_enc', 'at'])
    .where('case_id', '=', caseId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

/** Adds a member; false when they already were one. */
export async function insertTeamMember(
  db: Db,
  input: { caseId: string; regionId: string; userId: string; by: string; at: Date },
): Promise<boolean> {
  const result = await db
    .insertInto('dv_case_team')
    .values({ case_id: input.caseId, region_id: input.regionId, user_id: input.userId, added_by: input.by, added_at: input.at })
    .onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
