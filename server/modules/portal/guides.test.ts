import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';

let t: TestApp;
let editor: TestStaff;
let reviewer: TestStaff;
beforeAll(async () => {
  t = await buildTestApp();
  editor = await createStaff(t, ['supervisor'], { level: 'country' });
  reviewer = await createStaff(t, ['admin'], { level: 'country' });
});
afterAll(async () => {
  await t.app.close();
});

const get = (url: string) => t.app.inject({ method: 'GET', url });
const post = (url: string, payload?: object, cookie = editor.cookie) =>
  t.app.inject({ method: 'POST', url, payload, headers: { cookie } });

const text = (title: string) => ({
  title,
  summary: `${title}: what to do`,
  steps: ['Call 102.'],
  contacts: [{ name: 'Police', phone: '102' }],
});
let slugCounter = 0;
const newSlug = () => `test-guide-${process.pid}-${++slugCounter}`;

describe('the public library', () => {
  it('lists the six seeded guides in the reader’s language and finds them by words', async () => {
    const all = (await get('/api/v1/portal/guides?lang=en')).json() as { slug: string; title: string }[];
    expect(all.map((g) => g.slug)).toEqual(
      expect.arrayContaining([
        'phone-stolen',
        'online-fraud',
        'domestic-violence',
        'road-accident',
        'child-missing',
        'lost-documents',
      ]),
    );
    const found = (await get('/api/v1/portal/guides?lang=en&q=phone')).json() as { slug: string }[];
    expect(found.map((g) => g.slug)).toContain('phone-stolen');
    expect(found.map((g) => g.slug)).not.toContain('road-accident');
    const kazakh = (await get(`/api/v1/portal/guides?lang=kk&q=${encodeURIComponent('құжат')}`)).json() as {
      slug: string;
      title: string;
    }[];
    expect(kazakh.map((g) => g.slug)).toContain('lost-documents');
    expect(kazakh.find((g) => g.slug === 'lost-documents')?.title).toBe('Құжаттарымды жоғалттым');
  });

  it('treats % and _ in a search as letters', async () => {
    expect((await get('/api/v1/portal/guides?q=%25')).json()).toEqual([]);
  });

  it('marks the domestic-violence guide for a quick exit and gives its contacts', async () => {
    const guide = (await get('/api/v1/portal/guides/domestic-violence?lang=ru')).json();
    expect(guide).toMatchObject({ slug: 'domestic-violence', quickExit: true, title: 'Домашнее насилие', version: 1 });
    expect(guide.contacts.map((c: { phone: string }) => c.phone)).toEqual(['102', '111', '112']);
    expect((await get('/api/v1/portal/guides/phone-stolen')).json().quickExit).toBe(false);
  });

  it('answers 404 in the reader’s language for a guide that does not exist', async () => {
    const response = await get('/api/v1/portal/guides/no-such-guide?lang=kk');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'portal.guide_not_found', title: 'Мұндай нұсқаулық жоқ' });
  });
});

