import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import en from '../locales/prevention-registers/en.json' with { type: 'json' };
import search from '../locales/prevention-programmes/en.json' with { type: 'json' };
import { browserMissing, launchBrowser } from './support/browser.js';
import {
  checkEveryWay,
  chooseLanguage,
  demoAccount,
  expectHeading,
  screenshot,
  scrollsSideways,
  signIn,
  storyTitle,
  waitForMapIdle,
} from './support/stories.js';

const baseUrl = inject('baseUrl');
const PHONE = { width: 360, height: 740 };
// Unique per run and invented: a story run again against a kept server must find its own entry.
const RUN = Date.now().toString(36);
const PERSON = `Демо Тіркелген ${RUN}`;
const NOTE = `Sober, works at the market (demo ${RUN})`;
const NEXT_OFFICER = `Inspector Nurlan ${RUN} (demo)`;
const HANDOVER_REASON = `Going on leave for two months (demo ${RUN})`;
const SEARCHED = `Демо Іздеулі ${RUN}`;
// Invented; passes its check digit.
const SEARCHED_IIN = '920203400120';

type Json = Record<string, unknown>;

/** A call to the API from inside the signed-in page, so it carries the session and our Origin. */
async function api(page: Page, path: string): Promise<Json> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { credentials: 'include', headers: { accept: 'application/json' } });
    return (await response.json()) as Record<string, unknown>;
  }, path);
}

