import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import en from '../locales/portal/en.json' with { type: 'json' };
import kk from '../locales/portal/kk.json' with { type: 'json' };
import { browserMissing, launchBrowser, seriousViolations, describeViolations } from './support/browser.js';
import path from 'node:path';
import {
  chooseLanguage,
  demoAccount,
  expectHeading,
  headingText,
  SCREENSHOT_DIR,
  screenshot,
  scrollsSideways,
  signIn,
  storyTitle,
} from './support/stories.js';

const baseUrl = inject('baseUrl');

/** A small phone: the narrowest screen the pages are made for. */
const PHONE = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
const NEUTRAL = 'https://www.google.com/search?q=weather';

async function expectAccessible(page: Page, name: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
  expect(await scrollsSideways(page), `${name} scrolls sideways`).toBe(false);
}

/** axe in Kazakh and in English, with a screenshot of each. */
async function checkBothLanguages(page: Page, name: string, heading: { kk: string; en: string } | null): Promise<void> {
  for (const language of ['kk', 'en'] as const) {
    await chooseLanguage(page, language);
    if (heading) await expectHeading(page, heading[language]);
    await page.locator('main p.loading').waitFor({ state: 'detached', timeout: 20_000 });
    await screenshot(page, `portal-${name}-360-${language}`);
    await expectAccessible(page, `${name} in ${language} at 360 px`);
  }
}

/** What the phone shows with a part of the page scrolled into view: a full-page shot of a long page is too tall to look at. */
async function screenAt(page: Page, selector: string, name: string): Promise<void> {
  await page.locator(selector).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `portal-${name}.png`) });
}

const mainPath = (page: Page) => new URL(page.url()).pathname + new URL(page.url()).search;