describe('editing a guide', () => {
  it('refuses anyone but a country-wide supervisor or administrator', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/portal-admin/guides' })).statusCode).toBe(401);
    const officer = await createStaff(t, ['officer'], { level: 'country' });
    expect((await post('/api/v1/portal-admin/guides', {}, officer.cookie)).statusCode).toBe(403);
    const regional = await createStaff(t, ['supervisor'], { level: 'region', regionId: '750000000' });
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/v1/portal-admin/guides',
      headers: { cookie: regional.cookie },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('refuses a malformed guide with a problem in the caller’s language, and creates nothing', async () => {
    const slug = 'Bad Slug!';
    const response = await post('/api/v1/portal-admin/guides?lang=ru', { slug, kind: 'advice', quickExit: false, content: {} });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'request.invalid' });
    expect(response.json().title).toMatch(/[а-я]/);
    const rows = await sql`select 1 from portal_guides where slug = ${slug}`.execute(t.database.db);
    expect(rows.rows).toHaveLength(0);
  });

  it('publishes only a version complete in three languages that a second editor approved, and the public sees only the newest published one', async () => {
    const slug = newSlug();
    const created = await post('/api/v1/portal-admin/guides', {
      slug,
      kind: 'advice',
      quickExit: false,
      content: { en: text('Draft') },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect((await get(`/api/v1/portal/guides/${slug}`)).statusCode).toBe(404);

    const incomplete = await post(`/api/v1/portal-admin/guides/${id}/versions/1/submit?lang=en`);
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().code).toBe('portal.guide_incomplete');

    const full = { kk: text('Бірінші'), ru: text('Первая'), en: text('First') };
    const edited = await post(`/api/v1/portal-admin/guides/${id}/versions`, { basedOn: 1, content: full });
    expect(edited.json().latest).toMatchObject({ version: 2, state: 'draft' });
    const stale = await post(`/api/v1/portal-admin/guides/${id}/versions`, { basedOn: 1, content: full });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('portal.guide_version_conflict');

    const early = await post(`/api/v1/portal-admin/guides/${id}/versions/2/publish`);
    expect(early.json().code).toBe('portal.guide_wrong_state');
    expect((await post(`/api/v1/portal-admin/guides/${id}/versions/2/submit`)).json().latest.state).toBe('in_review');
    expect((await get(`/api/v1/portal/guides/${slug}`)).statusCode).toBe(404);
    const unapproved = await post(`/api/v1/portal-admin/guides/${id}/versions/2/publish`);
    expect(unapproved.json().code).toBe('portal.guide_wrong_state');
    const approved = await post(`/api/v1/portal-admin/guides/${id}/versions/2/approve`, undefined, reviewer.cookie);
    expect(approved.statusCode).toBe(200);
    expect(approved.json().latest).toMatchObject({ state: 'approved', author: editor.username, writtenByViewer: false });
    expect(approved.json().versions[0]).toMatchObject({ approver: reviewer.username });
    expect((await get(`/api/v1/portal/guides/${slug}`)).statusCode).toBe(404);
    // Once a second editor approved it, the author may put it online.
    const published = await post(`/api/v1/portal-admin/guides/${id}/versions/2/publish`);
    expect(published.json()).toMatchObject({ publishedVersion: 2 });
    expect((await get(`/api/v1/portal/guides/${slug}?lang=ru`)).json()).toMatchObject({ title: 'Первая', version: 2 });

    await post(`/api/v1/portal-admin/guides/${id}/versions`, { basedOn: 2, content: { ...full, en: text('Second') } });
    expect((await get(`/api/v1/portal/guides/${slug}?lang=en`)).json()).toMatchObject({ title: 'First', version: 2 });

    const audit = await sql<{ action: string }>`
      select action from audit_inbox where target_type = 'portal_guide' and target_id = ${id} order by id`.execute(t.database.db);
    expect(audit.rows.map((a) => a.action)).toEqual([
      'portal.guide.create',
      'portal.guide.edit',
      'portal.guide.submit',
      'portal.guide.approve',
      'portal.guide.publish',
      'portal.guide.edit',
    ]);
  });

  it('refuses a second guide at the same address', async () => {
    const slug = newSlug();
    const body = { slug, kind: 'advice', quickExit: false, content: {} };
    expect((await post('/api/v1/portal-admin/guides', body)).statusCode).toBe(201);
    const again = await post('/api/v1/portal-admin/guides?lang=en', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('portal.guide_slug_taken');
  });

  it('answers 404 for a guide id that does not exist', async () => {
    const response = await get('/api/v1/portal-admin/guides/00000000-0000-4000-8000-000000000000');
    expect(response.statusCode).toBe(401); // anonymous first
    const signed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/portal-admin/guides/00000000-0000-4000-8000-000000000000',
      headers: { cookie: editor.cookie },
    });
    expect(signed.statusCode).toBe(404);
  });
});

