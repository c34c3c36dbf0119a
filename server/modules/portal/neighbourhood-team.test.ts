import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBeats, listDistricts } from '../geo/index.js';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { freshTestDatabase } from '../../test/database.js';
import { MEETING, MEMBER, PRIORITY, tinyPng } from '../../test/neighbourhood-team-fixtures.js';
import { cluster, recordCrimes } from './portal-fixtures.js';
import { seedDemoNeighbourhoodTeams } from './neighbourhood-team-seeds.js';
import { publishMonth } from './publish.js';

const ALMATY = '750000000';
const ADMIN = '/api/v1/portal-admin/neighbourhoods';
const NOW = new Date('2026-03-15T09:00:00Z');

let t: TestApp;
let chief: TestStaff;
let home: { districtId: string; beatId: string; otherBeatId: string };
let elsewhere: { districtId: string; beatId: string };

beforeAll(async () => {
  // Its own database: the page needs a published month, and a month published here must not become other suites' latest.
  t = await buildTestApp({ database: await freshTestDatabase(), clock: () => NOW });
  const db = t.database.db;
  const [first, second] = await listDistricts(db, ALMATY);
  const firstBeats = (await listBeats(db, first!.id, 'en'))!;
  const secondBeats = (await listBeats(db, second!.id, 'en'))!;
  home = { districtId: first!.id, beatId: firstBeats[0]!.id, otherBeatId: firstBeats[1]!.id };
  elsewhere = { districtId: second!.id, beatId: secondBeats[0]!.id };
  chief = await createStaff(t, ['supervisor'], { level: 'district', regionId: ALMATY, districtId: home.districtId });
  await recordCrimes(
    t,
    cluster(43.25, 76.92, 6).map((p) => ({ ...p, regionId: ALMATY, ...home, month: '2026-02', category: 'robbery' })),
  );
  await publishMonth({ db, secretKey: t.keys.secretKey, clock: () => NOW }, '2026-02');
});
afterAll(async () => {
  await t.app.close();
  await t.database.close();
});

const send = (method: 'POST' | 'PUT' | 'DELETE' | 'GET', url: string, payload?: object, cookie = chief.cookie) =>
  t.app.inject({ method, url, payload, headers: { cookie } });
const page = async (beatId: string, lang = 'en') =>
  (await t.app.inject({ method: 'GET', url: `/api/v1/portal/neighbourhoods/${beatId}?lang=${lang}` })).json();

async function auditOf(targetId: string): Promise<string[]> {
  const rows = await sql<{ action: string }>`
    select action, id::text as n from audit_inbox where target_id = ${targetId}
    union all select action, seq::text from audit_log where target_id = ${targetId}`.execute(t.database.db);
  return rows.rows.map((r) => r.action).sort();
}

