import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstDistrictAndBeat } from '../geo/index.js';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { completeContent, insertReport } from '../../test/chief-report-fixtures.js';

const ALMATY = '750000000';
const ASTANA = '710000000';
const ADMIN = '/api/v1/portal-admin/chief-reports';
const QUESTIONS = '/api/v1/portal-admin/chief-report-questions';

let t: TestApp;
let districtId: string;
let otherDistrictId: string;
let regionHead: TestStaff;
let districtHead: TestStaff;
beforeAll(async () => {
  t = await buildTestApp();
  districtId = (await firstDistrictAndBeat(t.database.db, ALMATY)).districtId;
  const other = await t.database.db
    .selectFrom('districts')
    .select('id')
    .where('region_id', '=', ALMATY)
    .where('id', '!=', districtId)
    .executeTakeFirstOrThrow();
  otherDistrictId = other.id;
  regionHead = await createStaff(t, ['supervisor'], { level: 'region', regionId: ALMATY });
  districtHead = await createStaff(t, ['supervisor'], { level: 'district', regionId: ALMATY, districtId });
});
afterAll(async () => {
  await t.app.close();
});

let ipCounter = 0;
/** Each asker from their own address, so one test's questions never use up another's limit. */
const newIp = () => `10.${process.pid % 250}.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
// Letters only: digits could read as a phone number to the screen.
const unique = () => Array.from(randomBytes(8), (b) => String.fromCharCode(97 + (b % 26))).join('');

const ask = (reportId: string, payload: object, ip = newIp(), lang = 'en') =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/portal/chief-reports/${reportId}/questions?lang=${lang}`,
    payload,
    remoteAddress: ip,
  });
const staffPost = (url: string, cookie: string, payload: object = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers: { cookie } });
const staffGet = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

async function pendingQuestionId(reportId: string, text: string): Promise<string> {
  const list = (await staffGet(`${ADMIN}/${reportId}/questions?state=pending`, regionHead.cookie)).json() as {
    id: string;
    text: string;
  }[];
  return list.find((q) => q.text === text)!.id;
}

async function auditActions(targetId: string): Promise<string[]> {
  const rows = await t.database.db.selectFrom('audit_inbox').select('action').where('target_id', '=', targetId).execute();
  return rows.map((r) => r.action);
}

describe('the public pages', () => {
  it('lists published reports of a region or district, newest first, without drafts or other regions', async () => {
    const regionReport = await insertReport(t, { regionId: ALMATY }, { published: true });
    const districtReport = await insertReport(t, { regionId: ALMATY, districtId }, { published: true });
    const draft = await insertReport(t, { regionId: ALMATY, districtId });
    const astana = await insertReport(t, { regionId: ASTANA }, { published: true });

    const region = (await t.app.inject({ url: `/api/v1/portal/chief-reports?region=${ALMATY}&limit=500&lang=ru` })).json();
    const ids = region.items.map((r: { id: string }) => r.id);
    expect(ids).toEqual(expect.arrayContaining([regionReport, districtReport]));
    expect(ids).not.toContain(draft);
    expect(ids).not.toContain(astana);
    expect(ids.indexOf(districtReport)).toBeLessThan(ids.indexOf(regionReport));
    expect(region.items.find((r: { id: string }) => r.id === regionReport)).toMatchObject({
      title: 'Fixture report (ru)',
      regionName: 'город Алматы',
      districtId: null,
    });

    const district = (await t.app.inject({ url: `/api/v1/portal/chief-reports?district=${districtId}&limit=500` })).json();
    expect(district.items.map((r: { id: string }) => r.id)).toContain(districtReport);
    expect(district.items.map((r: { id: string }) => r.id)).not.toContain(regionReport);
  });

  it('pages the list with a cursor', async () => {
    await insertReport(t, { regionId: ALMATY }, { published: true });
    await insertReport(t, { regionId: ALMATY }, { published: true });
    const first = (await t.app.inject({ url: `/api/v1/portal/chief-reports?region=${ALMATY}&limit=1` })).json();
    expect(first.items).toHaveLength(1);
    const second = (
      await t.app.inject({ url: `/api/v1/portal/chief-reports?region=${ALMATY}&limit=1&cursor=${first.nextCursor}` })
    ).json();
    expect(second.items[0].id).not.toBe(first.items[0].id);
    const broken = await t.app.inject({ url: '/api/v1/portal/chief-reports?cursor=not-a-cursor' });
    expect(broken.statusCode).toBe(400);
  });

  it('answers 404 in the reader’s language for a draft or unknown report', async () => {
    const draft = await insertReport(t, { regionId: ALMATY });
    for (const id of [draft, '00000000-0000-4000-8000-000000000000']) {
      const response = await t.app.inject({ url: `/api/v1/portal/chief-reports/${id}?lang=kk` });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'portal.chief_report_not_found', title: 'Мұндай есеп жоқ' });
    }
    expect((await ask(draft, { text: 'Is this report going to be published?' })).statusCode).toBe(404);
  });
});