describe('four-eyes publishing', () => {
  const full = { kk: text('Заң кеңесі'), ru: text('Юридический совет'), en: text('Legal advice') };

  /** A guide whose version 1, written by `editor`, waits for review. */
  async function inReview(): Promise<{ id: string; slug: string }> {
    const slug = newSlug();
    const created = await post('/api/v1/portal-admin/guides', { slug, kind: 'advice', quickExit: false, content: full });
    const id = created.json().id as string;
    expect((await post(`/api/v1/portal-admin/guides/${id}/versions/1/submit`)).statusCode).toBe(200);
    return { id, slug };
  }

  it('refuses the author approving their own version, in the caller’s language, audits it and changes nothing', async () => {
    const { id, slug } = await inReview();
    for (const [lang, title] of [
      ['kk', 'Өзіңіз жазған нұсқаны өзіңіз мақұлдай алмайсыз: оны басқа редактор мақұлдауы керек'],
      ['ru', 'Нельзя одобрить версию, которую вы написали сами: её должен одобрить другой редактор'],
      ['en', 'You cannot approve a version you wrote yourself: another editor must approve it'],
    ] as const) {
      const refused = await post(`/api/v1/portal-admin/guides/${id}/versions/1/approve?lang=${lang}`);
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json()).toMatchObject({ code: 'portal.guide_own_version', title });
    }

    const staff = await t.app.inject({
      method: 'GET',
      url: `/api/v1/portal-admin/guides/${id}`,
      headers: { cookie: editor.cookie },
    });
    expect(staff.json().latest).toMatchObject({ state: 'in_review', author: editor.username, writtenByViewer: true });
    expect((await post(`/api/v1/portal-admin/guides/${id}/versions/1/publish`)).json().code).toBe('portal.guide_wrong_state');
    expect((await get(`/api/v1/portal/guides/${slug}`)).statusCode).toBe(404);

    const audit = await sql<{ action: string; outcome: string; actor_id: string }>`
      select action, outcome, actor_id from audit_inbox
      where target_type = 'portal_guide' and target_id = ${id} and action = 'portal.guide.approve'`.execute(t.database.db);
    expect(audit.rows).toEqual(Array(3).fill({ action: 'portal.guide.approve', outcome: 'refused', actor_id: editor.id }));
  });

  it('lets a second editor approve and publish, and the reviewer sees who wrote it', async () => {
    const { id, slug } = await inReview();
    const asReviewer = await t.app.inject({
      method: 'GET',
      url: `/api/v1/portal-admin/guides/${id}`,
      headers: { cookie: reviewer.cookie },
    });
    expect(asReviewer.json().latest).toMatchObject({ state: 'in_review', author: editor.username, writtenByViewer: false });
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/v1/portal-admin/guides', headers: { cookie: reviewer.cookie } })
    ).json() as { id: string; latestState: string; latestAuthor: string }[];
    expect(list.find((g) => g.id === id)).toMatchObject({ latestState: 'in_review', latestAuthor: editor.username });

    expect((await post(`/api/v1/portal-admin/guides/${id}/versions/1/approve`, undefined, reviewer.cookie)).statusCode).toBe(200);
    const again = await post(`/api/v1/portal-admin/guides/${id}/versions/1/approve`, undefined, reviewer.cookie);
    expect(again.statusCode).toBe(409);
    const published = await post(`/api/v1/portal-admin/guides/${id}/versions/1/publish`, undefined, reviewer.cookie);
    expect(published.json()).toMatchObject({ publishedVersion: 1 });
    expect((await get(`/api/v1/portal/guides/${slug}?lang=en`)).json()).toMatchObject({ title: 'Legal advice', version: 1 });
    const versions = published.json().versions as { approver: string; approvedAt: string; publishedAt: string }[];
    expect(versions[0]).toMatchObject({ approver: reviewer.username });
    expect(versions[0]!.approvedAt).not.toBeNull();

    const audit = await sql<{ action: string; actor_id: string }>`
      select action, actor_id from audit_inbox
      where target_type = 'portal_guide' and target_id = ${id} and outcome = 'success' order by id`.execute(t.database.db);
    expect(audit.rows).toEqual([
      { action: 'portal.guide.create', actor_id: editor.id },
      { action: 'portal.guide.submit', actor_id: editor.id },
      { action: 'portal.guide.approve', actor_id: reviewer.id },
      { action: 'portal.guide.publish', actor_id: reviewer.id },
    ]);
  });

  it('never shows the public a version no second editor approved', async () => {
    const { id, slug } = await inReview();
    expect((await get(`/api/v1/portal/guides/${slug}`)).statusCode).toBe(404);
    expect(((await get('/api/v1/portal/guides?lang=en&q=Legal')).json() as { slug: string }[]).map((g) => g.slug)).not.toContain(
      slug,
    );
    await post(`/api/v1/portal-admin/guides/${id}/versions/1/approve`, undefined, reviewer.cookie);
    expect((await get(`/api/v1/portal/guides/${slug}`)).statusCode).toBe(404); // approved, not yet published

    // Not even a write that skips the service can make an unapproved version public or self-approved.
    const at = new Date().toISOString();
    await expect(
      sql`update portal_guide_versions set state = 'published', published_at = ${at}, approved_at = null
          where guide_id = ${id}`.execute(t.database.db),
    ).rejects.toThrow(/portal_guide_versions_approved_check/);
    await expect(
      sql`update portal_guide_versions set approved_by = created_by where guide_id = ${id}`.execute(t.database.db),
    ).rejects.toThrow(/portal_guide_versions_four_eyes_check/);
    expect((await get(`/api/v1/portal/guides/${slug}`)).statusCode).toBe(404);
  });

  it('refuses approval to anyone but a country-wide editor', async () => {
    const { id } = await inReview();
    const url = `/api/v1/portal-admin/guides/${id}/versions/1/approve`;
    expect((await t.app.inject({ method: 'POST', url })).statusCode).toBe(401);
    const officer = await createStaff(t, ['officer'], { level: 'country' });
    expect((await post(url, undefined, officer.cookie)).statusCode).toBe(403);
    const regional = await createStaff(t, ['supervisor'], { level: 'region', regionId: '750000000' });
    expect((await post(url, undefined, regional.cookie)).statusCode).toBe(403);
    const missing = await post(
      '/api/v1/portal-admin/guides/00000000-0000-4000-8000-000000000000/versions/1/approve',
      undefined,
      reviewer.cookie,
    );
    expect(missing.statusCode).toBe(404);
  });
});
