import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';

/** An incident as the portal's publisher may read it: no reporter, no text, nothing but what publication needs. */
export interface RecordedIncident {
  id: string;
  category: string;
  /** The true location; null when none was recorded. It never leaves the server. */
  lon: number | null;
  lat: number | null;
  regionId: string;
  districtId: string | null;
  beatId: string | null;
  occurredAt: Date;
  status: string;
}

/**
 * The statuses of an incident that is not an offence on record: still `new` (never assessed),
 * cancelled, or a duplicate merged into another. Every published count of offences leaves these
 * out, so that two publications of the same area and period agree.
 */
export const NOT_RECORDED_STATUSES = ['new', 'cancelled', 'merged'] as const;

// Kazakhstan has had one offset (UTC+5) since March 2024; months are counted in it so that an
// offence at 01:00 local time on the 1st belongs to that month, not the one before.
const OFFSET_MS = 5 * 3_600_000;

function monthBounds(month: string): { from: Date; to: Date } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw new RangeError(`not a month: ${month}`);
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  return {
    from: new Date(Date.UTC(year, index, 1) - OFFSET_MS),
    to: new Date(Date.UTC(year, index + 1, 1) - OFFSET_MS),
  };
}

/** The incidents that occurred in `month` ('YYYY-MM', Kazakhstan time) and were recorded (`NOT_RECORDED_STATUSES`). */
export async function recordedIncidentsForMonth(db: Db, month: string): Promise<RecordedIncident[]> {
  const { from, to } = monthBounds(month);
  const rows = await db
    .selectFrom('incidents')
    .select([
      'id',
      'category',
      'region_id',
      'district_id',
      'beat_id',
      'occurred_at',
      'status',
      sql<number | null>`ST_X(location)`.as('lon'),
      sql<number | null>`ST_Y(location)`.as('lat'),
    ])
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', to)
    .where('status', 'not in', [...NOT_RECORDED_STATUSES])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    category: r.category,
    lon: r.lon,
    lat: r.lat,
    regionId: r.region_id,
    districtId: r.district_id,
    beatId: r.beat_id,
    occurredAt: r.occurred_at,
    status: r.status,
  }));
}