async function count(table: 'portal_team_members' | 'portal_priorities' | 'portal_meetings', beatId: string) {
  const row = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('beat_id', '=', beatId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('a district police chief keeps the neighbourhood team', () => {
  it('adds the inspector, a priority with its action and a meeting, and the neighbourhood page shows them in the reader’s language', async () => {
    const member = await send('POST', `${ADMIN}/${home.beatId}/team`, {
      ...MEMBER,
      bio: { kk: 'Қазақша өмірбаян', ru: 'Биография по-русски' },
    });
    expect(member.statusCode, member.body).toBe(201);
    const priority = await send('POST', `${ADMIN}/${home.beatId}/priorities`, {
      issue: { kk: 'Жылдамдық', ru: 'Скорость', en: 'Speeding by the school' },
      issueDate: '2026-02-01',
      action: { kk: 'Рейдтер', ru: 'Рейды', en: 'Speed checks twice a week' },
      actionDate: '2026-02-20',
    });
    expect(priority.statusCode, priority.body).toBe(201);
    const meeting = await send('POST', `${ADMIN}/${home.beatId}/meetings`, {
      ...MEETING,
      startsAt: '2026-03-20T13:30:00Z',
      endsAt: '2026-03-20T15:00:00Z',
    });
    expect(meeting.statusCode, meeting.body).toBe(201);

    const english = (await page(home.beatId)).team;
    expect(english.timeZone).toBe('Asia/Almaty');
    expect(english.members).toEqual([
      expect.objectContaining({
        name: 'Test Inspector',
        position: 'district-inspector',
        rank: 'captain',
        phone: MEMBER.phone,
        receptionHours: MEMBER.receptionHours,
        // No English biography was written: the Russian one stands in.
        bio: 'Биография по-русски',
        photoUrl: null,
      }),
    ]);
    expect(english.priorities).toEqual([
      {
        id: priority.json().id,
        issue: 'Speeding by the school',
        issueDate: '2026-02-01',
        action: 'Speed checks twice a week',
        actionDate: '2026-02-20',
      },
    ]);
    expect(english.meetings).toEqual([expect.objectContaining({ id: meeting.json().id, startsAt: '2026-03-20T13:30:00.000Z' })]);
    expect((await page(home.beatId, 'kk')).team.members[0].bio).toBe('Қазақша өмірбаян');
    expect(await auditOf(member.json().id)).toEqual(['portal.team.member.create']);
    expect(await auditOf(priority.json().id)).toEqual(['portal.team.priority.create']);
  });

  it('takes closed priorities and meetings that are over off the public page, and keeps them for the editor', async () => {
    const closed = await send('POST', `${ADMIN}/${home.beatId}/priorities`, { ...PRIORITY, issue: { kk: 'Ескі', ru: 'Старое' } });
    const past = await send('POST', `${ADMIN}/${home.beatId}/meetings`, {
      ...MEETING,
      startsAt: '2026-03-01T13:00:00Z',
      endsAt: '2026-03-01T14:00:00Z',
    });
    expect((await page(home.beatId)).team.priorities.map((p: { id: string }) => p.id)).toContain(closed.json().id);
    const close = await send('PUT', `${ADMIN}/${home.beatId}/priorities/${closed.json().id}`, { ...PRIORITY, closed: true });
    expect(close.statusCode, close.body).toBe(200);

    const team = (await page(home.beatId)).team;
    expect(team.priorities.map((p: { id: string }) => p.id)).not.toContain(closed.json().id);
    expect(team.meetings.map((m: { id: string }) => m.id)).not.toContain(past.json().id);
    const staff = (await send('GET', `${ADMIN}/${home.beatId}`)).json();
    expect(staff.priorities.find((p: { id: string }) => p.id === closed.json().id)).toMatchObject({ closed: true });
    expect(staff.meetings.map((m: { id: string }) => m.id)).toContain(past.json().id);
    expect(await auditOf(closed.json().id)).toEqual(['portal.team.priority.create', 'portal.team.priority.edit']);
  });

  it('edits and removes an officer and cancels a meeting, each change audited', async () => {
    const id = (await send('POST', `${ADMIN}/${home.beatId}/team`, MEMBER)).json().id;
    const edited = await send('PUT', `${ADMIN}/${home.beatId}/team/${id}`, { ...MEMBER, rank: 'major', phone: null });
    expect(edited.statusCode, edited.body).toBe(200);
    const staff = (await send('GET', `${ADMIN}/${home.beatId}`)).json();
    expect(staff.members.find((m: { id: string }) => m.id === id)).toMatchObject({ rank: 'major', phone: null });
    expect((await send('DELETE', `${ADMIN}/${home.beatId}/team/${id}`)).statusCode).toBe(204);
    expect((await send('DELETE', `${ADMIN}/${home.beatId}/team/${id}`)).json().code).toBe('portal.team_member_not_found');

    const meeting = (await send('POST', `${ADMIN}/${home.beatId}/meetings`, MEETING)).json().id;
    expect((await send('DELETE', `${ADMIN}/${home.beatId}/meetings/${meeting}`)).statusCode).toBe(204);
    expect(await auditOf(id)).toEqual(['portal.team.member.create', 'portal.team.member.delete', 'portal.team.member.edit']);
    expect(await auditOf(meeting)).toEqual(['portal.team.meeting.create', 'portal.team.meeting.delete']);
  });
});

describe('who may edit', () => {
  it('answers 404 for a beat outside the chief’s district, as for one that does not exist, and writes nothing', async () => {
    const before = await count('portal_team_members', elsewhere.beatId);
    for (const beatId of [elsewhere.beatId, '750000000-9999']) {
      const response = await send('POST', `${ADMIN}/${beatId}/team?lang=ru`, MEMBER);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'portal.neighbourhood_not_found', title: 'Такого участка нет' });
    }
    expect((await send('GET', `${ADMIN}/${elsewhere.beatId}`)).statusCode).toBe(404);
    expect(await count('portal_team_members', elsewhere.beatId)).toBe(before);
  });

  it('answers 404 for a record of another beat reached through a beat the chief may edit', async () => {
    const other = (await send('POST', `${ADMIN}/${home.otherBeatId}/team`, MEMBER)).json().id;
    const response = await send('PUT', `${ADMIN}/${home.beatId}/team/${other}`, { ...MEMBER, name: 'Moved' });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('portal.team_member_not_found');
    const staff = (await send('GET', `${ADMIN}/${home.otherBeatId}`)).json();
    expect(staff.members.find((m: { id: string }) => m.id === other).name).toBe('Test Inspector');
  });

  it("lets a beat's inspector keep their own beat's page, and no other", async () => {
    const inspector = await createStaff(t, ['officer'], {
      level: 'beat',
      regionId: ALMATY,
      districtId: home.districtId,
      beatId: home.beatId,
    });
    const own = await send('POST', `${ADMIN}/${home.beatId}/priorities`, PRIORITY, inspector.cookie);
    expect(own.statusCode).toBe(201);
    expect(await auditOf(own.json().id)).toEqual(['portal.team.priority.create']);
    const other = await send('POST', `${ADMIN}/${home.otherBeatId}/priorities`, PRIORITY, inspector.cookie);
    expect(other.statusCode).toBe(404);
    expect((await send('GET', `${ADMIN}/${home.otherBeatId}`, undefined, inspector.cookie)).statusCode).toBe(404);
  });

  it('refuses an officer posted to a whole district (403)', async () => {
    const officer = await createStaff(t, ['officer'], { level: 'district', regionId: ALMATY, districtId: home.districtId });
    const refused = await send('POST', `${ADMIN}/${home.beatId}/priorities`, PRIORITY, officer.cookie);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('auth.forbidden');
    expect((await t.app.inject({ method: 'GET', url: `${ADMIN}/${home.beatId}` })).statusCode).toBe(401);
  });
});

