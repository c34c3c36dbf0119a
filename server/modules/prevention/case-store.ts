import { sql, type Kysely } from 'kysely';
import type { Jurisdiction } from '../../../common/roles.js';
import type { RiskGrade } from '../../../common/risk-instruments.js';
import type { Tables } from '../../db/tables.js';
import { newestFirstPage, olderThanCursor } from '../../http/paging.js';
import { onCaseTeam } from './case-team-store.js';
import { inJurisdiction, isUuid, type Staff } from './scope.js';
import type { AssessmentReason } from './schema.js';
import type { PersonRole, StoredAnswer } from './tables.js';

type Db = Kysely<Tables>;

const caseColumns = [
  'dv_cases.id',
  'dv_cases.case_number',
  'dv_cases.region_id',
  'dv_cases.district_id',
  'dv_cases.beat_id',
  'dv_cases.status',
  'dv_cases.risk_grade',
  'dv_cases.needs_reassessment',
  'dv_cases.responsible_officer_id',
  'dv_cases.created_at',
  'dv_cases.updated_at',
  'dv_cases.closed_at',
  'dv_cases.anonymised_at',
] as const;

export async function insertCase(
  db: Db,
  input: {
    regionId: string;
    districtId: string;
    beatId: string;
    lon: number;
    lat: number;
    officerId: string;
    now: Date;
  },
): Promise<{ id: string; caseNumber: string }> {
  const row = await db
    .insertInto('dv_cases')
    .values({
      // Numbered per year so a case can be named aloud without naming anyone.
      case_number: sql<string>`'DV-' || ${input.now.getUTCFullYear()} || '-' || lpad(nextval('dv_case_number_seq')::text, 6, '0')`,
      region_id: input.regionId,
      district_id: input.districtId,
      beat_id: input.beatId,
      location: sql`ST_SetSRID(ST_MakePoint(${input.lon}, ${input.lat}), 4326)`,
      responsible_officer_id: input.officerId,
      created_by: input.officerId,
      created_at: input.now,
      updated_at: input.now,
    })
    .returning(['id', 'case_number'])
    .executeTakeFirstOrThrow();
  return { id: row.id, caseNumber: row.case_number };
}

export interface SealedPerson {
  role: PersonRole;
  nameEnc: string;
  iinEnc: string | null;
  iinHash: string | null;
  addressEnc: string | null;
  phoneEnc: string | null;
}

export async function insertPeople(db: Db, caseId: string, regionId: string, people: SealedPerson[], now: Date) {
  if (people.length === 0) return;
  await db
    .insertInto('dv_case_people')
    .values(
      people.map((p) => ({
        case_id: caseId,
        region_id: regionId,
        role: p.role,
        name_enc: p.nameEnc,
        iin_enc: p.iinEnc,
        iin_hash: p.iinHash,
        address_enc: p.addressEnc,
        phone_enc: p.phoneEnc,
        added_at: now,
      })),
    )
    .execute();
}

