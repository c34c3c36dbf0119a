import { LANGUAGES, type Language } from '../../../common/roles.js';
import type { Db } from '../../db/connection.js';
import { covers, type Actor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import type { Editor } from './guides.js';
import { findNeighbourhood, type Neighbourhood } from './neighbourhoods.js';
import { publishablePhoto } from './neighbourhood-team-photo.js';
import type { MeetingInput, MemberInput, PriorityInput, PublicTeam, StaffTeam } from './neighbourhood-team-schema.js';
import * as store from './neighbourhood-team-store.js';
import type { LocalText } from './neighbourhood-team-tables.js';

export interface TeamDeps {
  db: Db;
  clock: () => Date;
}

/** A staff editor with their jurisdiction: they change only beats inside it. */
export interface TeamEditor extends Editor {
  actor: Extract<Actor, { kind: 'user' }>;
}

/** The text in the reader's language; Russian, then Kazakh, when the editor wrote no English. */
export function inLanguage(text: LocalText, language: Language): string {
  return text[language] ?? text.ru ?? text.kk;
}

const MAX_MEETING_MS = 24 * 60 * 60 * 1000;

export const photoUrl = (beatId: string, memberId: string, updatedAt: Date | null) =>
  updatedAt
    ? `/api/v1/portal/neighbourhoods/${encodeURIComponent(beatId)}/team/${memberId}/photo?v=${updatedAt.getTime().toString(36)}`
    : null;

/**
 * The beat the editor asks for, when it lies in their jurisdiction. A beat outside it answers
 * exactly as one that does not exist (404), so no editor learns of another's area.
 */
async function editableBeat(db: Db, editor: TeamEditor, beatId: string): Promise<Neighbourhood> {
  // The district inspector keeps the page of the beat they serve; an officer posted wider has no
  // page of their own to keep, so only chiefs and administrators edit across an area.
  const chief = editor.actor.roles.some((role) => role === 'supervisor' || role === 'admin');
  if (!chief && editor.actor.jurisdiction.level !== 'beat') throw new AppError('auth.forbidden');
  const found = await findNeighbourhood(db, beatId, editor.actor.language);
  const place = found && { regionId: found.region.id, districtId: found.district.id, beatId: found.id };
  if (!found || !place || !covers(editor.actor.jurisdiction, place)) {
    throw new AppError('portal.neighbourhood_not_found', { beatId });
  }
  return found;
}

function checkPriority(input: PriorityInput): void {
  const hasAction = !!input.action;
  const hasDate = !!input.actionDate;
  if (hasAction !== hasDate || (input.actionDate && input.actionDate < input.issueDate)) {
    throw new AppError('portal.priority_action_invalid', { issueDate: input.issueDate, actionDate: input.actionDate ?? null });
  }
}

function checkMeeting(input: MeetingInput): void {
  const length = Date.parse(input.endsAt) - Date.parse(input.startsAt);
  if (!(length > 0 && length <= MAX_MEETING_MS)) {
    throw new AppError('portal.meeting_times_invalid', { startsAt: input.startsAt, endsAt: input.endsAt });
  }
}

const iso = (d: Date) => d.toISOString();

/** The editor's whole view of a beat: every member, every priority (closed ones too), meetings newest first. */
export async function staffTeam(deps: TeamDeps, editor: TeamEditor, beatId: string): Promise<StaffTeam> {
  const n = await editableBeat(deps.db, editor, beatId);
  const [people, priorities, meetings] = await Promise.all([
    store.members(deps.db, n.id),
    store.priorities(deps.db, n.id, false),
    store.meetings(deps.db, n.id),
  ]);
  return {
    beat: { id: n.id, number: n.number, name: n.name, districtId: n.district.id, regionId: n.region.id },
    timeZone: n.region.tz,
    members: people.map((m) => ({
      id: m.id,
      updatedAt: iso(m.updated_at),
      name: m.name,
      position: m.position as MemberInput['position'],
      rank: m.rank as MemberInput['rank'],
      sortOrder: m.sort_order,
      phone: m.phone,
      email: m.email,
      receptionPoint: m.reception_point,
      receptionHours: m.reception_hours,
      bio: m.bio,
      photoUrl: photoUrl(n.id, m.id, m.photo_updated_at),
    })),
    priorities: priorities.map((p) => ({
      id: p.id,
      updatedAt: iso(p.updated_at),
      issue: p.issue,
      issueDate: p.issue_date,
      action: p.action,
      actionDate: p.action_date,
      closed: p.closed,
    })),
    meetings: meetings.map((m) => ({
      id: m.id,
      updatedAt: iso(m.updated_at),
      type: m.type,
      title: m.title,
      description: m.description,
      address: m.address,
      startsAt: iso(m.starts_at),
      endsAt: iso(m.ends_at),
    })),
  };
}

// The public page is read far more often than a team changes: an answer is kept for 30 s. This
// node forgets a beat's answers at once when it changes the beat; other nodes within the 30 s.
const PUBLIC_TTL_MS = 30_000;
const publicCache = new WeakMap<Db, Map<string, { at: number; answer: Promise<PublicTeam> }>>();

function forgetPublicTeam(db: Db, beatId: string): void {
  const cache = publicCache.get(db);
  for (const language of LANGUAGES) cache?.delete(`${beatId}:${language}`);
}

/** What the public neighbourhood page shows: the team, the open priorities and the meetings still to come. */
export function publicTeam(deps: TeamDeps, n: Neighbourhood, language: Language): Promise<PublicTeam> {
  let cache = publicCache.get(deps.db);
  if (!cache) publicCache.set(deps.db, (cache = new Map()));
  const key = `${n.id}:${language}`;
  const now = deps.clock().getTime();
  const kept = cache.get(key);
  if (kept && now - kept.at < PUBLIC_TTL_MS) return kept.answer;
  const answer = buildPublicTeam(deps, n, language);
  cache.set(key, { at: now, answer });
  answer.catch(() => cache.delete(key));
  return answer;
}

async function buildPublicTeam(deps: TeamDeps, n: Neighbourhood, language: Language): Promise<PublicTeam> {
  const [people, priorities, meetings] = await Promise.all([
    store.members(deps.db, n.id),
    store.priorities(deps.db, n.id, true),
    store.meetings(deps.db, n.id, deps.clock(), 10),
  ]);
  const text = (t: LocalText | null) => (t ? inLanguage(t, language) : null);
  return {
    timeZone: n.region.tz,
    members: people.map((m) => ({
      id: m.id,
      name: m.name,
      position: m.position as MemberInput['position'],
      rank: m.rank as MemberInput['rank'],
      phone: m.phone,
      email: m.email,
      receptionPoint: text(m.reception_point),
      receptionHours: m.reception_hours,
      bio: text(m.bio),
      photoUrl: photoUrl(n.id, m.id, m.photo_updated_at),
    })),
    priorities: priorities.map((p) => ({
      id: p.id,
      issue: inLanguage(p.issue, language),
      issueDate: p.issue_date,
      action: text(p.action),
      actionDate: p.action_date,
    })),
    meetings: meetings.map((m) => ({
      id: m.id,
      type: m.type,
      title: inLanguage(m.title, language),
      description: text(m.description),
      address: inLanguage(m.address, language),
      startsAt: iso(m.starts_at),
      endsAt: iso(m.ends_at),
    })),
  };
}

type Target = 'portal_team_member' | 'portal_priority' | 'portal_meeting';
type Trx = Parameters<Parameters<ReturnType<Db['transaction']>['execute']>[0]>[0];

/**
 * One change of a beat's team, in one transaction with its audit entry. `write` answers the
 * record's id, or null when the beat has no such record (404 by `missing`).
 */
async function change(
  deps: TeamDeps,
  editor: TeamEditor,
  beatId: string,
  what: {
    action: string;
    target: Target;
    missing: 'portal.team_member_not_found' | 'portal.priority_not_found' | 'portal.meeting_not_found';
  },
  write: (trx: Trx, p: store.Placement) => Promise<string | null>,
): Promise<string> {
  const n = await editableBeat(deps.db, editor, beatId);
  const p = { beatId: n.id, districtId: n.district.id, regionId: n.region.id, now: deps.clock(), by: editor.userId };
  const changed = await deps.db.transaction().execute(async (trx) => {
    const id = await write(trx, p);
    if (!id) throw new AppError(what.missing, { beatId });
    await recordAudit(trx, {
      action: what.action,
      outcome: 'success',
      actor: { kind: 'user', id: editor.userId },
      target: { type: what.target, id },
      regionId: n.region.id,
      ip: editor.ip,
      details: { beatId: n.id },
    });
    return id;
  });
  forgetPublicTeam(deps.db, n.id);
  return changed;
}

const MEMBER = { target: 'portal_team_member', missing: 'portal.team_member_not_found' } as const;
const PRIORITY = { target: 'portal_priority', missing: 'portal.priority_not_found' } as const;
const MEETING = { target: 'portal_meeting', missing: 'portal.meeting_not_found' } as const;
const when = (found: boolean, id: string) => (found ? id : null);

export const addMember = (deps: TeamDeps, editor: TeamEditor, beatId: string, input: MemberInput) =>
  change(deps, editor, beatId, { ...MEMBER, action: 'portal.team.member.create' }, (trx, p) => store.insertMember(trx, p, input));

export const editMember = (deps: TeamDeps, editor: TeamEditor, beatId: string, id: string, input: MemberInput) =>
  change(deps, editor, beatId, { ...MEMBER, action: 'portal.team.member.edit' }, async (trx, p) =>
    when(await store.updateMember(trx, p, id, input), id),
  );

export const removeMember = (deps: TeamDeps, editor: TeamEditor, beatId: string, id: string) =>
  change(deps, editor, beatId, { ...MEMBER, action: 'portal.team.member.delete' }, async (trx, p) =>
    when(await store.deleteMember(trx, p.beatId, id), id),
  );

/** Replaces a member's photo with the publishable copy of the upload (checked before anything is written). */
export async function replacePhoto(deps: TeamDeps, editor: TeamEditor, beatId: string, id: string, base64: string) {
  await editableBeat(deps.db, editor, beatId);
  const photo = await publishablePhoto(base64);
  return change(deps, editor, beatId, { ...MEMBER, action: 'portal.team.photo.replace' }, async (trx, p) =>
    when(await store.setPhoto(trx, p, id, photo), id),
  );
}

export const removePhoto = (deps: TeamDeps, editor: TeamEditor, beatId: string, id: string) =>
  change(deps, editor, beatId, { ...MEMBER, action: 'portal.team.photo.delete' }, async (trx, p) =>
    when(await store.setPhoto(trx, p, id, null), id),
  );

export function addPriority(deps: TeamDeps, editor: TeamEditor, beatId: string, input: PriorityInput) {
  checkPriority(input);
  return change(deps, editor, beatId, { ...PRIORITY, action: 'portal.team.priority.create' }, (trx, p) =>
    store.insertPriority(trx, p, input),
  );
}

export function editPriority(deps: TeamDeps, editor: TeamEditor, beatId: string, id: string, input: PriorityInput) {
  checkPriority(input);
  return change(deps, editor, beatId, { ...PRIORITY, action: 'portal.team.priority.edit' }, async (trx, p) =>
    when(await store.updatePriority(trx, p, id, input), id),
  );
}

export function addMeeting(deps: TeamDeps, editor: TeamEditor, beatId: string, input: MeetingInput) {
  checkMeeting(input);
  return change(deps, editor, beatId, { ...MEETING, action: 'portal.team.meeting.create' }, (trx, p) =>
    store.insertMeeting(trx, p, input),
  );
}

export function editMeeting(deps: TeamDeps, editor: TeamEditor, beatId: string, id: string, input: MeetingInput) {
  checkMeeting(input);
  return change(deps, editor, beatId, { ...MEETING, action: 'portal.team.meeting.edit' }, async (trx, p) =>
    when(await store.updateMeeting(trx, p, id, input), id),
  );
}

export const removeMeeting = (deps: TeamDeps, editor: TeamEditor, beatId: string, id: string) =>
  change(deps, editor, beatId, { ...MEETING, action: 'portal.team.meeting.delete' }, async (trx, p) =>
    when(await store.deleteMeeting(trx, p.beatId, id), id),
  );

/** A member's published photo (JPEG); 404 when the beat has no such member or the member no photo. */
export async function memberPhoto(db: Db, beatId: string, id: string): Promise<Buffer> {
  const row = await store.photo(db, beatId, id);
  if (!row?.photo) throw new AppError('portal.team_member_not_found', { beatId, id });
  return row.photo;
}