describe.skipIf(browserMissing)(
  storyTitle('a citizen finds their area, looks at the crime map and reads a guide on a phone'),
  () => {
    let browser: Browser;

    beforeAll(async () => {
      browser = await launchBrowser();
    });

    afterAll(async () => {
      await browser?.close();
    });

    it('finds the area by address and sees its offences as a chart and a table, compared with the district and the country', async () => {
      const context = await browser.newContext(PHONE);
      const page = await context.newPage();
      // A phone downloads the texts of the language it shows, and another only when switched to it.
      const languageChunks: string[] = [];
      page.on('request', (request) => {
        const chunk = /\/assets\/(kk|ru|en)-[\w-]+\.js$/.exec(new URL(request.url()).pathname);
        if (chunk) languageChunks.push(chunk[1]!);
      });
      await page.goto(`${baseUrl}/area`);
      await expectHeading(page, kk.area.title);
      expect(languageChunks).toEqual(['kk']);
      await checkBothLanguages(page, 'area', { kk: kk.area.title, en: en.area.title });
      expect(languageChunks).toEqual(['kk', 'en']);

      await page.locator('#area-address').fill('Алматы');
      await page.locator('form.portal-search button[type="submit"]').click();
      await page.locator('.portal-choices__choice').first().click();
      await expect.poll(() => mainPath(page), { timeout: 15_000 }).toMatch(/^\/neighbourhoods\/75\d+-\d+$/);
      await page.locator('[data-testid="category-table"] tbody tr').first().waitFor({ timeout: 20_000 });
      expect(await headingText(page)).toMatch(/Beat/);
      expect(await page.locator('[data-testid="category-table"] tbody tr').count()).toBe(14);
      expect(await page.locator('[data-testid="rates-table"] thead th').allTextContents()).toEqual([
        en.table.category,
        en.rates.beat,
        en.rates.district,
        en.rates.country,
      ]);
      // Small counts are words, never the digits 1 to 4.
      const figures = await page.locator('[data-testid="category-table"] td').allTextContents();
      expect(figures.filter((f) => /^[1-4]$/.test(f.trim()))).toEqual([]);
      await page.locator('.portal-map__canvas[data-map-state="idle"]').waitFor({ timeout: 30_000 });
      await checkBothLanguages(page, 'neighbourhood', null);
      for (const section of ['n-last-month', 'n-rates', 'n-map'])
        await screenAt(page, `#${section}`, `neighbourhood-360-en-${section}`);
      await context.close();
    });

    it('filters the crime map by category, with the same figures in a list, and never offers a sensitive category', async () => {
      const context = await browser.newContext(PHONE);
      const page = await context.newPage();
      await page.goto(`${baseUrl}/crime-map`);
      await chooseLanguage(page, 'en');
      await expectHeading(page, en.crimeMap.title);
      // The heading comes before the categories, which load on their own (again after the language changes).
      const categoryValues = () =>
        page.locator('#map-category option').evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value));
      await expect.poll(async () => (await categoryValues())[0], { timeout: 20_000 }).toBe('all-crime');
      const options = await categoryValues();
      expect(options).not.toContain('domestic-violence');
      await page.locator('[data-testid="places-table"] tbody tr').first().waitFor({ timeout: 20_000 });
      await page.locator('#map-category').selectOption('burglary');
      await expect
        .poll(() => page.locator('.portal-page [role="status"]').last().textContent(), { timeout: 20_000 })
        .toMatch(/^Regions with offences in .+: \d+$/);
      expect(await page.locator('[data-testid="places-table"] tbody tr').count()).toBeGreaterThan(0);
      await page.locator('.portal-map__canvas[data-map-state="idle"]').waitFor({ timeout: 30_000 });
      await checkBothLanguages(page, 'crime-map', { kk: kk.crimeMap.title, en: en.crimeMap.title });
      await context.close();
    });

    it('searches the guides, opens the domestic-violence guide and leaves it at once, so Back does not return to it', async () => {
      const context = await browser.newContext(PHONE);
      const page = await context.newPage();
      // The neutral site is outside this sandbox: answer for it, as the real one would, so the page loads.
      await context.route('https://www.google.com/**', (route) =>
        route.fulfill({ contentType: 'text/html', body: '<title>weather</title>' }),
      );
      await page.goto(`${baseUrl}/guides`);
      await chooseLanguage(page, 'en');
      await expectHeading(page, en.guides.title);
      await checkBothLanguages(page, 'guides', { kk: kk.guides.title, en: en.guides.title });

      await page.locator('#guide-search').fill('violence');
      await page.locator('form.portal-search button[type="submit"]').click();
      await expect.poll(() => page.locator('.portal-guide-list__title').allTextContents()).toEqual(['Domestic violence']);
      expect(mainPath(page)).toBe('/guides?q=violence');
      await page.locator('.portal-guide-list__title a').click();
      await expectHeading(page, 'Domestic violence');
      expect(await page.locator('.portal-contacts a[href="tel:111"]').count()).toBe(1);
      const exit = page.locator('.quick-exit__button');
      expect(await exit.isVisible()).toBe(true);
      await checkBothLanguages(page, 'guide-domestic-violence', { kk: 'Тұрмыстық зорлық-зомбылық', en: 'Domestic violence' });

      await exit.click();
      await page.waitForURL(NEUTRAL);
      await page.goBack();
      await expect.poll(() => page.url()).toBe(`${baseUrl}/guides?q=violence`);

      // Esc pressed twice leaves as well.
      await page.locator('.portal-guide-list__title a').first().click();
      await expectHeading(page, 'Domestic violence');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.waitForURL(NEUTRAL);
      await page.goBack();
      expect(new URL(page.url()).pathname).toBe('/guides');
      await context.close();
    });

    it('lets an administrator edit a guide and send it for review, a second editor approve and publish it, and the public then reads the new text', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/portal-admin`);
      await signIn(page, baseUrl, demoAccount('admin'));
      await chooseLanguage(page, 'en');
      await expectHeading(page, en.editor.title);
      await page.locator('table .link-button', { hasText: 'My phone was stolen' }).click();
      await expectHeading(page, 'Guide phone-stolen');
      const title = `My phone was stolen (${Date.now()})`;
      await page.locator('#guide-en-title').fill(title);
      await page.locator('form.form button[type="submit"]').click();
      await expect.poll(() => page.locator('.status-message').textContent(), { timeout: 10_000 }).toBe(en.editor.saved);
      await page.locator('button', { hasText: en.editor.submit }).click();
      await expect.poll(() => page.locator('.status-message').textContent(), { timeout: 10_000 }).toBe(en.editor.submitted);

      // The author is told a second editor must approve, and is offered no way to do it alone.
      const notice = page.locator('.notice[role="note"]');
      expect(await notice.locator('.notice__title').textContent()).toBe(
        `${en.editor.awaitingReviewer} · ${en.editor.writtenBy.replace('{{author}}', 'admin')}`,
      );
      expect(await notice.locator('p').nth(1).textContent()).toBe(en.editor.ownVersionHint);
      expect(await page.locator('button', { hasText: en.editor.approve }).count()).toBe(0);
      expect(await page.locator('button', { hasText: en.editor.publish }).count()).toBe(0);
      await screenshot(page, 'portal-editor-1280-en');
      await expectAccessible(page, 'guide editor in en at 1280 px');

      // Nor does the server let the author approve behind the page's back; meanwhile they add a second editor.
      const { refused, reviewer } = await page.evaluate(async () => {
        const guides = (await (await fetch('/api/v1/portal-admin/guides')).json()) as {
          id: string;
          slug: string;
          latestVersion: number;
        }[];
        const guide = guides.find((g) => g.slug === 'phone-stolen')!;
        const approve = await fetch(`/api/v1/portal-admin/guides/${guide.id}/versions/${guide.latestVersion}/approve?lang=en`, {
          method: 'POST',
        });
        const password = `Second-reader-${Date.now()}`;
        const created = await fetch('/api/v1/admin/users', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            username: `reviewer.${Date.now()}`,
            displayName: 'Second reader',
            password,
            roles: ['supervisor'],
            jurisdiction: { level: 'country' },
          }),
        });
        const body = (await created.json()) as { user: { username: string }; totp: { secret: string } };
        return {
          refused: { status: approve.status, problem: (await approve.json()) as { code: string } },
          reviewer: { username: body.user.username, password, totpSecret: body.totp.secret },
        };
      });
      expect(refused).toMatchObject({ status: 403, problem: { code: 'portal.guide_own_version' } });

      const second = await (await browser.newContext(PHONE)).newPage();
      await second.goto(`${baseUrl}/portal-admin`);
      await signIn(second, baseUrl, reviewer);
      await chooseLanguage(second, 'en');
      await expectHeading(second, en.editor.title);
      const row = second.locator('tr', { hasText: title });
      expect(await row.locator('td').first().textContent()).toContain(en.editor.awaitingReviewer);
      await row.locator('.link-button').click();
      await expectHeading(second, 'Guide phone-stolen');
      expect(await second.locator('.notice[role="note"] p').nth(1).textContent()).toBe(en.editor.reviewHint);
      await screenshot(second, 'portal-editor-review-360-en');
      await expectAccessible(second, 'guide review in en at 360 px');
      await second.locator('button', { hasText: en.editor.approve }).click();
      await expect.poll(() => second.locator('.status-message').textContent(), { timeout: 10_000 }).toBe(en.editor.approvedNow);
      await second.locator('button', { hasText: en.editor.publish }).click();
      await expect.poll(() => second.locator('.status-message').textContent(), { timeout: 10_000 }).toBe(en.editor.publishedNow);
      const newest = second.locator('table tbody tr').first();
      expect(await newest.locator('td').nth(1).textContent()).toBe('admin');
      expect(await newest.locator('td').nth(2).textContent()).toBe(reviewer.username);
      await chooseLanguage(second, 'kk');
      await expectHeading(second, kk.editor.editing.replace('{{slug}}', 'phone-stolen'));
      // The status line says it again in the language now shown.
      expect(await second.locator('.status-message').textContent()).toBe(kk.editor.publishedNow);
      await screenshot(second, 'portal-editor-published-360-kk');
      await expectAccessible(second, 'guide editor in kk at 360 px');

      await page.goto(`${baseUrl}/guides/phone-stolen`);
      await expectHeading(page, title);
      await context.close();
      await second.context().close();
    });

    it('lets a citizen ask a question on a chief’s report, which the region’s head approves and answers for the citizen to read', async () => {
      const citizen = await (await browser.newContext(PHONE)).newPage();
      await citizen.goto(`${baseUrl}/chief-reports?region=750000000`);
      await chooseLanguage(citizen, 'en');
      await expectHeading(citizen, en.chiefReports.title);
      const districtReport = citizen.locator('.portal-guide-list__title a', {
        hasText: 'Report of the head of the district police department',
      });
      await districtReport.waitFor({ timeout: 20_000 });
      await checkBothLanguages(citizen, 'chief-reports', { kk: kk.chiefReports.title, en: en.chiefReports.title });

      await districtReport.click();
      await expectHeading(citizen, 'Report of the head of the district police department');
      // The demo's answered question is published under the report.
      expect(await citizen.locator('.chief-report-answer').count()).toBeGreaterThan(0);
      await citizen.locator('form.form button[type="submit"]').click();
      await expect
        .poll(() => citizen.locator('.error-summary a').allTextContents())
        .toEqual([en.chiefReports.textLength.replace('{{min}}', '10').replace('{{max}}', '1000')]);
      await screenAt(citizen, '#chief-ask', 'chief-report-ask-errors-360-en');
      await expectAccessible(citizen, 'chief report with the form’s errors in en at 360 px');

      // Letters only: a long run of digits would be masked as a phone number on the public page.
      const unique = Date.now()
        .toString(36)
        .replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
      const question = `Will the courtyard lights on our street be on before winter? (${unique})`;
      await citizen.locator('#chief-question').fill(question);
      await citizen.locator('#chief-name').fill('Aigul');
      await citizen.locator('form.form button[type="submit"]').click();
      const code = (await citizen.locator('.chief-report-code').textContent({ timeout: 10_000 }))!.trim();
      expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(await citizen.locator('.notice').textContent()).toContain(en.chiefReports.waiting);
      await screenAt(citizen, '.chief-report-code', 'chief-report-sent-360-en');
      await checkBothLanguages(citizen, 'chief-report', null);
      await citizen.locator('.notice a').click();
      await expect
        .poll(() => citizen.locator('main p.lead').textContent(), { timeout: 10_000 })
        .toBe(en.chiefReports.state.pending);
      await checkBothLanguages(citizen, 'chief-report-question', {
        kk: kk.chiefReports.trackTitle,
        en: en.chiefReports.trackTitle,
      });

      const head = await (await browser.newContext(PHONE)).newPage();
      await head.goto(`${baseUrl}/portal-admin`);
      await signIn(head, baseUrl, demoAccount('supervisor.almaty'));
      await chooseLanguage(head, 'en');
      await expectHeading(head, en.chiefReports.admin.title);
      await head.locator('table .link-button', { hasText: 'Report of the head of the district police department' }).click();
      const item = head.locator('.chief-report-question', { hasText: question });
      await item.waitFor({ timeout: 10_000 });
      await item.locator('textarea').fill('Yes: the akimat has the lights in its plan for next month.');
      await item.locator('button[type="submit"]', { hasText: en.chiefReports.admin.publishAnswer }).click();
      await expect
        .poll(() => head.locator('.status-message').textContent(), { timeout: 10_000 })
        .toBe(en.chiefReports.admin.answered);
      await screenAt(head, '#moderation-title', 'chief-report-moderation-360-en');
      await expectAccessible(head, 'report editor and moderation in en at 360 px');

      await citizen.reload();
      await expect
        .poll(() => citizen.locator('main p.lead').textContent(), { timeout: 10_000 })
        .toBe(en.chiefReports.state.answered);
      await citizen.locator('main a', { hasText: en.chiefReports.toReport }).click();
      const published = citizen.locator('.chief-report-question', { hasText: question });
      await published.waitFor({ timeout: 10_000 });
      expect(await published.locator('.chief-report-answer__text').textContent()).toBe(
        'Yes: the akimat has the lights in its plan for next month.',
      );
      await screenAt(citizen, `.chief-report-question:has-text("${question}")`, 'chief-report-answered-360-en');
      await head.context().close();
      await citizen.context().close();
    });

    it('shows the area’s inspector, priorities and meetings, and a district chief adds a priority the public then reads', async () => {
      const beats = (await (await fetch(`${baseUrl}/api/v1/open/750000000/neighbourhoods`)).json()) as { id: string }[];
      const beatId = beats[0]!.id;
      const citizen = await (await browser.newContext(PHONE)).newPage();
      await citizen.goto(`${baseUrl}/neighbourhoods/${beatId}`);
      await chooseLanguage(citizen, 'en');
      const members = citizen.locator('[data-testid="team-members"] > li');
      await members.first().waitFor({ timeout: 20_000 });
      // The demo's people are invented, and say so.
      expect(await members.first().locator('h3').textContent()).toMatch(/\(демо\)$/);
      const photo = members.first().locator('img');
      await expect.poll(() => photo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
      expect(await members.first().locator('a[href^="tel:"]').count()).toBe(1);
      expect(await citizen.locator('[data-testid="team-priorities"] > li').count()).toBeGreaterThanOrEqual(2);
      expect(await citizen.locator('[data-testid="team-meetings"] > li').count()).toBeGreaterThanOrEqual(1);
      await checkBothLanguages(citizen, 'neighbourhood-team', null);
      for (const section of ['n-team', 'n-priorities', 'n-meetings'])
        await screenAt(citizen, `#${section}`, `neighbourhood-360-en-${section}`);

      const chief = await (await browser.newContext(PHONE)).newPage();
      await chief.goto(`${baseUrl}/portal-admin/neighbourhood-teams`);
      await signIn(chief, baseUrl, demoAccount('supervisor.almaty'));
      await chooseLanguage(chief, 'en');
      await expectHeading(chief, en.team.editor.title);
      await expect.poll(() => chief.locator('#team-district option').count(), { timeout: 20_000 }).toBeGreaterThan(1);
      await chief.locator('#team-district').selectOption(beatId.replace(/-\d+$/, ''));
      await chief.locator('#team-beat').selectOption(beatId);
      await chief.locator('[data-testid="team-editor"]').waitFor({ timeout: 20_000 });
      await chief.locator('button', { hasText: `${en.team.editor.add}: ${en.team.editor.priorities}` }).click();
      const issue = `Dark underpass by the market (${Date.now()})`;
      await chief.locator('#priority-issue-kk').fill('Базар жанындағы қараңғы жерасты өткелі');
      await chief.locator('#priority-issue-ru').fill('Тёмный подземный переход у рынка');
      await chief.locator('#priority-issue-en').fill(issue);
      await screenAt(chief, '#priority-issue-en', 'neighbourhood-team-editor-360-en');
      await expectAccessible(chief, 'neighbourhood team editor in en at 360 px');
      await chief.locator('form.form button[type="submit"]').click();
      await expect.poll(() => chief.locator('.status-message').textContent(), { timeout: 10_000 }).toBe(en.team.editor.saved);

      await citizen.reload();
      await expect
        .poll(() => citizen.locator('[data-testid="team-priorities"] h3').allTextContents(), { timeout: 20_000 })
        .toContain(issue);
      await chief.context().close();
      await citizen.context().close();
    });
  },
);
