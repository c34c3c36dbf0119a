import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import en from '../locales/national-report/en.json' with { type: 'json' };
import kk from '../locales/national-report/kk.json' with { type: 'json' };
import { browserMissing, describeViolations, launchBrowser, seriousViolations } from './support/browser.js';
import {
  chooseLanguage,
  expectHeading,
  SCREENSHOT_DIR,
  screenshot,
  scrollsSideways,
  sessionCookie,
  storyTitle,
} from './support/stories.js';

const baseUrl = inject('baseUrl');

/** A small phone: the narrowest screen the pages are made for. */
const PHONE = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
const ALMATY = '750000000';
const EAST_KAZAKHSTAN = '630000000';

async function reportShown(page: Page): Promise<void> {
  await page.locator('main p.loading').waitFor({ state: 'detached', timeout: 30_000 });
  await page.locator('article.national-report').waitFor({ timeout: 30_000 });
}

/** Whether the region list leaves too little room for its longest option's text beside the arrow, so a chosen name shows cut. */
async function regionListCut(page: Page): Promise<boolean> {
  return page.locator('#report-region').evaluate((select: HTMLSelectElement) => {
    const style = getComputedStyle(select);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = style.font;
    const longest = Math.max(...Array.from(select.options, (option) => context.measureText(option.text).width));
    const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    const arrow = parseFloat(style.fontSize);
    return select.clientWidth - padding - arrow < longest;
  });
}

async function expectAccessible(page: Page, name: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
  expect(await scrollsSideways(page), `${name} scrolls sideways`).toBe(false);
}

describe.skipIf(browserMissing)(
  storyTitle('a visitor reads the National Report on a phone without signing in and downloads its PDF'),
  () => {
    let browser: Browser;

    beforeAll(async () => {
      browser = await launchBrowser();
    });

    afterAll(async () => {
      await browser?.close();
    });

    it(
      'opens the report from the portal, reads a region’s section and downloads the PDF in English',
      { timeout: 180_000 },
      async () => {
        const context = await browser.newContext(PHONE);
        const page = await context.newPage();
        await page.goto(`${baseUrl}/area`);
        await page.locator('.portal-nav__link[href="/national-report"]').click();
        await expectHeading(page, kk.title);
        await reportShown(page);
        for (const language of ['kk', 'en'] as const) {
          await chooseLanguage(page, language);
          await expectHeading(page, { kk, en }[language].title);
          await reportShown(page);
          await screenshot(page, `national-report-360-${language}`);
          await expectAccessible(page, `national report in ${language} at 360 px`);
          expect(await regionListCut(page), `the region list cuts a name in ${language} at 360 px`).toBe(false);
        }

        // The newest ended year is chosen; the visitor narrows it to Almaty.
        const years = await page.locator('#report-year option').allTextContents();
        expect(years.length).toBeGreaterThan(0);
        expect(Number(years[0])).toBeLessThan(new Date().getUTCFullYear());
        await page.locator('#report-region').selectOption(ALMATY);
        await expect.poll(() => page.locator('#national-report-area').textContent()).toMatch(/Almaty/);
        expect(new URL(page.url()).search).toContain(`region=${ALMATY}`);

        // The contents lead to a section, whose figures are there to read.
        const property = page.locator('#report-property');
        await page.locator('a[href="#report-property"]').click();
        await expect.poll(() => property.isVisible()).toBe(true);
        const section = page.locator('section[aria-labelledby="report-property"]');
        expect(await section.locator('.national-report__figure').count()).toBeGreaterThan(0);
        expect(await section.locator('.national-report__value').first().textContent()).toMatch(/\d|fewer than 5|not shown/);
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'national-report-360-section.png') });

        // The monthly chart is a table a screen reader can read.
        expect(await page.locator('.national-report__chart tbody tr').count()).toBe(12);

        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.locator('.national-report-download a').click(),
        ]);
        expect(download.suggestedFilename()).toMatch(new RegExp(`^aman-national-report-\\d{4}-${ALMATY}-en\\.pdf$`));
        const file = await download.path();
        expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');

        expect(await sessionCookie(page)).toBeNull();
        await context.close();
      },
    );

    it('reads well on a desktop too', { timeout: 120_000 }, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/national-report`);
      await chooseLanguage(page, 'en');
      await expectHeading(page, en.title);
      await reportShown(page);
      await screenshot(page, 'national-report-1280-en');
      const violations = await seriousViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      expect(await regionListCut(page), 'the region list cuts a name in en').toBe(false);

      // Region names in Kazakh and Russian are the longest the list holds.
      await page.locator('#report-region').selectOption(EAST_KAZAKHSTAN);
      for (const language of ['kk', 'ru'] as const) {
        await chooseLanguage(page, language);
        await reportShown(page);
        expect(await regionListCut(page), `the region list cuts a name in ${language}`).toBe(false);
        await screenshot(page, `national-report-1280-${language}`);
      }
      await context.close();
    });
  },
);