describe('asking a question', () => {
  it('holds the question for moderation and gives a tracking code that says so', async () => {
    const reportId = await insertReport(t, { regionId: ALMATY }, { published: true });
    const text = `When will the lights on our street be repaired? ${unique()}`;
    const response = await ask(reportId, { text, displayName: 'Aigul' });
    expect(response.statusCode).toBe(202);
    const receipt = response.json();
    expect(receipt).toMatchObject({ status: 'pending', reportId });
    expect(receipt.trackingCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const status = await t.app.inject({ url: `/api/v1/portal/chief-report-questions/${receipt.trackingCode.toLowerCase()}` });
    expect(status.json()).toMatchObject({ status: 'pending', reportId });
    const report = (await t.app.inject({ url: `/api/v1/portal/chief-reports/${reportId}` })).json();
    expect(report.questions).toEqual([]);
    expect((await t.app.inject({ url: '/api/v1/portal/chief-report-questions/AAAA-BBBB-CCCC' })).statusCode).toBe(404);
  });

  it('refuses a text shorter than 10 characters with a problem in the asker’s language, storing nothing', async () => {
    const reportId = await insertReport(t, { regionId: ALMATY }, { published: true });
    for (const text of ['Too short', '   short    ']) {
      const response = await ask(reportId, { text }, newIp(), 'ru');
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      expect(response.json().title).toBe('Некорректный запрос');
    }
    expect((await ask(reportId, { text: 'x'.repeat(1001) })).statusCode).toBe(400);
    expect((await ask(reportId, { text: 'A perfectly fine question', phone: '+77011234567' })).statusCode).toBe(400);
    const stored = await t.database.db
      .selectFrom('portal_chief_report_questions')
      .select('id')
      .where('report_id', '=', reportId)
      .execute();
    expect(stored).toEqual([]);
  });

  it('never shows a phone number, and refuses an e-mail where no mail server could send the answer', async () => {
    const reportId = await insertReport(t, { regionId: ALMATY }, { published: true });
    const report = (await t.app.inject({ url: `/api/v1/portal/chief-reports/${reportId}` })).json();
    expect(report.answersByEmail).toBe(false);
    const withEmail = await ask(
      reportId,
      { text: `Tell me by e-mail about the park ${unique()}`, email: 'asker@example.kz' },
      newIp(),
      'kk',
    );
    expect(withEmail.statusCode).toBe(422);
    expect(withEmail.json()).toMatchObject({
      code: 'portal.question_email_unavailable',
      title: expect.stringContaining('бақылау коды'),
    });

    const text = `Please call me back on +7 701 123 45 67 about the park ${unique()}`;
    await ask(reportId, { text });
    const rows = await t.database.db
      .selectFrom('portal_chief_report_questions')
      .select(['email_enc', 'flags'])
      .where('report_id', '=', reportId)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.flags).toContain('contact-details');

    const id = await pendingQuestionId(reportId, text);
    const moderated = (await staffPost(`${QUESTIONS}/${id}/approve`, regionHead.cookie)).json();
    expect(moderated).toMatchObject({ hasEmail: false, state: 'approved' });
    const page = (await t.app.inject({ url: `/api/v1/portal/chief-reports/${reportId}` })).body;
    expect(page).not.toContain('123 45 67');
    expect(page).toContain('Please call me back on […] about the park');
  });

  it('sends abuse and spam to the moderator with the reasons instead of dropping it', async () => {
    const reportId = await insertReport(t, { regionId: ALMATY }, { published: true });
    const cases = [
      { text: `Почему начальник такой мудак? ${unique()}`, flags: ['profanity'] },
      { text: `Сен ақымақсың ба, бастық? ${unique()}`, flags: ['profanity'] },
      { text: `Cheap loans at www.example-loans.com ${unique()}`, flags: ['link'] },
      { text: `Heeeeeeelp, nobody answers 102 ${unique()}`, flags: ['repeated-characters'] },
      { text: `WHY ARE THERE NO PATROLS ON OUR STREET ${unique().toUpperCase()}`, flags: ['all-caps'] },
      { text: `Когда починят освещение во дворе? ${unique()}`, flags: [] },
    ];
    for (const c of cases) expect((await ask(reportId, { text: c.text })).statusCode).toBe(202);
    const again = cases[5]!.text.toUpperCase().replace('?', '!!');
    expect((await ask(reportId, { text: again })).statusCode).toBe(202);

    const pending = (await staffGet(`${ADMIN}/${reportId}/questions?state=pending`, regionHead.cookie)).json() as {
      text: string;
      flags: string[];
    }[];
    expect(pending).toHaveLength(cases.length + 1);
    for (const c of cases) expect(pending.find((q) => q.text === c.text)?.flags).toEqual(c.flags);
    expect(pending.find((q) => q.text === again)?.flags).toContain('duplicate');
    expect(await auditActions(reportId)).toContain('portal.chief_report.questions.read');
  });

  it('allows three questions an hour from one address, then answers 429 in kk, ru and en', async () => {
    const reportId = await insertReport(t, { regionId: ALMATY }, { published: true });
    const ip = newIp();
    for (let i = 0; i < 3; i++) {
      expect((await ask(reportId, { text: `Question number ${i} ${unique()}` }, ip)).statusCode).toBe(202);
    }
    const titles: Record<string, string> = {
      kk: 'Бір сағатта тым көп сұрақ жіберілді. Кейінірек қайталаңыз',
      ru: 'Слишком много вопросов за час. Попробуйте позже',
      en: 'Too many questions in an hour. Please try again later',
    };
    for (const [lang, title] of Object.entries(titles)) {
      const refused = await ask(reportId, { text: `One question too many ${unique()}` }, ip, lang);
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toMatchObject({ code: 'portal.question_rate_limited', title });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3000);
    }
    expect((await ask(reportId, { text: `Someone else asks ${unique()}` }, newIp())).statusCode).toBe(202);
  });
});

