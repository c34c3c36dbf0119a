import type { Kysely } from 'kysely';
import type { Jurisdiction } from '../../../common/roles.js';
import type { Tables } from '../../db/tables.js';
import { jurisdictionFilter } from '../../http/actor.js';
import { newestFirstPage, olderThanCursor } from '../../http/paging.js';
import type { Agency, ReferralCriterion } from './schema.js';
import { inJurisdiction, isUuid } from './scope.js';

type Db = Kysely<Tables>;

const referralColumns = [
  'risk_referrals.id',
  'risk_referrals.case_id',
  'dv_cases.case_number',
  'risk_referrals.region_id',
  'risk_referrals.district_id',
  'risk_referrals.criteria',
  'risk_referrals.is_repeat',
  'risk_referrals.referred_at',
  'risk_referrals.conference_id',
] as const;

function referrals(db: Db) {
  return db.selectFrom('risk_referrals').innerJoin('dv_cases', 'dv_cases.id', 'risk_referrals.case_id').select(referralColumns);
}

export type ReferralRow = Awaited<ReturnType<ReturnType<typeof referrals>['executeTakeFirstOrThrow']>>;

/** What the referral rules need to know about a case. */
export async function referralFacts(db: Db, caseId: string) {
  const [latest, incidents, violations, last] = await Promise.all([
    db
      .selectFrom('dv_risk_assessments')
      .select(['score_grade', 'final_grade'])
      .where('case_id', '=', caseId)
      .orderBy('assessed_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst(),
    db.selectFrom('dv_case_incidents').select('occurred_at').where('case_id', '=', caseId).execute(),
    db.selectFrom('protection_order_violations').select('occurred_at').where('case_id', '=', caseId).execute(),
    db
      .selectFrom('risk_referrals')
      .select(['id', 'referred_at', 'conference_id', 'criteria'])
      .where('case_id', '=', caseId)
      .orderBy('referred_at', 'desc')
      .executeTakeFirst(),
  ]);
  const abuse = [...incidents, ...violations].map((r) => r.occurred_at.getTime());
  return {
    latest: latest ? { score: latest.score_grade, final: latest.final_grade } : null,
    incidentTimes: incidents.map((r) => r.occurred_at),
    lastAbuseAt: abuse.length > 0 ? new Date(Math.max(...abuse)) : null,
    last,
  };
}

export async function insertReferral(
  db: Db,
  input: {
    caseId: string;
    regionId: string;
    districtId: string;
    beatId: string;
    criteria: ReferralCriterion[];
    isRepeat: boolean;
    now: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto('risk_referrals')
    .values({
      case_id: input.caseId,
      region_id: input.regionId,
      district_id: input.districtId,
      beat_id: input.beatId,
      criteria: input.criteria,
      is_repeat: input.isRepeat,
      referred_at: input.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setReferralCriteria(db: Db, id: string, criteria: ReferralCriterion[]) {
  await db.updateTable('risk_referrals').set({ criteria }).where('id', '=', id).execute();
}

export async function findReferral(db: Db, id: string) {
  return referrals(db).where('risk_referrals.id', '=', id).executeTakeFirstOrThrow();
}

/** Referrals inside the jurisdiction, newest first; `waiting` keeps those no conference has heard. */
export async function listReferrals(
  db: Db,
  jurisdiction: Jurisdiction,
  page: { cursor?: string; limit: number; waiting?: boolean },
) {
  const older = olderThanCursor(page.cursor, 'risk_referrals.referred_at', 'risk_referrals.id');
  let q = referrals(db)
    .where(inJurisdiction(jurisdiction, 'risk_referrals'))
    .orderBy('risk_referrals.referred_at', 'desc')
    .orderBy('risk_referrals.id', 'desc')
    .limit(page.limit + 1);
  // Waiting means due for the next conference, which a closed case's referral is not until a reopen.
  if (page.waiting) q = q.where('risk_referrals.conference_id', 'is', null).where('dv_cases.status', '=', 'open');
  if (older) q = q.where(older);
  return newestFirstPage(await q.execute(), page.limit, (row) => ({ at: row.referred_at, id: row.id }));
}

/** Creates a conference and puts every referral waiting in its district on the agenda. */
export async function insertConference(
  db: Db,
  input: { regionId: string; districtId: string; scheduledAt: Date; agencies: Agency[]; by: string; now: Date },
): Promise<string> {
  const row = await db
    .insertInto('risk_conferences')
    .values({
      region_id: input.regionId,
      district_id: input.districtId,
      scheduled_at: input.scheduledAt,
      agencies: input.agencies,
      created_by: input.by,
      created_at: input.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // A closed case's referral keeps waiting: the conference could decide nothing on it (case-write.ts),
  // and it goes on the next agenda once the case is reopened.
  await db
    .updateTable('risk_referrals')
    .set({ conference_id: row.id })
    .where('district_id', '=', input.districtId)
    .where('conference_id', 'is', null)
    .where('case_id', 'in', db.selectFrom('dv_cases').select('id').where('status', '=', 'open'))
    .execute();
  return row.id;
}

export async function findConference(db: Db, jurisdiction: Jurisdiction, id: string) {
  if (!isUuid(id)) return undefined;
  // Conferences are district-wide and the routes refuse beat-level callers, so region and district decide.
  const scope = jurisdictionFilter(jurisdiction);
  let q = db.selectFrom('risk_conferences').selectAll().where('id', '=', id);
  if (scope.regionId !== undefined) q = q.where('region_id', '=', scope.regionId);
  if (scope.districtId !== undefined) q = q.where('district_id', '=', scope.districtId);
  return q.executeTakeFirst();
}

export type ConferenceRow = NonNullable<Awaited<ReturnType<typeof findConference>>>;

/** The conference's agenda with each case's status now: a case may have been closed since it was put on it. */
export async function conferenceAgenda(db: Db, conferenceId: string) {
  return referrals(db)
    .select('dv_cases.status as case_status')
    .where('risk_referrals.conference_id', '=', conferenceId)
    .orderBy('risk_referrals.referred_at')
    .execute();
}

export async function insertAction(
  db: Db,
  input: {
    caseId: string;
    conferenceId: string;
    regionId: string;
    districtId: string;
    beatId: string;
    agency: Agency;
    descriptionEnc: string;
    dueAt: Date;
    by: string;
    now: Date;
  },
) {
  return db
    .insertInto('safety_plan_actions')
    .values({
      case_id: input.caseId,
      conference_id: input.conferenceId,
      region_id: input.regionId,
      district_id: input.districtId,
      beat_id: input.beatId,
      agency: input.agency,
      description_enc: input.descriptionEnc,
      due_at: input.dueAt,
      created_by: input.by,
      created_at: input.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type ActionRow = Awaited<ReturnType<typeof insertAction>>;

export async function conferenceActions(db: Db, conferenceId: string) {
  return db.selectFrom('safety_plan_actions').selectAll().where('conference_id', '=', conferenceId).orderBy('due_at').execute();
}

/**
 * Safety-plan actions inside the jurisdiction, soonest due first; `agency` narrows them to one
 * agency's (a partner's own), `overdueAt` to those still open after that time.
 */
export async function listActions(
  db: Db,
  jurisdiction: Jurisdiction,
  filter: { agency?: Agency; overdueAt?: Date; cursor?: string; limit: number },
) {
  const older = olderThanCursor(filter.cursor, 'due_at', 'id');
  let q = db
    .selectFrom('safety_plan_actions')
    .selectAll()
    .where(inJurisdiction(jurisdiction, 'safety_plan_actions'))
    .orderBy('due_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit + 1);
  if (filter.agency) q = q.where('agency', '=', filter.agency);
  if (filter.overdueAt) q = q.where('completed_at', 'is', null).where('due_at', '<', filter.overdueAt);
  if (older) q = q.where(older);
  return newestFirstPage(await q.execute(), filter.limit, (row) => ({ at: row.due_at, id: row.id }));
}

export async function findAction(db: Db, jurisdiction: Jurisdiction, id: string) {
  if (!isUuid(id)) return undefined;
  return db
    .selectFrom('safety_plan_actions')
    .selectAll()
    .where('id', '=', id)
    .where(inJurisdiction(jurisdiction, 'safety_plan_actions'))
    .executeTakeFirst();
}

export async function completeAction(db: Db, id: string, by: string, now: Date) {
  return db
    .updateTable('safety_plan_actions')
    .set({ completed_at: now, completed_by: by })
    .where('id', '=', id)
    .where('completed_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export async function partnerAgency(db: Db, userId: string): Promise<Agency | undefined> {
  const row = await db
    .selectFrom('prevention_partner_agencies')
    .select('agency')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.agency;
}

export async function setPartnerAgency(db: Db, input: { userId: string; agency: Agency; by: string; now: Date }) {
  await db
    .insertInto('prevention_partner_agencies')
    .values({ user_id: input.userId, agency: input.agency, assigned_by: input.by, assigned_at: input.now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ agency: input.agency, assigned_by: input.by, assigned_at: input.now }))
    .execute();
}

/** A case's referrals, newest first. */
export async function caseReferrals(db: Db, caseId: string) {
  return referrals(db)
    .where('risk_referrals.case_id', '=', caseId)
    .orderBy('risk_referrals.referred_at', 'desc')
    .orderBy('risk_referrals.id', 'desc')
    .execute();
}

/** A case's safety-plan actions, soonest due first; `agency` keeps one agency's. */
export async function caseActions(db: Db, caseId: string, agency?: Agency) {
  let q = db.selectFrom('safety_plan_actions').selectAll().where('case_id', '=', caseId).orderBy('due_at').orderBy('id');
  if (agency) q = q.where('agency', '=', agency);
  return q.execute();
}