describe('bad input', () => {
  it('refuses an action without its date, or dated before the priority, and writes nothing', async () => {
    const before = await count('portal_priorities', home.beatId);
    const action = { kk: 'Рейд', ru: 'Рейд' };
    for (const body of [
      { ...PRIORITY, action },
      { ...PRIORITY, actionDate: '2026-02-01' },
      { ...PRIORITY, action, actionDate: '2025-12-31' },
    ]) {
      const response = await send('POST', `${ADMIN}/${home.beatId}/priorities?lang=en`, body);
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ code: 'portal.priority_action_invalid' });
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    }
    expect(await count('portal_priorities', home.beatId)).toBe(before);
  });

  it('refuses a meeting that ends before it starts or lasts over a day', async () => {
    for (const endsAt of ['2099-01-10T12:00:00Z', '2099-01-11T14:00:00Z']) {
      const response = await send('POST', `${ADMIN}/${home.beatId}/meetings?lang=kk`, { ...MEETING, endsAt });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ code: 'portal.meeting_times_invalid' });
      expect(response.json().title).toMatch(/Кездесу/);
    }
  });

  it('refuses a Kazakh text left blank, a private field it does not know, and a malformed phone', async () => {
    for (const body of [
      { ...MEMBER, receptionPoint: { kk: '  ', ru: 'Пункт' } },
      { ...MEMBER, homeAddress: 'Abay 1' },
      { ...MEMBER, phone: 'call me' },
      { ...MEMBER, rank: 'general' },
    ]) {
      const response = await send('POST', `${ADMIN}/${home.beatId}/team`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('the inspector’s photo', () => {
  it('is published as a JPEG of at most 480 px with no metadata, whatever the upload carried', async () => {
    const id = (await send('POST', `${ADMIN}/${home.beatId}/team`, MEMBER)).json().id;
    const upload = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#336699' } })
      .withExif({ IFD0: { Copyright: 'taken-at-home-43.2,76.9' } })
      .jpeg()
      .toBuffer();
    expect(upload.includes('taken-at-home')).toBe(true);
    const put = await send('PUT', `${ADMIN}/${home.beatId}/team/${id}/photo`, { image: upload.toString('base64') });
    expect(put.statusCode, put.body).toBe(200);

    const url = (await page(home.beatId)).team.members.find((m: { id: string }) => m.id === id).photoUrl as string;
    expect(url).toMatch(new RegExp(`^/api/v1/portal/neighbourhoods/${home.beatId}/team/${id}/photo\\?v=`));
    const photo = await t.app.inject({ method: 'GET', url });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    const served = photo.rawPayload;
    expect(served.includes('taken-at-home')).toBe(false);
    const meta = await sharp(served).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 480, height: 360 });
    expect(meta.exif).toBeUndefined();
    expect(await auditOf(id)).toContain('portal.team.photo.replace');

    expect((await send('DELETE', `${ADMIN}/${home.beatId}/team/${id}/photo`)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
  });

  it('refuses what is not an image (415) and an image over 2 MB (413), keeping the photo it had', async () => {
    const id = (await send('POST', `${ADMIN}/${home.beatId}/team`, MEMBER)).json().id;
    expect((await send('PUT', `${ADMIN}/${home.beatId}/team/${id}/photo`, { image: await tinyPng() })).statusCode).toBe(200);
    const notImage = await send('PUT', `${ADMIN}/${home.beatId}/team/${id}/photo`, {
      image: Buffer.from('%PDF-1.7 not a photo at all').toString('base64'),
    });
    expect(notImage.statusCode).toBe(415);
    expect(notImage.json().code).toBe('portal.photo_invalid');
    const huge = await send('PUT', `${ADMIN}/${home.beatId}/team/${id}/photo`, {
      image: Buffer.alloc(2_100_000, 7).toString('base64'),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('portal.photo_too_large');
    const url = (await send('GET', `${ADMIN}/${home.beatId}`)).json().members.find((m: { id: string }) => m.id === id).photoUrl;
    const kept = await t.app.inject({ method: 'GET', url });
    expect((await sharp(kept.rawPayload).metadata()).width).toBe(8);
  });
});

describe('open data in data.police.uk’s shapes', () => {
  const open = (path: string) => t.app.inject({ method: 'GET', url: `/api/v1/open/${ALMATY}/${path}` });

  it('gives the team as people with name, rank, bio and work contacts only', async () => {
    const people = (await open(`${home.beatId}/people?lang=en`)).json() as Record<string, unknown>[];
    expect(people.length).toBeGreaterThan(0);
    for (const person of people) expect(Object.keys(person).sort()).toEqual(['bio', 'contact_details', 'name', 'rank']);
    expect(people[0]).toEqual({
      name: 'Test Inspector',
      rank: 'District police inspector, police captain',
      bio: 'Биография по-русски',
      contact_details: { telephone: MEMBER.phone, email: MEMBER.email },
    });
  });

  it('gives open priorities with issue-date and action-date as data.police.uk writes them', async () => {
    const priorities = (await open(`${home.beatId}/priorities?lang=en`)).json() as Record<string, unknown>[];
    for (const p of priorities) expect(Object.keys(p).sort()).toEqual(['action', 'action-date', 'issue', 'issue-date']);
    expect(priorities).toContainEqual({
      issue: 'Speeding by the school',
      'issue-date': '2026-02-01T00:00:00',
      action: 'Speed checks twice a week',
      'action-date': '2026-02-20T00:00:00',
    });
    expect(priorities.map((p) => p.issue)).not.toContain('Старое');
  });

  it('gives meetings still to come with local start and end times', async () => {
    const events = (await open(`${home.beatId}/events?lang=en`)).json() as Record<string, unknown>[];
    for (const e of events) {
      expect(Object.keys(e).sort()).toEqual([
        'address',
        'contact_details',
        'description',
        'end_date',
        'start_date',
        'title',
        'type',
      ]);
    }
    // 13:30 UTC is 18:30 in Almaty (UTC+5 since March 2024).
    expect(events).toContainEqual(
      expect.objectContaining({
        title: 'Meeting with residents',
        type: 'meeting',
        start_date: '2026-03-20T18:30:00',
        end_date: '2026-03-20T20:00:00',
      }),
    );
    expect(events.map((e) => e.start_date)).not.toContain('2026-03-01T18:00:00');
  });

  it('answers 404 for a neighbourhood the force does not have, and [] for a beat with no team', async () => {
    expect((await open('750000000-9999/people')).statusCode).toBe(404);
    expect((await open(`${elsewhere.beatId}/events`)).json()).toEqual([]);
  });
});

describe('the demo', () => {
  it('gives each beat of the demo cities an invented inspector with a photo, priorities and coming meetings, once', async () => {
    await seedDemoNeighbourhoodTeams(t.database.db, NOW);
    const team = (await page(elsewhere.beatId, 'ru')).team;
    expect(team.members).toHaveLength(1);
    expect(team.members[0].name).toMatch(/\(демо\)$/);
    expect(team.members[0].photoUrl).not.toBeNull();
    expect(team.priorities.length).toBeGreaterThanOrEqual(2);
    expect(team.meetings.length).toBeGreaterThanOrEqual(1);
    expect(team.meetings.every((m: { startsAt: string }) => m.startsAt > NOW.toISOString())).toBe(true);
    // The beat already kept by hand is left as it was.
    expect((await page(home.beatId)).team.members.every((m: { name: string }) => !m.name.endsWith('(демо)'))).toBe(true);

    const before = await count('portal_priorities', elsewhere.beatId);
    await seedDemoNeighbourhoodTeams(t.database.db, NOW);
    expect(await count('portal_priorities', elsewhere.beatId)).toBe(before);
  });
});
