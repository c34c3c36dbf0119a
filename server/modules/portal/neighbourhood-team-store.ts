import { sql, type Kysely } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { Tables } from '../../db/tables.js';
import type { MeetingInput, MemberInput, PriorityInput } from './neighbourhood-team-schema.js';

type Executor = Kysely<Tables>;

/** Where a row sits and who changed it, as every write records it. */
export interface Placement {
  beatId: string;
  districtId: string;
  regionId: string;
  now: Date;
  by: string | null;
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

const placed = (p: Placement) => ({
  beat_id: p.beatId,
  district_id: p.districtId,
  region_id: p.regionId,
  created_at: p.now,
  created_by: p.by,
  updated_at: p.now,
  updated_by: p.by,
});

const memberColumns = (m: MemberInput) => ({
  sort_order: m.sortOrder ?? 0,
  name: m.name.trim(),
  position: m.position,
  rank: m.rank,
  phone: m.phone ?? null,
  email: m.email ?? null,
  reception_point: json(m.receptionPoint),
  reception_hours: JSON.stringify(m.receptionHours),
  bio: json(m.bio),
});

export function members(db: Db, beatId: string) {
  return db
    .selectFrom('portal_team_members')
    .select([
      'id',
      'sort_order',
      'name',
      'position',
      'rank',
      'phone',
      'email',
      'reception_point',
      'reception_hours',
      'bio',
      'photo_updated_at',
      'updated_at',
    ])
    .where('beat_id', '=', beatId)
    .orderBy('sort_order')
    .orderBy('created_at')
    .execute();
}
export type MemberRow = Awaited<ReturnType<typeof members>>[number];

export async function insertMember(trx: Executor, p: Placement, m: MemberInput): Promise<string> {
  const row = await trx
    .insertInto('portal_team_members')
    .values({ ...placed(p), ...memberColumns(m) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Updates a member of this beat; false when the beat has no such member. */
export async function updateMember(trx: Executor, p: Placement, id: string, m: MemberInput): Promise<boolean> {
  const result = await trx
    .updateTable('portal_team_members')
    .set({ ...memberColumns(m), updated_at: p.now, updated_by: p.by })
    .where('id', '=', id)
    .where('beat_id', '=', p.beatId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function setPhoto(trx: Executor, p: Placement, id: string, photo: Buffer | null): Promise<boolean> {
  const result = await trx
    .updateTable('portal_team_members')
    .set({ photo, photo_updated_at: photo ? p.now : null, updated_at: p.now, updated_by: p.by })
    .where('id', '=', id)
    .where('beat_id', '=', p.beatId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteMember(trx: Executor, beatId: string, id: string): Promise<boolean> {
  const result = await trx
    .deleteFrom('portal_team_members')
    .where('id', '=', id)
    .where('beat_id', '=', beatId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export function photo(db: Db, beatId: string, id: string) {
  return db
    .selectFrom('portal_team_members')
    .select(['photo', 'photo_updated_at'])
    .where('id', '=', id)
    .where('beat_id', '=', beatId)
    .where('photo', 'is not', null)
    .executeTakeFirst();
}

const priorityColumns = (input: PriorityInput) => ({
  issue: JSON.stringify(input.issue),
  issue_date: input.issueDate,
  action: json(input.action),
  action_date: input.actionDate ?? null,
  closed: input.closed ?? false,
});

/** The beat's priorities, open ones first, the newest agreed first; only open ones when asked. */
export function priorities(db: Db, beatId: string, openOnly: boolean) {
  let query = db
    .selectFrom('portal_priorities')
    .select([
      'id',
      'issue',
      sql<string>`to_char(issue_date, 'YYYY-MM-DD')`.as('issue_date'),
      'action',
      sql<string | null>`to_char(action_date, 'YYYY-MM-DD')`.as('action_date'),
      'closed',
      'updated_at',
    ])
    .where('beat_id', '=', beatId);
  if (openOnly) query = query.where('closed', '=', false);
  return query.orderBy('closed').orderBy('issue_date', 'desc').orderBy('created_at', 'desc').limit(100).execute();
}
export type PriorityRow = Awaited<ReturnType<typeof priorities>>[number];

export async function insertPriority(trx: Executor, p: Placement, input: PriorityInput): Promise<string> {
  const row = await trx
    .insertInto('portal_priorities')
    .values({ ...placed(p), ...priorityColumns(input) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePriority(trx: Executor, p: Placement, id: string, input: PriorityInput): Promise<boolean> {
  const result = await trx
    .updateTable('portal_priorities')
    .set({ ...priorityColumns(input), updated_at: p.now, updated_by: p.by })
    .where('id', '=', id)
    .where('beat_id', '=', p.beatId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

const meetingColumns = (input: MeetingInput) => ({
  type: input.type,
  title: JSON.stringify(input.title),
  description: json(input.description),
  address: JSON.stringify(input.address),
  starts_at: new Date(input.startsAt),
  ends_at: new Date(input.endsAt),
});

/** The beat's meetings by start; with `endingAfter`, only those still to end after that moment. */
export function meetings(db: Db, beatId: string, endingAfter?: Date, limit = 100) {
  let query = db
    .selectFrom('portal_meetings')
    .select(['id', 'type', 'title', 'description', 'address', 'starts_at', 'ends_at', 'updated_at'])
    .where('beat_id', '=', beatId);
  if (endingAfter) query = query.where('ends_at', '>', endingAfter);
  return query
    .orderBy('starts_at', endingAfter ? 'asc' : 'desc')
    .limit(limit)
    .execute();
}
export type MeetingRow = Awaited<ReturnType<typeof meetings>>[number];

export async function insertMeeting(trx: Executor, p: Placement, input: MeetingInput): Promise<string> {
  const row = await trx
    .insertInto('portal_meetings')
    .values({ ...placed(p), ...meetingColumns(input) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateMeeting(trx: Executor, p: Placement, id: string, input: MeetingInput): Promise<boolean> {
  const result = await trx
    .updateTable('portal_meetings')
    .set({ ...meetingColumns(input), updated_at: p.now, updated_by: p.by })
    .where('id', '=', id)
    .where('beat_id', '=', p.beatId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteMeeting(trx: Executor, beatId: string, id: string): Promise<boolean> {
  const result = await trx.deleteFrom('portal_meetings').where('id', '=', id).where('beat_id', '=', beatId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