/** A JSON request from inside the signed-in page; fails the story on a refusal. */
async function post(page: Page, path: string, body: unknown): Promise<Json> {
  const response = await page.evaluate(
    async ({ url, payload }) => {
      const r = await fetch(url, {
        method: 'POST',
        credentials: 'include',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      });
      return { status: r.status, body: (await r.json()) as Record<string, unknown> };
    },
    { url: path, payload: body },
  );
  expect(response.status, `POST ${path}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
  return response.body;
}

describe.skipIf(browserMissing)(
  storyTitle('a district inspector adds a person to a preventive register, plans a visit, finds it in Today and records it'),
  () => {
    let browser: Browser;
    let page: Page;
    let entryId = '';
    let entryNumber = '';

    beforeAll(async () => {
      browser = await launchBrowser();
      // The inspector's phone, in Almaty's zone, so its "today" is the server's.
      const context = await browser.newContext({ viewport: PHONE, timezoneId: 'Asia/Almaty' });
      page = await context.newPage();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('adds an entry at the home the phone is standing at, within what the basis allows', { timeout: 180_000 }, async () => {
      await page.goto(`${baseUrl}/`);
      await signIn(page, baseUrl, demoAccount('officer.almaty'));
      await chooseLanguage(page, 'en');
      // Standing where a demo entry of the beat is: a home surely inside the inspector's beat.
      const today = (await api(page, '/api/v1/prevention/register/today')).items as {
        point: { lon: number; lat: number } | null;
      }[];
      const home = today.find((i) => i.point)?.point;
      expect(home, 'the demo data puts points in the inspector’s beat').toBeDefined();
      await page.context().grantPermissions(['geolocation'], { origin: baseUrl });
      await page.context().setGeolocation({ latitude: home!.lat, longitude: home!.lon, accuracy: 10 });

      await page.goto(`${baseUrl}/prevention/registers/new`);
      await expectHeading(page, en.form.title);
      // Empty, it names what is missing; an end past the basis is refused before it is sent.
      await page.locator('#register-end').fill('2099-01-01');
      await page.locator('form.register-form button[type="submit"]').click();
      const summary = page.locator('.error-summary');
      await summary.getByRole('link', { name: en.form.nameRequired }).waitFor();
      await summary.getByRole('link', { name: en.form.locationRequired }).waitFor();
      await summary.getByText(/The end date cannot be later than/).waitFor();
      expect(await scrollsSideways(page)).toBe(false);
      await screenshot(page, 'story-register-new-errors-en-360');

      await page.locator('#register-kind').selectOption('alcohol-treatment');
      await page.locator('#register-name').fill(PERSON);
      await page.locator('#register-phone').fill('+7 700 000 00 00');
      await page.locator('#register-address').fill(`Ойдан шығарылған көше, ${RUN} (Демо)`);
      await page.locator('#register-location').click();
      await page
        .locator('.location-field')
        .getByText(/Almaty|Алматы/)
        .first()
        .waitFor({ timeout: 15_000 });
      await page.locator('#register-decision').fill(`Commission decision ${RUN} (demo)`);
      await checkEveryWay(page, 'register-new', () => page.locator('#register-name').waitFor());
      await page.setViewportSize(PHONE);
      await page.locator('form.register-form button[type="submit"]').click();
      await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/\/prevention\/registers\/[0-9a-f-]{36}$/);
      entryId = page.url().split('/').pop()!;
      const entry = await api(page, `/api/v1/prevention/register/entries/${entryId}`);
      entryNumber = entry.entryNumber as string;
      expect(entry).toMatchObject({
        name: PERSON,
        kind: 'alcohol-treatment',
        access: 'responsible',
        legalBasis: 'prevention-of-offences',
      });
      expect(entry.point).toEqual({ lon: home!.lon, lat: home!.lat });
      await expectHeading(page, en.entry.title.replace('{{number}}', entryNumber));
    });

    it('plans a home visit for today and sees it in Today, on the map and in the list', { timeout: 180_000 }, async () => {
      await page.locator('#register-plan-kind').selectOption('home-visit');
      await page.locator('form.register-form--inline button[type="submit"]').last().click();
      await page.getByRole('status').getByText(en.entry.planned).waitFor();

      await page.getByRole('link', { name: en.nav.today }).click();
      await expectHeading(page, en.today.title);
      await waitForMapIdle(page);
      const item = page.locator('.register-today li', { hasText: PERSON });
      await item.waitFor();
      await item.getByText(en.contactKind['home-visit']).waitFor();
      await item.getByText(en.today.dueToday).waitFor();
      // The demo's visit due today is there too: the day is the inspector's, not only this entry's.
      expect(await page.locator('.register-today li').count()).toBeGreaterThanOrEqual(2);
      await checkEveryWay(page, 'register-today', async () => {
        await page.locator('.register-today li', { hasText: PERSON }).waitFor();
        await waitForMapIdle(page);
      });
    });

    it('opens the entry from Today and records how the visit went', { timeout: 180_000 }, async () => {
      await page.setViewportSize(PHONE);
      await page.locator('.register-today li', { hasText: PERSON }).getByRole('link', { name: entryNumber }).click();
      await expectHeading(page, en.entry.title.replace('{{number}}', entryNumber));
      const visit = page.locator('.case-card', { hasText: en.contactKind['home-visit'] });
      await visit.locator('select').selectOption('met');
      await visit.locator('input').fill(NOTE);
      await visit.getByRole('button', { name: en.entry.outcomeSubmit }).click();
      await page.getByRole('status').getByText(en.entry.recorded).waitFor();
      await page.getByText(`${en.outcome.met} — ${NOTE}`).waitFor();
      await checkEveryWay(page, 'register-entry', () =>
        page
          .locator('.register-details')
          .waitFor()
          .then(() => undefined),
      );

      // Done, it leaves the day; the list of the inspector's registers still has the entry, by number only.
      await page.getByRole('link', { name: en.nav.today }).click();
      await expectHeading(page, en.today.title);
      await expect.poll(() => page.locator('.register-today li', { hasText: PERSON }).count()).toBe(0);
      await page.getByRole('link', { name: en.list.mine }).click();
      await expectHeading(page, en.list.title);
      await page.getByRole('link', { name: entryNumber }).waitFor();
      expect(await page.locator('main').textContent()).not.toContain(PERSON);
      await checkEveryWay(page, 'register-list', () => page.getByRole('link', { name: entryNumber }).waitFor());
    });

    it(
      'hands the entry to another officer of the area with a reason, and sees the new officer and the handover',
      { timeout: 240_000 },
      async () => {
        // The demo has one officer in Almaty: the administrator makes a second one for the region.
        const admin = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
        await admin.goto(`${baseUrl}/`);
        await signIn(admin, baseUrl, demoAccount('admin'));
        const created = await post(admin, '/api/v1/admin/users', {
          username: `officer.next.${RUN}`,
          displayName: NEXT_OFFICER,
          password: 'steppe-lantern-orbit-2026',
          roles: ['officer'],
          jurisdiction: { level: 'region', regionId: '750000000' },
        });
        const nextId = (created.user as { id: string }).id;

        await page.goto(`${baseUrl}/prevention/registers/${entryId}`);
        await expectHeading(page, en.entry.title.replace('{{number}}', entryNumber));
        await page.getByRole('heading', { name: en.handover.title }).waitFor();
        // Sent empty, it names both missing answers and sends nothing.
        await page.getByRole('button', { name: en.handover.submit }).click();
        const summary = page.locator('.error-summary');
        await summary.getByRole('link', { name: en.handover.officerRequired }).waitFor();
        await summary.getByRole('link', { name: en.handover.reasonTooShort.replace('{{min}}', '10') }).waitFor();
        await checkEveryWay(page, 'register-handover-form', () => page.locator('#register-handover-officer').waitFor());
        await page.setViewportSize(PHONE);

        await page.locator('#register-handover-officer').selectOption(nextId);
        await page.locator('#register-handover-reason').fill(HANDOVER_REASON);
        await page.getByRole('button', { name: en.handover.submit }).click();
        await page.getByRole('status').getByText(en.handover.done).waitFor();
        // The inspector of the beat still works the entry, but no longer answers for it nor hands it on.
        const responsible = page.locator('.register-details__row', { hasText: en.entry.responsible });
        await responsible.getByText(NEXT_OFFICER).waitFor();
        const history = page.locator('section', { has: page.getByRole('heading', { name: en.handover.history }) });
        await history.getByText(HANDOVER_REASON, { exact: false }).waitFor();
        await history.getByText(`→ ${NEXT_OFFICER}`, { exact: false }).waitFor();
        expect(await page.getByRole('heading', { name: en.handover.title }).count()).toBe(0);
        const entry = await api(page, `/api/v1/prevention/register/entries/${entryId}`);
        expect(entry).toMatchObject({ access: 'beat-inspector', responsibleOfficerId: nextId });
        // In every language: the history's heading by its id, not its English name.
        await checkEveryWay(page, 'register-handover-done', () => page.locator('#register-handovers-title').waitFor());
      },
    );

    it('finds a person on the register by IIN, with the name, from the person search', { timeout: 120_000 }, async () => {
      const entry = await api(page, `/api/v1/prevention/register/entries/${entryId}`);
      const created = await post(page, '/api/v1/prevention/register/entries', {
        kind: 'alcohol-treatment',
        decision: `Commission decision ${RUN}-2 (demo)`,
        name: SEARCHED,
        iin: SEARCHED_IIN,
        address: `Ойдан шығарылған көше, ${RUN}-2 (Демо)`,
        location: { type: 'Point', coordinates: [(entry.point as { lon: number }).lon, (entry.point as { lat: number }).lat] },
        startDate: entry.startDate,
        reviewDate: entry.reviewDate,
        endDate: entry.endDate,
      });
      await chooseLanguage(page, 'en');
      await page.setViewportSize(PHONE);
      await page.goto(`${baseUrl}/prevention/search`);
      await expectHeading(page, search.search.pageTitle);
      await page.locator('#person-search-iin').fill(SEARCHED_IIN);
      await page.locator('#person-search-reason').fill(`Checking before a home visit (demo ${RUN})`);
      await page.getByRole('button', { name: search.search.button }).click();
      const found = page.locator('section[aria-labelledby="person-search-register"] .case-card', { hasText: SEARCHED });
      await found.getByRole('link', { name: created.entryNumber as string }).waitFor();
      await found.getByText(en.kind['alcohol-treatment']).waitFor();
      await checkEveryWay(page, 'register-person-search', () => found.waitFor());
    });
  },
);
