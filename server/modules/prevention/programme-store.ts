import { sql, type Kysely } from 'kysely';
import type { Jurisdiction } from '../../../common/roles.js';
import type { Tables } from '../../db/tables.js';
import type { EnrolmentRequest, ProviderRequest } from './programme-schema.js';
import type { EnrolmentStatus } from './programme-tables.js';
import { inJurisdiction, isUuid } from './scope.js';

type Db = Kysely<Tables>;

const providerColumns = ['id', 'region_id', 'name', 'kind'] as const;

export async function insertProvider(db: Db, input: ProviderRequest, by: string, now: Date) {
  return db
    .insertInto('programme_providers')
    .values({ region_id: input.regionId, name: input.name.trim(), kind: input.kind, created_by: by, created_at: now })
    .returning(providerColumns)
    .executeTakeFirstOrThrow();
}

export type ProviderRow = Awaited<ReturnType<typeof insertProvider>>;

export async function listProviders(db: Db, regionId: string | null) {
  let q = db.selectFrom('programme_providers').select(providerColumns).orderBy('name').orderBy('id');
  if (regionId !== null) q = q.where('region_id', '=', regionId);
  return q.execute();
}

export async function findProvider(db: Db, id: string) {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('programme_providers').select(providerColumns).where('id', '=', id).executeTakeFirst();
}

export async function insertEnrolment(
  db: Db,
  input: EnrolmentRequest & { caseId: string; regionId: string; districtId: string; beatId: string; by: string; now: Date },
): Promise<string> {
  const row = await db
    .insertInto('programme_enrolments')
    .values({
      case_id: input.caseId,
      person_id: input.personId,
      provider_id: input.providerId,
      region_id: input.regionId,
      district_id: input.districtId,
      beat_id: input.beatId,
      basis: input.basis,
      order_id: input.orderId ?? null,
      sessions_planned: input.sessionsPlanned,
      misses_allowed: input.missesAllowed,
      ended_at: null,
      violation_id: null,
      enrolled_by: input.by,
      enrolled_at: input.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function enrolments(db: Db) {
  return db
    .selectFrom('programme_enrolments as e')
    .innerJoin('programme_providers as p', 'p.id', 'e.provider_id')
    .select([
      'e.id',
      'e.case_id',
      'e.person_id',
      'e.region_id',
      'e.basis',
      'e.order_id',
      'e.sessions_planned',
      'e.misses_allowed',
      'e.status',
      'e.ended_at',
      'e.violation_id',
      'e.enrolled_at',
      'p.id as provider_id',
      'p.region_id as provider_region_id',
      'p.name as provider_name',
      'p.kind as provider_kind',
    ]);
}

export type EnrolmentRow = Awaited<ReturnType<ReturnType<typeof enrolments>['executeTakeFirstOrThrow']>>;

/** An enrolment inside the jurisdiction, or undefined (also for a malformed id). */
export async function findEnrolment(db: Db, jurisdiction: Jurisdiction, id: string) {
  if (!isUuid(id)) return undefined;
  return enrolments(db).where('e.id', '=', id).where(inJurisdiction(jurisdiction, 'e')).executeTakeFirst();
}

export async function caseEnrolments(db: Db, caseId: string) {
  return enrolments(db).where('e.case_id', '=', caseId).orderBy('e.enrolled_at').orderBy('e.id').execute();
}

export async function enrolmentSessions(db: Db, enrolmentIds: string[]) {
  if (enrolmentIds.length === 0) return [];
  return db
    .selectFrom('programme_sessions')
    .select(['id', 'enrolment_id', sql<string>`held_on::text`.as('held_on'), 'attended', 'missed_reason_enc'])
    .where('enrolment_id', 'in', enrolmentIds)
    .orderBy('held_on')
    .orderBy('id')
    .execute();
}

export type SessionRow = Awaited<ReturnType<typeof enrolmentSessions>>[number];

/** Records a session; false when one was already recorded for that day. */
export async function insertSession(
  db: Db,
  input: {
    enrolmentId: string;
    caseId: string;
    regionId: string;
    heldOn: string;
    attended: boolean;
    missedReasonEnc: string | null;
    by: string;
    now: Date;
  },
): Promise<boolean> {
  const result = await db
    .insertInto('programme_sessions')
    .values({
      enrolment_id: input.enrolmentId,
      case_id: input.caseId,
      region_id: input.regionId,
      held_on: input.heldOn,
      attended: input.attended,
      missed_reason_enc: input.missedReasonEnc,
      recorded_by: input.by,
      recorded_at: input.now,
    })
    .onConflict((oc) => oc.columns(['enrolment_id', 'held_on']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function countMissed(db: Db, enrolmentId: string): Promise<number> {
  const row = await db
    .selectFrom('programme_sessions')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('enrolment_id', '=', enrolmentId)
    .where('attended', '=', false)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Ends an enrolment still running; false when it had already ended. */
export async function endEnrolment(db: Db, id: string, status: Exclude<EnrolmentStatus, 'enrolled'>, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('programme_enrolments')
    .set({ status, ended_at: at })
    .where('id', '=', id)
    .where('status', '=', 'enrolled')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Locks the enrolment until the transaction ends and answers the breach it already made, if any. */
export async function lockEnrolmentViolation(db: Db, id: string): Promise<string | null> {
  const row = await db
    .selectFrom('programme_enrolments')
    .select('violation_id')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return row.violation_id;
}

export async function setEnrolmentViolation(db: Db, id: string, violationId: string): Promise<void> {
  await db.updateTable('programme_enrolments').set({ violation_id: violationId }).where('id', '=', id).execute();
}

/** Is the person on the case, as its aggressor? */
export async function isCaseAggressor(db: Db, caseId: string, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('dv_case_people')
    .select('id')
    .where('id', '=', personId)
    .where('case_id', '=', caseId)
    .where('role', '=', 'aggressor')
    .executeTakeFirst();
  return row !== undefined;
}