describe('writing a report', () => {
  const draft = (regionId: string, district: string | null, content: object = completeContent('Quarter')) => ({
    regionId,
    districtId: district,
    periodStart: '2026-07-01',
    periodEnd: '2026-09-30',
    content,
  });

  it('lets a district head write and publish for their district only, audited', async () => {
    const created = await staffPost(ADMIN, districtHead.cookie, draft(ALMATY, districtId));
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({ state: 'draft', districtId, pendingQuestions: 0 });

    for (const elsewhere of [draft(ALMATY, null), draft(ALMATY, otherDistrictId)]) {
      const refused = await staffPost(ADMIN, districtHead.cookie, elsewhere);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('jurisdiction.outside');
    }
    const published = await staffPost(`${ADMIN}/${id}/publish`, districtHead.cookie);
    expect(published.json()).toMatchObject({ state: 'published' });
    expect((await t.app.inject({ url: `/api/v1/portal/chief-reports/${id}?lang=kk` })).json().title).toBe('Quarter (kk)');
    expect(await auditActions(id)).toEqual(expect.arrayContaining(['portal.chief_report.create', 'portal.chief_report.publish']));
  });

  it('publishes only with all three languages, and never changes a published report', async () => {
    const partial = { ru: { title: 'Отчёт', body: 'Текст' } };
    const id = (await staffPost(ADMIN, regionHead.cookie, draft(ALMATY, null, partial))).json().id as string;
    const refused = await staffPost(`${ADMIN}/${id}/publish?lang=en`, regionHead.cookie);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('portal.chief_report_incomplete');
    expect((await t.app.inject({ url: `/api/v1/portal/chief-reports/${id}` })).statusCode).toBe(404);

    const edit = (cookie: string) =>
      t.app.inject({
        method: 'PUT',
        url: `${ADMIN}/${id}`,
        headers: { cookie },
        payload: { periodStart: '2026-07-01', periodEnd: '2026-09-30', content: completeContent('Full') },
      });
    expect((await edit(regionHead.cookie)).statusCode).toBe(200);
    expect((await staffPost(`${ADMIN}/${id}/publish`, regionHead.cookie)).statusCode).toBe(200);
    expect((await edit(regionHead.cookie)).statusCode).toBe(409);
    expect((await staffPost(`${ADMIN}/${id}/publish`, regionHead.cookie)).statusCode).toBe(409);
  });

  it('refuses a period that ends before it starts and an area that does not exist', async () => {
    const backwards = await staffPost(ADMIN, regionHead.cookie, { ...draft(ALMATY, null), periodStart: '2026-10-01' });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().code).toBe('portal.chief_report_invalid_period');
    const astanaDistrict = await t.database.db
      .selectFrom('districts')
      .select('id')
      .where('region_id', '=', ASTANA)
      .executeTakeFirstOrThrow();
    const mismatched = await staffPost(ADMIN, regionHead.cookie, draft(ALMATY, astanaDistrict.id));
    expect(mismatched.statusCode).toBe(422);
    expect(mismatched.json().code).toBe('portal.chief_report_unknown_area');
  });

  it('refuses callers without a session (401), without the role (403), and hides another area’s reports (404)', async () => {
    const id = await insertReport(t, { regionId: ALMATY, districtId });
    expect((await t.app.inject({ url: `${ADMIN}/${id}` })).statusCode).toBe(401);
    const officer = await createStaff(t, ['officer'], { level: 'region', regionId: ALMATY });
    expect((await staffGet(`${ADMIN}/${id}`, officer.cookie)).statusCode).toBe(403);
    const astanaHead = await createStaff(t, ['supervisor'], { level: 'region', regionId: ASTANA });
    const neighbour = await createStaff(t, ['supervisor'], { level: 'district', regionId: ALMATY, districtId: otherDistrictId });
    for (const outsider of [astanaHead, neighbour]) {
      expect((await staffGet(`${ADMIN}/${id}`, outsider.cookie)).statusCode).toBe(404);
      expect((await staffPost(`${ADMIN}/${id}/publish`, outsider.cookie)).statusCode).toBe(404);
      const list = (await staffGet(`${ADMIN}?limit=500`, outsider.cookie)).json();
      expect(list.items.map((r: { id: string }) => r.id)).not.toContain(id);
    }
    expect((await staffGet(`${ADMIN}/${id}`, regionHead.cookie)).statusCode).toBe(200);
  });
});

