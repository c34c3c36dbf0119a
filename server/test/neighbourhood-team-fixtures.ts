import type { InjectOptions } from 'fastify';
import sharp from 'sharp';
import { firstDistrictAndBeat } from '../modules/geo/index.js';
import type { TestApp } from './app.js';

// The same two regions as jurisdiction-fixtures.ts (Almaty answers, Astana is hidden).
const HOME = '750000000';
const OTHER = '710000000';
const ADMIN = '/api/v1/portal-admin/neighbourhoods';

const text = (words: string) => ({ kk: words, ru: words, en: words });
export const MEMBER = {
  name: 'Test Inspector',
  position: 'district-inspector',
  rank: 'captain',
  phone: '+7 700 000 00 00',
  email: 'beat@police.example.org',
  receptionPoint: text('Reception point'),
  receptionHours: [{ day: 2, from: '18:00', to: '20:00' }],
};
export const PRIORITY = { issue: text('Speeding'), issueDate: '2026-01-10' };
export const MEETING = {
  type: 'meeting',
  title: text('Meeting with residents'),
  address: text('Reception point'),
  startsAt: '2099-01-10T13:00:00Z',
  endsAt: '2099-01-10T14:00:00Z',
};

interface Placed {
  beatId: string;
  memberId: string;
  priorityId: string;
  meetingId: string;
}

/** A beat of the region with one officer, one priority and one meeting, written as the store would. */
async function teamIn(t: TestApp, regionId: string): Promise<Placed> {
  const { districtId, beatId } = await firstDistrictAndBeat(t.database.db, regionId);
  const now = new Date();
  const placed = { beat_id: beatId, district_id: districtId, region_id: regionId, created_at: now, updated_at: now };
  const db = t.database.db;
  const member = await db
    .insertInto('portal_team_members')
    .values({ ...placed, sort_order: 0, name: 'Fixture', position: 'district-inspector', rank: 'captain', reception_hours: '[]' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const priority = await db
    .insertInto('portal_priorities')
    .values({ ...placed, issue: JSON.stringify(PRIORITY.issue), issue_date: PRIORITY.issueDate, closed: false })
    .returning('id')
    .executeTakeFirstOrThrow();
  const meeting = await db
    .insertInto('portal_meetings')
    .values({
      ...placed,
      type: 'meeting',
      title: JSON.stringify(MEETING.title),
      address: JSON.stringify(MEETING.address),
      starts_at: new Date(MEETING.startsAt),
      ends_at: new Date(MEETING.endsAt),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { beatId, memberId: member.id, priorityId: priority.id, meetingId: meeting.id };
}

export const tinyPng = async () =>
  (
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#777777' } })
      .png()
      .toBuffer()
  ).toString('base64');

type Request = (p: Placed) => Promise<InjectOptions> | InjectOptions;

/** Inside Almaty the editor's request succeeds; the same request on an Astana beat answers 404. */
function probe(request: Request) {
  return async (t: TestApp) => ({
    kind: 'item' as const,
    inside: await request(await teamIn(t, HOME)),
    outside: await request(await teamIn(t, OTHER)),
  });
}

export const TEAM_FIXTURES = {
  [`GET ${ADMIN}/:beatId`]: probe((p) => ({ method: 'GET', url: `${ADMIN}/${p.beatId}` })),
  [`POST ${ADMIN}/:beatId/team`]: probe((p) => ({ method: 'POST', url: `${ADMIN}/${p.beatId}/team`, payload: MEMBER })),
  [`PUT ${ADMIN}/:beatId/team/:memberId`]: probe((p) => ({
    method: 'PUT',
    url: `${ADMIN}/${p.beatId}/team/${p.memberId}`,
    payload: MEMBER,
  })),
  [`DELETE ${ADMIN}/:beatId/team/:memberId`]: probe((p) => ({
    method: 'DELETE',
    url: `${ADMIN}/${p.beatId}/team/${p.memberId}`,
  })),
  [`PUT ${ADMIN}/:beatId/team/:memberId/photo`]: probe(async (p) => ({
    method: 'PUT',
    url: `${ADMIN}/${p.beatId}/team/${p.memberId}/photo`,
    payload: { image: await tinyPng() },
  })),
  [`DELETE ${ADMIN}/:beatId/team/:memberId/photo`]: probe((p) => ({
    method: 'DELETE',
    url: `${ADMIN}/${p.beatId}/team/${p.memberId}/photo`,
  })),
  [`POST ${ADMIN}/:beatId/priorities`]: probe((p) => ({
    method: 'POST',
    url: `${ADMIN}/${p.beatId}/priorities`,
    payload: PRIORITY,
  })),
  [`PUT ${ADMIN}/:beatId/priorities/:priorityId`]: probe((p) => ({
    method: 'PUT',
    url: `${ADMIN}/${p.beatId}/priorities/${p.priorityId}`,
    payload: PRIORITY,
  })),
  [`POST ${ADMIN}/:beatId/meetings`]: probe((p) => ({ method: 'POST', url: `${ADMIN}/${p.beatId}/meetings`, payload: MEETING })),
  [`PUT ${ADMIN}/:beatId/meetings/:meetingId`]: probe((p) => ({
    method: 'PUT',
    url: `${ADMIN}/${p.beatId}/meetings/${p.meetingId}`,
    payload: MEETING,
  })),
  [`DELETE ${ADMIN}/:beatId/meetings/:meetingId`]: probe((p) => ({
    method: 'DELETE',
    url: `${ADMIN}/${p.beatId}/meetings/${p.meetingId}`,
  })),
};
