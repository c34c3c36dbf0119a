import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Jurisdiction } from '../../../common/roles.js';
import type { Tables } from '../../db/tables.js';
import { newestFirstPage, olderThanCursor } from '../../http/paging.js';
import type { Agency } from './schema.js';
import { inJurisdiction } from './scope.js';

type Db = Kysely<Tables>;

/**
 * Records today's reminders: active orders ending by `until` (for the case's responsible
 * officer) and open safety-plan actions of open cases past their deadline (for the agency). An item already
 * reminded of today is skipped, so the job may run as often as it likes. Returns how many are new.
 */
export async function insertDueReminders(db: Db, input: { now: Date; day: string; until: Date }): Promise<number> {
  const orders = await sql`
    insert into prevention_reminders
      (kind, item_id, day, case_id, case_number, region_id, district_id, beat_id, recipient_user_id, due_at, created_at)
    select 'order-expiring', o.id, ${input.day}::date, c.id, c.case_number, c.region_id, c.district_id, c.beat_id,
           c.responsible_officer_id, o.expires_at, ${input.now}
    from protection_orders o join dv_cases c on c.id = o.case_id
    where o.issued_at <= ${input.now} and o.expires_at > ${input.now} and o.expires_at <= ${input.until}
    on conflict (kind, item_id, day) do nothing`.execute(db);
  const actions = await sql`
    insert into prevention_reminders
      (kind, item_id, day, case_id, case_number, region_id, district_id, beat_id, recipient_agency, due_at, created_at)
    select 'action-overdue', a.id, ${input.day}::date, c.id, c.case_number, a.region_id, a.district_id, a.beat_id,
           a.agency, a.due_at, ${input.now}
    from safety_plan_actions a join dv_cases c on c.id = a.case_id
    where a.completed_at is null and a.due_at < ${input.now}
      -- An action left open when its case was closed (the closer confirmed it) is nobody's work now.
      and c.status = 'open'
    on conflict (kind, item_id, day) do nothing`.execute(db);
  return Number(orders.numAffectedRows ?? 0) + Number(actions.numAffectedRows ?? 0);
}

/**
 * Reminders inside the jurisdiction addressed to the caller, newest first: to them by name, to
 * their agency, or — for supervisors — all of them.
 */
export async function listReminders(
  db: Db,
  jurisdiction: Jurisdiction,
  filter: { userId: string; agency?: Agency; all: boolean; cursor?: string; limit: number },
) {
  const older = olderThanCursor(filter.cursor, 'created_at', 'id');
  const forCaller: Expression<SqlBool> = filter.all
    ? sql<SqlBool>`true`
    : filter.agency
      ? sql<SqlBool>`(recipient_user_id = ${filter.userId} or recipient_agency = ${filter.agency})`
      : sql<SqlBool>`recipient_user_id = ${filter.userId}`;
  let q = db
    .selectFrom('prevention_reminders')
    .select([
      'id',
      'kind',
      sql<string>`day::text`.as('day'),
      'case_id',
      'case_number',
      'item_id',
      'due_at',
      'recipient_agency',
      'created_at',
    ])
    .where(inJurisdiction(jurisdiction, 'prevention_reminders'))
    .where(forCaller)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit + 1);
  if (older) q = q.where(older);
  return newestFirstPage(await q.execute(), filter.limit, (row) => ({ at: row.created_at, id: row.id }));
}

/** Tells the case's responsible officer (and, through the supervisors' list, the area) that the glass was broken. */
export async function insertBreakGlassAlert(
  db: Db,
  input: {
    breakGlassId: string;
    at: Date;
    caseRow: {
      id: string;
      case_number: string;
      region_id: string;
      district_id: string;
      beat_id: string;
      responsible_officer_id: string;
    };
  },
): Promise<void> {
  const c = input.caseRow;
  await db
    .insertInto('prevention_reminders')
    .values({
      kind: 'break-glass',
      item_id: input.breakGlassId,
      day: input.at.toISOString().slice(0, 10),
      case_id: c.id,
      case_number: c.case_number,
      region_id: c.region_id,
      district_id: c.district_id,
      beat_id: c.beat_id,
      recipient_user_id: c.responsible_officer_id,
      due_at: input.at,
      created_at: input.at,
    })
    .execute();
}
