import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { Agency } from './schema.js';

/**
 * What the bodies did in prevention, counted for analysis (the National Report's "What each
 * body did"): counts per region only, never a name, a case, a text or an id of a record.
 *
 * Every measure counts records whose own instant lies in [from, to):
 * - actions-*: safety-plan actions assigned in the span (created_at); of them, those completed
 *   before `to`, and those completed by their due date. An action still open is counted as
 *   assigned only, whether or not it is late yet.
 * - conferences-*: risk conferences scheduled in the span whose attendance was recorded (a
 *   conference without it may not have taken place); per agency, invited and attended.
 * - police-orders: police protection orders issued in the span.
 * - register-contacts: preventive-register visits, calls, summons and meetings whose outcome
 *   was recorded in the span (done_at), "not at home" included.
 * - centre-referrals(-accepted): crisis-centre referrals made in the span; of them, accepted before `to`.
 * - programme-enrolments: aggressors enrolled in the span; programmes-completed: programmes
 *   ended as completed in the span (often begun the year before).
 */
export const AGENCY_MEASURES = [
  'actions-assigned',
  'actions-completed',
  'actions-on-time',
  'conferences-invited',
  'conferences-attended',
] as const;
export const WORK_MEASURES = [
  'conferences-held',
  'police-orders',
  'register-contacts',
  'centre-referrals',
  'centre-referrals-accepted',
  'programme-enrolments',
  'programmes-completed',
] as const;
export type AgencyMeasure = (typeof AGENCY_MEASURES)[number];
export type WorkMeasure = (typeof WORK_MEASURES)[number];

export type AgencyWorkCount =
  | { regionId: string; measure: AgencyMeasure; agency: Agency; count: number }
  | { regionId: string; measure: WorkMeasure; agency: null; count: number };

export interface AgencyWorkQuery {
  from: Date;
  to: Date;
  regionId?: string;
}

type Row = { region_id: string; agency: string | null; measure: string; count: number };

/** Counts per region (and agency where the measure has one); zero counts are left out. */
export async function agencyWorkForAnalysis(db: Db, query: AgencyWorkQuery): Promise<AgencyWorkCount[]> {
  const { from, to } = query;
  const region = (column: string) => (query.regionId ? sql`and ${sql.ref(column)} = ${query.regionId}` : sql``);
  const { rows } = await sql<Row>`
    select region_id, agency, 'actions-assigned' as measure, count(*)::int as count
      from safety_plan_actions a where created_at >= ${from} and created_at < ${to} ${region('a.region_id')}
      group by region_id, agency
    union all
    select region_id, agency, 'actions-completed', count(*)::int
      from safety_plan_actions a where created_at >= ${from} and created_at < ${to} and completed_at < ${to} ${region('a.region_id')}
      group by region_id, agency
    union all
    select region_id, agency, 'actions-on-time', count(*)::int
      from safety_plan_actions a
      where created_at >= ${from} and created_at < ${to} and completed_at < ${to} and completed_at <= due_at ${region('a.region_id')}
      group by region_id, agency
    union all
    select region_id, null, 'conferences-held', count(*)::int
      from risk_conferences c where scheduled_at >= ${from} and scheduled_at < ${to} and attended is not null ${region('c.region_id')}
      group by region_id
    union all
    select region_id, invited, 'conferences-invited', count(*)::int
      from risk_conferences c, unnest(c.agencies) as invited
      where scheduled_at >= ${from} and scheduled_at < ${to} and attended is not null ${region('c.region_id')}
      group by region_id, invited
    union all
    select region_id, came, 'conferences-attended', count(*)::int
      from risk_conferences c, unnest(c.attended) as came
      where scheduled_at >= ${from} and scheduled_at < ${to} ${region('c.region_id')}
      group by region_id, came
    union all
    select region_id, null, 'police-orders', count(*)::int
      from protection_orders o where kind = 'police-protection' and issued_at >= ${from} and issued_at < ${to} ${region('o.region_id')}
      group by region_id
    union all
    select region_id, null, 'register-contacts', count(*)::int
      from prevention_register_contacts k where done_at >= ${from} and done_at < ${to} ${region('k.region_id')}
      group by region_id
    union all
    select region_id, null, 'centre-referrals', count(*)::int
      from crisis_centre_referrals r where referred_at >= ${from} and referred_at < ${to} ${region('r.region_id')}
      group by region_id
    union all
    select region_id, null, 'centre-referrals-accepted', count(*)::int
      from crisis_centre_referrals r
      where referred_at >= ${from} and referred_at < ${to} and status = 'accepted' and decided_at < ${to} ${region('r.region_id')}
      group by region_id
    union all
    select region_id, null, 'programme-enrolments', count(*)::int
      from programme_enrolments e where enrolled_at >= ${from} and enrolled_at < ${to} ${region('e.region_id')}
      group by region_id
    union all
    select region_id, null, 'programmes-completed', count(*)::int
      from programme_enrolments e
      where status = 'completed' and ended_at >= ${from} and ended_at < ${to} ${region('e.region_id')}
      group by region_id`.execute(db);
  return rows.map((r) =>
    r.agency === null
      ? { regionId: r.region_id, measure: r.measure as WorkMeasure, agency: null, count: r.count }
      : { regionId: r.region_id, measure: r.measure as AgencyMeasure, agency: r.agency as Agency, count: r.count },
  );
}
