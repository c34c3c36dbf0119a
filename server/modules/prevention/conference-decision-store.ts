import { sql, type Kysely } from 'kysely';
import type { Jurisdiction } from '../../../common/roles.js';
import type { Tables } from '../../db/tables.js';
import { jurisdictionFilter } from '../../http/actor.js';
import { newestFirstPage, olderThanCursor } from '../../http/paging.js';

type Db = Kysely<Tables>;

export async function insertDecision(
  db: Db,
  input: {
    conferenceId: string;
    caseId: string;
    regionId: string;
    districtId: string;
    decisionEnc: string;
    by: string;
    now: Date;
  },
) {
  return db
    .insertInto('risk_conference_decisions')
    .values({
      conference_id: input.conferenceId,
      case_id: input.caseId,
      region_id: input.regionId,
      district_id: input.districtId,
      decision_enc: input.decisionEnc,
      decided_by: input.by,
      decided_at: input.now,
    })
    .returning(['id', 'case_id', 'decision_enc', 'decided_at', 'amended_at'])
    .executeTakeFirstOrThrow();
}

export type DecisionRow = Awaited<ReturnType<typeof insertDecision>>;

export async function conferenceDecisions(db: Db, conferenceId: string): Promise<DecisionRow[]> {
  return db
    .selectFrom('risk_conference_decisions')
    .select(['id', 'case_id', 'decision_enc', 'decided_at', 'amended_at'])
    .where('conference_id', '=', conferenceId)
    .orderBy('decided_at')
    .orderBy('id')
    .execute();
}

/** Conferences inside the jurisdiction, latest scheduled first, with their agenda size and open actions. */
export async function listConferences(db: Db, jurisdiction: Jurisdiction, page: { cursor?: string; limit: number }) {
  const scope = jurisdictionFilter(jurisdiction);
  const older = olderThanCursor(page.cursor, 'c.scheduled_at', 'c.id');
  let q = db
    .selectFrom('risk_conferences as c')
    .select([
      'c.id',
      'c.region_id',
      'c.district_id',
      'c.scheduled_at',
      'c.agencies',
      'c.attended',
      sql<number>`(select count(*)::int from risk_referrals r where r.conference_id = c.id)`.as('agenda_count'),
      sql<number>`(select count(*)::int from safety_plan_actions a where a.conference_id = c.id and a.completed_at is null)`.as(
        'open_actions',
      ),
    ])
    .orderBy('c.scheduled_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(page.limit + 1);
  // Conferences are district-wide and the routes refuse beat-level callers, so region and district decide.
  if (scope.regionId !== undefined) q = q.where('c.region_id', '=', scope.regionId);
  if (scope.districtId !== undefined) q = q.where('c.district_id', '=', scope.districtId);
  if (older) q = q.where(older);
  return newestFirstPage(await q.execute(), page.limit, (row) => ({ at: row.scheduled_at, id: row.id }));
}
