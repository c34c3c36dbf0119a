import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Jurisdiction } from '../../../common/roles.js';
import type { Tables } from '../../db/tables.js';
import { decodeCursor, encodeCursor } from '../../http/paging.js';
import { AppError } from '../../http/errors.js';
import type { Agency, AssignmentStatus, UnitKind, UnitStatus } from './schema.js';
import './tables.js';

type Db = Kysely<Tables>;

/**
 * The units a jurisdiction sees. Units patrol districts, not beats: a beat inspector sees the
 * units of the beat's district.
 */
export function unitScope(j: Jurisdiction): { regionId?: string; districtId?: string } {
  switch (j.level) {
    case 'country':
      return {};
    case 'region':
      return { regionId: j.regionId ?? '' };
    case 'district':
    case 'beat':
      return { districtId: j.districtId ?? '' };
  }
}

/** Whether a unit lies inside the jurisdiction, by the same rule as unitScope. */
export function inUnitScope(j: Jurisdiction, unit: { region_id: string; district_id: string }): boolean {
  const scope = unitScope(j);
  return (scope.regionId ?? unit.region_id) === unit.region_id && (scope.districtId ?? unit.district_id) === unit.district_id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

// Emergency units sort first on every console.
const emergencyRank = sql<number>`(case when u.emergency_at is null then 1 else 0 end)`;

function unitQuery(db: Db, scope: { regionId?: string; districtId?: string }) {
  let q = db
    .selectFrom('units as u')
    .leftJoin('unit_positions as p', 'p.unit_id', 'u.id')
    .leftJoin('unit_assignments as a', (join) => join.onRef('a.unit_id', '=', 'u.id').on('a.ended_at', 'is', null))
    .select([
      'u.id',
      'u.region_id',
      'u.district_id',
      'u.call_sign',
      'u.agency',
      'u.kind',
      'u.status',
      'u.status_changed_at',
      'u.emergency_at',
      'p.recorded_at',
      'a.id as assignment_id',
      'a.incident_id',
      'a.status as assignment_status',
      'a.assigned_at',
    ])
    .select(sql<number | null>`ST_X(p.location)`.as('lon'))
    .select(sql<number | null>`ST_Y(p.location)`.as('lat'))
    .select(
      sql<
        string[]
      >`coalesce((select array_agg(m.user_id::text order by m.user_id) from unit_members m where m.unit_id = u.id), '{}')`.as(
        'member_ids',
      ),
    )
    .select(emergencyRank.as('rank'));
  if (scope.regionId !== undefined) q = q.where('u.region_id', '=', scope.regionId);
  if (scope.districtId !== undefined) q = q.where('u.district_id', '=', scope.districtId);
  return q;
}

export type UnitRow = Awaited<ReturnType<ReturnType<typeof unitQuery>['executeTakeFirstOrThrow']>>;

/** Units in the scope: emergencies first, then by call sign; keyset-paged on (emergency, call sign, id). */
export async function listUnits(
  db: Db,
  scope: { regionId?: string; districtId?: string },
  page: { cursor?: string; limit: number; status?: UnitStatus; districtId?: string },
) {
  let q = unitQuery(db, scope)
    .orderBy(emergencyRank)
    .orderBy('u.call_sign')
    .orderBy('u.id')
    .limit(page.limit + 1);
  if (page.status) q = q.where('u.status', '=', page.status);
  if (page.districtId) q = q.where('u.district_id', '=', page.districtId);
  const after = decodeCursor(page.cursor);
  if (after) {
    const [rank, callSign, id] = after;
    if (typeof rank !== 'number' || typeof callSign !== 'string' || typeof id !== 'string' || !isUuid(id)) {
      throw new AppError('request.invalid', { detail: 'cursor' });
    }
    q = q.where(sql<SqlBool>`(${emergencyRank}, u.call_sign, u.id) > (${rank}, ${callSign}, ${id}::uuid)`);
  }
  const rows = await q.execute();
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > page.limit && last ? encodeCursor([last.rank, last.call_sign, last.id]) : null;
  return { items, nextCursor };
}

/** One unit inside the scope (null scope: anywhere, for membership checks). */
export async function findUnit(db: Db, scope: { regionId?: string; districtId?: string }, id: string) {
  if (!isUuid(id)) return undefined;
  return unitQuery(db, scope).where('u.id', '=', id).executeTakeFirst();
}

/** Where a unit belongs: the light look-up a position post needs, many times a second. */
export async function unitPlace(db: Db, id: string) {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('units').select(['region_id', 'district_id']).where('id', '=', id).executeTakeFirst();
}

/** The units the user belongs to. */
export async function unitsOfMember(db: Db, userId: string) {
  return unitQuery(db, {})
    .where('u.id', 'in', db.selectFrom('unit_members').select('unit_id').where('user_id', '=', userId))
    .orderBy('u.call_sign')
    .execute();
}

export async function isMember(db: Db, unitId: string, userId: string): Promise<boolean> {
  if (!isUuid(unitId)) return false;
  const row = await db
    .selectFrom('unit_members')
    .select('unit_id')
    .where('unit_id', '=', unitId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Turns the constraint a write broke into the caller's error; anything else is rethrown. */
export function constraintError(error: unknown): AppError | null {
  const e = error as { code?: string; constraint?: string; message?: string };
  const name = e.constraint ?? e.message ?? '';
  if (e.code === '23505' && name.includes('unit_assignments_one_active_idx')) return new AppError('dispatch.unit_busy');
  if (e.code === '23505' && name.includes('units_region_id_call_sign_key')) return new AppError('dispatch.call_sign_taken');
  if (e.code === '23503' && name.includes('unit_members_user_id_fkey')) return new AppError('dispatch.member_unknown');
  return null;
}

export async function insertUnit(
  trx: Db,
  u: {
    regionId: string;
    districtId: string;
    callSign: string;
    agency: Agency;
    kind: UnitKind;
    status: UnitStatus;
    at: Date;
  },
): Promise<string> {
  const row = await trx
    .insertInto('units')
    .values({
      region_id: u.regionId,
      district_id: u.districtId,
      call_sign: u.callSign,
      agency: u.agency,
      kind: u.kind,
      status: u.status,
      status_changed_at: u.at,
      created_at: u.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUnit(
  trx: Db,
  id: string,
  u: Partial<{ regionId: string; districtId: string; callSign: string; agency: Agency; kind: UnitKind }>,
): Promise<void> {
  const values = {
    ...(u.regionId !== undefined ? { region_id: u.regionId } : {}),
    ...(u.districtId !== undefined ? { district_id: u.districtId } : {}),
    ...(u.callSign !== undefined ? { call_sign: u.callSign } : {}),
    ...(u.agency !== undefined ? { agency: u.agency } : {}),
    ...(u.kind !== undefined ? { kind: u.kind } : {}),
  };
  if (Object.keys(values).length > 0) await trx.updateTable('units').set(values).where('id', '=', id).execute();
  if (u.regionId !== undefined) {
    await trx.updateTable('unit_members').set({ region_id: u.regionId }).where('unit_id', '=', id).execute();
    await trx.updateTable('unit_positions').set({ region_id: u.regionId }).where('unit_id', '=', id).execute();
  }
}

export async function replaceMembers(trx: Db, unitId: string, regionId: string, userIds: readonly string[]): Promise<void> {
  await trx.deleteFrom('unit_members').where('unit_id', '=', unitId).execute();
  if (userIds.length === 0) return;
  await trx
    .insertInto('unit_members')
    .values(userIds.map((userId) => ({ unit_id: unitId, user_id: userId, region_id: regionId })))
    .execute();
}

/**
 * Sets a unit's status when it is one of `from` (all when omitted); the previous status, or
 * undefined when the unit was not in one of them (another request changed it first).
 */
export async function setUnitStatus(
  trx: Db,
  id: string,
  to: UnitStatus,
  at: Date,
  from?: readonly UnitStatus[],
): Promise<UnitStatus | undefined> {
  const previous = trx.selectFrom('units').select('status').where('id', '=', id).forUpdate();
  const row = await previous.executeTakeFirst();
  if (!row || (from && !from.includes(row.status))) return undefined;
  if (row.status !== to) {
    await trx.updateTable('units').set({ status: to, status_changed_at: at }).where('id', '=', id).execute();
  }
  return row.status;
}

export async function setEmergency(trx: Db, id: string, at: Date | null): Promise<void> {
  await trx.updateTable('units').set({ emergency_at: at }).where('id', '=', id).execute();
}

/**
 * Keeps the newest fix per unit: a batch that arrives late (a phone back in coverage) never
 * replaces a newer one. Answers the time of the fix the unit now has.
 */
export async function upsertPosition(
  db: Db,
  p: {
    unitId: string;
    regionId: string;
    lon: number;
    lat: number;
    recordedAt: Date;
    receivedAt: Date;
    accuracyM: number | null;
    headingDeg: number | null;
    speedKmh: number | null;
  },
): Promise<Date> {
  const written = await sql<{ recorded_at: Date }>`
    insert into unit_positions (unit_id, region_id, location, recorded_at, received_at, accuracy_m, heading_deg, speed_kmh)
    values (${p.unitId}, ${p.regionId}, ST_SetSRID(ST_MakePoint(${p.lon}, ${p.lat}), 4326), ${p.recordedAt}, ${p.receivedAt},
      ${p.accuracyM}, ${p.headingDeg}, ${p.speedKmh})
    on conflict (unit_id) do update set
      location = excluded.location, recorded_at = excluded.recorded_at, received_at = excluded.received_at,
      accuracy_m = excluded.accuracy_m, heading_deg = excluded.heading_deg, speed_kmh = excluded.speed_kmh
    where unit_positions.recorded_at < excluded.recorded_at
    returning recorded_at`.execute(db);
  if (written.rows[0]) return new Date(written.rows[0].recorded_at);
  const kept = await db
    .selectFrom('unit_positions')
    .select('recorded_at')
    .where('unit_id', '=', p.unitId)
    .executeTakeFirstOrThrow();
  return kept.recorded_at;
}

export async function insertAssignment(
  trx: Db,
  a: { unitId: string; incidentId: string; regionId: string; assignedBy: string; at: Date },
): Promise<string> {
  const row = await trx
    .insertInto('unit_assignments')
    .values({
      unit_id: a.unitId,
      incident_id: a.incidentId,
      region_id: a.regionId,
      status: 'assigned',
      assigned_by: a.assignedBy,
      assigned_at: a.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const assignmentColumns = [
  'id',
  'unit_id',
  'incident_id',
  'region_id',
  'status',
  'assigned_at',
  'accepted_at',
  'on_scene_at',
  'ended_at',
] as const;

/** An assignment of the incident, locked for the step about to change it. */
export async function lockAssignment(trx: Db, incidentId: string, id: string) {
  if (!isUuid(id) || !isUuid(incidentId)) return undefined;
  return trx
    .selectFrom('unit_assignments')
    .select(assignmentColumns)
    .where('id', '=', id)
    .where('incident_id', '=', incidentId)
    .forUpdate()
    .executeTakeFirst();
}

export type AssignmentRow = NonNullable<Awaited<ReturnType<typeof lockAssignment>>>;

export async function findAssignment(db: Db, id: string) {
  return db.selectFrom('unit_assignments').select(assignmentColumns).where('id', '=', id).executeTakeFirstOrThrow();
}

export async function findAssignmentOfIncident(db: Db, incidentId: string, id: string) {
  if (!isUuid(id) || !isUuid(incidentId)) return undefined;
  return db
    .selectFrom('unit_assignments')
    .select(assignmentColumns)
    .where('id', '=', id)
    .where('incident_id', '=', incidentId)
    .executeTakeFirst();
}

export async function updateAssignment(
  trx: Db,
  id: string,
  change: { status: AssignmentStatus; at: Date; endReason?: string },
): Promise<void> {
  const at = change.at;
  await trx
    .updateTable('unit_assignments')
    .set({
      status: change.status,
      ...(change.status === 'accepted' ? { accepted_at: at } : {}),
      ...(change.status === 'on_scene' ? { on_scene_at: at } : {}),
      ...(change.status === 'resolved' || change.status === 'cancelled'
        ? { ended_at: at, end_reason: change.endReason ?? null }
        : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function activeAssignmentsOfIncident(db: Db, incidentId: string) {
  return db
    .selectFrom('unit_assignments')
    .select(assignmentColumns)
    .where('incident_id', '=', incidentId)
    .where('ended_at', 'is', null)
    .orderBy('assigned_at')
    .execute();
}

export async function callSignOf(db: Db, unitId: string): Promise<string> {
  const row = await db.selectFrom('units').select('call_sign').where('id', '=', unitId).executeTakeFirstOrThrow();
  return row.call_sign;
}

/**
 * Available units with a fresh fix, nearest first by the GiST index's KNN order (`<->` in
 * degrees, which is close enough to choose candidates; the caller ranks them by travel time).
 */
export async function nearestAvailableUnits(
  db: Db,
  q: {
    lon: number;
    lat: number;
    regionId: string;
    districtId?: string;
    freshSince: Date;
    limit: number;
    agency?: Agency;
    kind?: UnitKind;
  },
) {
  const result = await sql<{
    id: string;
    call_sign: string;
    agency: Agency;
    kind: UnitKind;
    lon: number;
    lat: number;
    recorded_at: Date;
  }>`
    select u.id, u.call_sign, u.agency, u.kind, ST_X(p.location) lon, ST_Y(p.location) lat, p.recorded_at
    from unit_positions p join units u on u.id = p.unit_id
    where p.region_id = ${q.regionId} and p.recorded_at >= ${q.freshSince}
      and u.status = 'available' and u.emergency_at is null
      ${q.districtId !== undefined ? sql`and u.district_id = ${q.districtId}` : sql``}
      ${q.agency ? sql`and u.agency = ${q.agency}` : sql``}
      ${q.kind ? sql`and u.kind = ${q.kind}` : sql``}
    order by p.location <-> ST_SetSRID(ST_MakePoint(${q.lon}, ${q.lat}), 4326)
    limit ${q.limit}`.execute(db);
  return result.rows.map((r) => ({ ...r, recorded_at: new Date(r.recorded_at) }));
}
