import { sql } from 'kysely';
import type { RegisterKind } from '../../../common/register-kinds.js';
import type { Db } from '../../db/connection.js';

/**
 * The preventive registers and repeat abuse, counted for analysis (the National Report's "Repeat
 * offending" and "Juveniles"): counts per region only, never a name, a case, a text or an id.
 *
 * An entry's start and end are calendar days of its region; a day begins at the region's own
 * midnight (as register-expiry.ts closes them), so the span's instants are compared with those
 * midnights. The end day is the last day in force: the term runs out at the midnight after it.
 * - entries-opened (per kind): entries whose start day begins in [from, to). The start is the day
 *   the basis took effect, not the day it was typed in: an entry recorded late still counts in
 *   the span of its start.
 * - entries-active (per kind): entries in force at the end of the span: the start day began
 *   before `to`, and the entry had not ended before `to` — neither closed (on review, or by the
 *   hourly expiry) nor past its end day. An entry whose last day is the span's last day is
 *   counted: it was on the register on that day.
 * - repeat-referrals: risk-conference referrals made in the span that referral-rules.ts marked
 *   as a repeat (is_repeat: the case was referred again within 12 months of the last referral).
 *   A referral only gaining criteria while it waits is the same referral, not another.
 * - order-breaches: protection-order breaches recorded in the span (recorded_at, not when they
 *   happened: a year's figure does not grow when an old breach is written down late).
 *
 * Retention anonymises but never deletes these rows (register entries when they end, cases a
 * while after closing): the kind, the days, the region and the flags stay, for statistics, so
 * anonymised records are counted. Nothing here reads who they were about.
 */
export const REGISTER_MEASURES = ['entries-opened', 'entries-active'] as const;
export const REPEAT_MEASURES = ['repeat-referrals', 'order-breaches'] as const;
export type RegisterMeasure = (typeof REGISTER_MEASURES)[number];
export type RepeatMeasure = (typeof REPEAT_MEASURES)[number];

export interface RegisterFigure {
  regionId: string;
  kind: RegisterKind;
  measure: RegisterMeasure;
  count: number;
}

export interface RepeatFigure {
  regionId: string;
  measure: RepeatMeasure;
  count: number;
}

export interface RegisterFiguresQuery {
  from: Date;
  to: Date;
  regionId?: string;
}

type Row = { region_id: string; kind: string | null; measure: string; count: number };

/** Counts per region (and register kind where the measure has one); zero counts are left out. */
export async function registerFiguresForAnalysis(
  db: Db,
  query: RegisterFiguresQuery,
): Promise<{ register: RegisterFigure[]; repeat: RepeatFigure[] }> {
  const { from, to } = query;
  const region = (column: string) => (query.regionId ? sql`and ${sql.ref(column)} = ${query.regionId}` : sql``);
  const { rows } = await sql<Row>`
    with entries as (
      select e.region_id, e.kind,
        e.start_date::timestamp at time zone r.tz as started_at,
        least(e.closed_at, (e.end_date + 1)::timestamp at time zone r.tz) as ended_at
      from prevention_register_entries e join regions r on r.id = e.region_id
      where true ${region('e.region_id')}
    )
    select region_id, kind, 'entries-opened' as measure, count(*)::int as count
      from entries where started_at >= ${from} and started_at < ${to}
      group by region_id, kind
    union all
    select region_id, kind, 'entries-active', count(*)::int
      from entries where started_at < ${to} and ended_at >= ${to}
      group by region_id, kind
    union all
    select region_id, null, 'repeat-referrals', count(*)::int
      from risk_referrals f where is_repeat and referred_at >= ${from} and referred_at < ${to} ${region('f.region_id')}
      group by region_id
    union all
    select region_id, null, 'order-breaches', count(*)::int
      from protection_order_violations v where recorded_at >= ${from} and recorded_at < ${to} ${region('v.region_id')}
      group by region_id`.execute(db);
  const register: RegisterFigure[] = [];
  const repeat: RepeatFigure[] = [];
  for (const { region_id: regionId, kind, measure, count } of rows) {
    if (kind === null) repeat.push({ regionId, measure: measure as RepeatMeasure, count });
    else register.push({ regionId, kind: kind as RegisterKind, measure: measure as RegisterMeasure, count });
  }
  return { register, repeat };
}