/** Links an incident; false when it was already linked. */
export async function linkIncident(
  db: Db,
  input: { caseId: string; regionId: string; incidentId: string; occurredAt: Date; now: Date },
): Promise<boolean> {
  const result = await db
    .insertInto('dv_case_incidents')
    .values({
      case_id: input.caseId,
      region_id: input.regionId,
      incident_id: input.incidentId,
      occurred_at: input.occurredAt,
      linked_at: input.now,
    })
    .onConflict((oc) => oc.columns(['case_id', 'incident_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function appendTimeline(
  db: Db,
  entry: {
    caseId: string;
    regionId: string;
    at: Date;
    kind: string;
    actorId: string | null;
    legalBasis?: string | null;
    details?: Record<string, unknown>;
  },
) {
  await db
    .insertInto('dv_case_timeline')
    .values({
      case_id: entry.caseId,
      region_id: entry.regionId,
      at: entry.at,
      kind: entry.kind,
      actor_id: entry.actorId,
      legal_basis: entry.legalBasis ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export async function updateCase(db: Db, id: string, change: { riskGrade?: RiskGrade; needsReassessment?: boolean; now: Date }) {
  await db
    .updateTable('dv_cases')
    .set({
      ...(change.riskGrade && { risk_grade: change.riskGrade }),
      ...(change.needsReassessment !== undefined && { needs_reassessment: change.needsReassessment }),
      updated_at: change.now,
    })
    .where('id', '=', id)
    .execute();
}

/** A case inside the jurisdiction, or undefined (also for a malformed id). */
export async function findCase(db: Db, jurisdiction: Jurisdiction, id: string) {
  if (!isUuid(id)) return undefined;
  return db
    .selectFrom('dv_cases')
    .select(caseColumns)
    .where('dv_cases.id', '=', id)
    .where(inJurisdiction(jurisdiction, 'dv_cases'))
    .executeTakeFirst();
}

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

/** Cases inside the jurisdiction (of the user's team, with `teamOf`), most recently changed first. */
export async function listCases(
  db: Db,
  jurisdiction: Jurisdiction,
  page: { cursor?: string; limit: number; riskGrade?: RiskGrade; teamOf?: Staff },
) {
  const older = olderThanCursor(page.cursor, 'dv_cases.updated_at', 'dv_cases.id');
  let q = db
    .selectFrom('dv_cases')
    .select(caseColumns)
    .where(inJurisdiction(jurisdiction, 'dv_cases'))
    .orderBy('dv_cases.updated_at', 'desc')
    .orderBy('dv_cases.id', 'desc')
    .limit(page.limit + 1);
  if (page.riskGrade) q = q.where('dv_cases.risk_grade', '=', page.riskGrade);
  if (page.teamOf) q = q.where(onCaseTeam(page.teamOf, undefined));
  if (older) q = q.where(older);
  return newestFirstPage(await q.execute(), page.limit, (row) => ({ at: row.updated_at, id: row.id }));
}

export async function caseDetails(db: Db, caseId: string) {
  const [people, incidents, timeline] = await Promise.all([
    db
      .selectFrom('dv_case_people')
      .selectAll()
      .where('case_id', '=', caseId)
      // Victims first, then aggressors, children and others, as a case file reads.
      .orderBy(sql`array_position(array['victim', 'aggressor', 'child', 'other'], role)`)
      .orderBy('added_at')
      .orderBy('id')
      .execute(),
    db.selectFrom('dv_case_incidents').selectAll().where('case_id', '=', caseId).orderBy('occurred_at').execute(),
    db.selectFrom('dv_case_timeline').selectAll().where('case_id', '=', caseId).orderBy('at').orderBy('id').execute(),
  ]);
  return { people, incidents, timeline };
}

export async function insertAssessment(
  db: Db,
  input: {
    caseId: string;
    regionId: string;
    instrumentVersion: string;
    answers: StoredAnswer[];
    yesCount: number;
    scoreGrade: RiskGrade;
    finalGrade: RiskGrade;
    rationaleEnc: string | null;
    reason: AssessmentReason;
    incidentId: string | null;
    assessedBy: string;
    now: Date;
  },
) {
  return db
    .insertInto('dv_risk_assessments')
    .values({
      case_id: input.caseId,
      region_id: input.regionId,
      instrument_version: input.instrumentVersion,
      answers: JSON.stringify(input.answers),
      yes_count: input.yesCount,
      score_grade: input.scoreGrade,
      final_grade: input.finalGrade,
      rationale_enc: input.rationaleEnc,
      reason: input.reason,
      incident_id: input.incidentId,
      assessed_by: input.assessedBy,
      assessed_at: input.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type AssessmentRow = Awaited<ReturnType<typeof insertAssessment>>;

export async function listAssessments(db: Db, caseId: string) {
  return db
    .selectFrom('dv_risk_assessments')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('assessed_at')
    .orderBy('id')
    .execute();
}

export async function insertOutcome(
  db: Db,
  input: {
    caseId: string;
    regionId: string;
    kind: 'revictimised' | 'no-further-abuse';
    occurredAt: Date;
    incidentId: string | null;
    by: string;
    now: Date;
  },
) {
  return db
    .insertInto('dv_case_outcomes')
    .values({
      case_id: input.caseId,
      region_id: input.regionId,
      kind: input.kind,
      occurred_at: input.occurredAt,
      incident_id: input.incidentId,
      recorded_by: input.by,
      recorded_at: input.now,
    })
    .returning(['id', 'case_id', 'kind', 'occurred_at'])
    .executeTakeFirstOrThrow();
}