describe('moderating questions', () => {
  it('publishes an approved question, then its answer, which the asker follows by code', async () => {
    const reportId = await insertReport(t, { regionId: ALMATY, districtId }, { published: true });
    const text = `Will there be a meeting with residents this month? ${unique()}`;
    const code = (await ask(reportId, { text, displayName: 'Serik' })).json().trackingCode as string;
    const id = await pendingQuestionId(reportId, text);

    expect((await staffPost(`${QUESTIONS}/${id}/approve`, districtHead.cookie)).json().state).toBe('approved');
    expect((await t.app.inject({ url: `/api/v1/portal/chief-report-questions/${code}` })).json().status).toBe('published');
    let report = (await t.app.inject({ url: `/api/v1/portal/chief-reports/${reportId}` })).json();
    expect(report.questions).toEqual([expect.objectContaining({ id, text, displayName: 'Serik', answer: null })]);

    const answered = await staffPost(`${QUESTIONS}/${id}/answer`, districtHead.cookie, {
      answer: 'Yes, on the 20th at the akimat.',
    });
    expect(answered.statusCode).toBe(200);
    report = (await t.app.inject({ url: `/api/v1/portal/chief-reports/${reportId}` })).json();
    expect(report.questions[0]).toMatchObject({ answer: 'Yes, on the 20th at the akimat.' });
    expect((await t.app.inject({ url: `/api/v1/portal/chief-report-questions/${code}` })).json().status).toBe('answered');
    const list = (await t.app.inject({ url: `/api/v1/portal/chief-reports?district=${districtId}&limit=500` })).json();
    expect(list.items.find((r: { id: string }) => r.id === reportId).answeredQuestions).toBe(1);
    expect(await auditActions(id)).toEqual(
      expect.arrayContaining(['portal.chief_report.question.approve', 'portal.chief_report.question.answer']),
    );
  });

  it('keeps a rejected question off the page and tells the asker it was not published', async () => {
    const reportId = await insertReport(t, { regionId: ALMATY }, { published: true });
    const text = `Buy followers cheap at my channel ${unique()}`;
    const code = (await ask(reportId, { text })).json().trackingCode as string;
    const id = await pendingQuestionId(reportId, text);
    const rejected = await staffPost(`${QUESTIONS}/${id}/reject`, regionHead.cookie, { reason: 'advertising' });
    expect(rejected.json()).toMatchObject({ state: 'rejected', rejectReason: 'advertising' });
    expect((await t.app.inject({ url: `/api/v1/portal/chief-reports/${reportId}` })).json().questions).toEqual([]);
    expect((await t.app.inject({ url: `/api/v1/portal/chief-report-questions/${code}` })).json().status).toBe('not-published');
    expect((await staffPost(`${QUESTIONS}/${id}/approve`, regionHead.cookie)).statusCode).toBe(409);
    expect((await staffPost(`${QUESTIONS}/${id}/answer`, regionHead.cookie, { answer: '   ' })).statusCode).toBe(409);
    expect(await auditActions(id)).toContain('portal.chief_report.question.reject');
  });

  it('refuses moderation from outside the report’s area: 401, 403 and 404', async () => {
    const reportId = await insertReport(t, { regionId: ALMATY }, { published: true });
    const text = `Who is our district inspector now? ${unique()}`;
    await ask(reportId, { text });
    const id = await pendingQuestionId(reportId, text);
    expect((await t.app.inject({ method: 'POST', url: `${QUESTIONS}/${id}/approve` })).statusCode).toBe(401);
    const officer = await createStaff(t, ['officer'], { level: 'region', regionId: ALMATY });
    expect((await staffPost(`${QUESTIONS}/${id}/approve`, officer.cookie)).statusCode).toBe(403);
    const astanaHead = await createStaff(t, ['supervisor'], { level: 'region', regionId: ASTANA });
    // A district head is not the moderator of the region head's report.
    for (const outsider of [astanaHead, districtHead]) {
      expect((await staffPost(`${QUESTIONS}/${id}/approve`, outsider.cookie)).statusCode).toBe(404);
      expect((await staffGet(`${ADMIN}/${reportId}/questions`, outsider.cookie)).statusCode).toBe(404);
    }
    expect((await staffPost(`${QUESTIONS}/${id}/answer`, regionHead.cookie, { answer: '' })).statusCode).toBe(400);
    const row = await t.database.db
      .selectFrom('portal_chief_report_questions')
      .select('state')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('pending');
  });
});
