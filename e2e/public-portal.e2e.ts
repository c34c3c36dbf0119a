import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import en from '../locales/portal/en.json' with { type: 'json' };
import kk from '../locales/portal/kk.json' with { type: 'json' };
import { browserMissing, launchBrowser, seriousViolations, type AxeViolation } from './support/browser.js';
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

function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    .join('\n');
}

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
      await page.goto(`${baseUrl}/area`);
      await expectHeading(page, kk.area.title);
      await checkBothLanguages(page, 'area', { kk: kk.area.title, en: en.area.title });

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

    it('lets an administrator edit a guide, send it for review and publish it, and the public then reads the new text', async () => {
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
      await screenshot(page, 'portal-editor-1280-en');
      await expectAccessible(page, 'guide editor in en at 1280 px');
      await page.locator('button', { hasText: en.editor.publish }).click();
      await expect.poll(() => page.locator('.status-message').textContent(), { timeout: 10_000 }).toBe(en.editor.publishedNow);

      await page.goto(`${baseUrl}/guides/phone-stolen`);
      await expectHeading(page, title);
      await context.close();
    });
  },
);
