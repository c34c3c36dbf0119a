import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import en from '../locales/analytics/en.json' with { type: 'json' };
import kk from '../locales/analytics/kk.json' with { type: 'json' };
import { browserMissing, launchBrowser, seriousViolations } from './support/browser.js';
import {
  checkEveryWay,
  chooseLanguage,
  demoAccount,
  expectHeading,
  screenshot,
  scrollsSideways,
  signIn,
  storyTitle,
} from './support/stories.js';

const baseUrl = inject('baseUrl');
const TEXT = { kk, en };
const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 360, height: 740 },
];

type View = keyof typeof en.views;

/** What each view shows once loaded. */
const READY: Record<View, (page: Page) => Promise<void>> = {
  situation: (page) => page.locator('.analytics-situation__areas tbody tr').first().waitFor({ timeout: 30_000 }),
  hotspots: async (page) => {
    await page.locator('.analytics-scroll table tbody tr').first().waitFor({ timeout: 60_000 });
    await page.locator('.region-map[data-map-state="idle"]').waitFor({ timeout: 30_000 });
  },
  forecast: async (page) => {
    await page.locator('.analytics-forecast__evaluation tbody tr').nth(3).waitFor({ timeout: 120_000 });
    await page.locator('.analytics-forecast__cells .region-map[data-map-state="idle"]').waitFor({ timeout: 30_000 });
  },
  timePatterns: (page) => page.locator('.analytics-heat tbody tr').nth(23).waitFor({ timeout: 60_000 }),
  indicators: (page) => page.locator('.analytics-scroll tbody tr').nth(4).waitFor({ timeout: 30_000 }),
  clearance: (page) => page.locator('.analytics-scroll tbody tr').first().waitFor({ timeout: 30_000 }),
  rating: (page) => page.locator('.analytics-scroll tbody tr').nth(19).waitFor({ timeout: 30_000 }),
  report: (page) => page.locator('.analytics-report__period').waitFor({ timeout: 60_000 }),
};

async function openView(page: Page, language: 'kk' | 'en', view: View): Promise<void> {
  await page.getByRole('button', { name: TEXT[language].views[view], exact: true }).click();
  await expect.poll(() => page.locator('#analytics-view-title').textContent()).toBe(TEXT[language].views[view]);
  await READY[view](page);
}

describe.skipIf(browserMissing)(
  storyTitle('an analyst reads hot spots, time patterns, indicators and the akim rating, and downloads the National Report'),
  () => {
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      browser = await launchBrowser();
      page = await (await browser.newContext({ viewport: WIDTHS[0], acceptDownloads: true })).newPage();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('signs in and opens the analytics section', { timeout: 60_000 }, async () => {
      await page.goto(`${baseUrl}/`);
      await signIn(page, baseUrl, demoAccount('analyst'));
      await page.goto(`${baseUrl}/analytics`);
      await chooseLanguage(page, 'en');
      await expectHeading(page, en.title);
    });

    it('finds the evening peak in the heat map and the demo data marked as such', { timeout: 120_000 }, async () => {
      await openView(page, 'en', 'timePatterns');
      // The demo history puts most offences in the evening: 19:00–21:00 beats 04:00–06:00 every day.
      const rows = await page
        .locator('.analytics-heat tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('td')].reduce((sum, td) => sum + Number(td.textContent), 0)),
        );
      expect(rows[20]!).toBeGreaterThan(rows[5]! * 2);
      await openView(page, 'en', 'indicators');
      await expect.poll(() => page.locator('.notice--warning').first().textContent()).toBe(en.demoData);
    });

    it(
      'runs a forecast: flagged squares on a map and in a list, beside every model’s back-test and the caveats',
      { timeout: 180_000 },
      async () => {
        await openView(page, 'en', 'forecast');
        const squares = await page.locator('.analytics-forecast__cells tbody tr').count();
        expect(squares).toBeGreaterThan(0);
        const models = await page.locator('.analytics-forecast__evaluation tbody th').allTextContents();
        expect(models).toEqual(Object.values(en.forecast.models));
        // The verdict names the self-exciting model's catch and the best baseline's, whichever won.
        await expect.poll(() => page.locator('.analytics-forecast__verdict').textContent()).toMatch(/\d+(\.\d)?%.*\d+(\.\d)?%/);
        await page.getByRole('heading', { name: en.forecast.caveatsTitle }).waitFor();
        await page.locator('#forecast-model').selectOption('long-term-average');
        await expect
          .poll(() => page.locator('#forecast-cells-title').textContent(), { timeout: 120_000 })
          .toContain(en.forecast.models['long-term-average']);
        await screenshot(page, 'analyst-forecast-long-term-average-en-1280');
        await page.locator('#forecast-model').selectOption('etas');
        await READY.forecast(page);
        // The analyst's own choices: 1 km squares, the next four weeks, four periods tested, 1% of the area.
        await page.locator('#forecast-cell-size').selectOption('1000');
        await page.locator('#forecast-horizon').selectOption('28');
        await page.locator('#forecast-periods').selectOption('4');
        await page.locator('#forecast-share').selectOption('0.01');
        const evaluation = page.locator('.analytics-forecast__evaluation');
        await expect
          .poll(() => evaluation.locator('thead').textContent(), { timeout: 120_000 })
          .toContain(en.forecast.pai.replace('{{share}}', '1%'));
        await expect.poll(() => evaluation.locator('p').first().textContent(), { timeout: 120_000 }).toContain('last 4 periods');
        await expect.poll(() => page.locator('.analytics-forecast__summary').textContent()).toContain('of 1000 m');
        // Flagging 1% only: every listed square is in the top 1%.
        const flagged = await page.locator('.analytics-forecast__cells tbody td:nth-child(4)').allTextContents();
        expect(new Set(flagged)).toEqual(new Set(['1%']));
        await checkEveryWay(page, 'analyst-forecast-options', () => READY.forecast(page));
      },
    );

    it(
      'the commander’s situation board counts a new report the moment it arrives, without a reload',
      { timeout: 120_000 },
      async () => {
        const commander = await (await browser.newContext({ viewport: WIDTHS[1] })).newPage();
        await commander.goto(`${baseUrl}/`);
        await signIn(commander, baseUrl, demoAccount('supervisor.almaty'));
        await commander.goto(`${baseUrl}/analytics`);
        await chooseLanguage(commander, 'en');
        await READY.situation(commander);
        await commander.locator('[data-feed="open"]').waitFor({ timeout: 30_000 });
        const figure = async (name: string) => Number(await commander.locator(`[data-figure="${name}"]`).textContent());
        const [open, today] = [await figure('open'), await figure('today')];
        await commander.evaluate(() => Object.assign(window, { sameDocument: true }));
        const response = await fetch(`${baseUrl}/api/v1/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            category: 'robbery',
            description: 'Situation board story: a bag snatched at the bus stop',
            location: { type: 'Point', coordinates: [76.9458, 43.2383] },
          }),
        });
        expect(response.status).toBe(201);
        await expect.poll(() => figure('open'), { timeout: 20_000 }).toBe(open + 1);
        expect(await figure('today')).toBe(today + 1);
        await expect.poll(() => commander.locator('[role="status"]').textContent()).toContain('(+1)');
        expect(await commander.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
        expect(await scrollsSideways(commander)).toBe(false);
        await screenshot(commander, 'analyst-situation-commander-en-360');
        await commander.context().close();
      },
    );

    it('the clearance rate is the share its own table adds up to', { timeout: 60_000 }, async () => {
      await openView(page, 'en', 'clearance');
      const total = await page
        .locator('.analytics-scroll tbody tr')
        .last()
        .locator('td')
        .evaluateAll((tds) => tds.map((td) => td.textContent ?? ''));
      const [reported, clearedByEnd] = total.map((text) => Number(text.replace(/,/g, '')));
      expect(reported).toBeGreaterThan(0);
      expect(total[5]).toBe(`${Math.round((clearedByEnd! / reported!) * 1000) / 10}%`);
    });

    it('downloads the National Report as a PDF', { timeout: 120_000 }, async () => {
      await openView(page, 'en', 'report');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('.analytics-downloads a').first().click(),
      ]);
      const file = await download.path();
      const bytes = fs.readFileSync(file);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.length).toBeGreaterThan(10_000);
      expect(download.suggestedFilename()).toMatch(/^aman-national-report-\d{4}-kk\.pdf$/);
    });

    it(
      'states the period the report compares, and gives no change where the data do not cover it',
      { timeout: 120_000 },
      async () => {
        await openView(page, 'en', 'report');
        const period = page.locator('.analytics-report__period');
        // The demo history covers the last 24 months: last year's previous year only in part, this year's in full.
        await expect
          .poll(() => period.textContent())
          .toContain('No comparison: the previous year is not fully covered by the data.');
        expect(await page.locator('.analytics-report thead th', { hasText: en.report.change }).count()).toBe(0);
        // The server counts days in Kazakhstan time (UTC+5); on 1 January no whole day of the year has passed.
        const almaty = new Date(Date.now() + 5 * 3_600_000);
        const thisYear = almaty.getUTCFullYear();
        const firstOfJanuary = almaty.getUTCMonth() === 0 && almaty.getUTCDate() === 1;
        await page.getByLabel(en.year, { exact: true }).selectOption(String(thisYear));
        await expect
          .poll(() => period.textContent(), { timeout: 60_000 })
          .toContain(
            firstOfJanuary
              ? 'No whole day of this year has passed yet; no comparison.'
              : `Compared with the same days of the previous year: 1 January ${thisYear - 1} – `,
          );
        if (!firstOfJanuary) {
          expect(await page.locator('.analytics-report thead th', { hasText: en.report.change }).count()).toBeGreaterThan(5);
        }
        for (const size of WIDTHS) {
          await page.setViewportSize(size);
          expect(await scrollsSideways(page)).toBe(false);
          await screenshot(page, `analyst-report-compared-en-${size.width}`);
        }
        await page.setViewportSize(WIDTHS[0]!);
        await page.getByLabel(en.year, { exact: true }).selectOption(String(thisYear - 1));
      },
    );

    for (const language of ['kk', 'en'] as const) {
      it(
        `every view passes axe-core in ${language} at 1280 and 360 px, without sideways scrolling`,
        { timeout: 300_000 },
        async () => {
          await chooseLanguage(page, language);
          for (const size of WIDTHS) {
            await page.setViewportSize(size);
            for (const view of Object.keys(READY) as View[]) {
              await openView(page, language, view);
              const violations = await seriousViolations(page);
              expect(
                violations,
                `${view} ${language} ${size.width}: ${violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('; ')}`,
              ).toEqual([]);
              if (size.width <= 360) expect(await scrollsSideways(page), `${view} ${language} scrolls sideways`).toBe(false);
              await screenshot(page, `analyst-${view}-${language}-${size.width}`);
            }
          }
        },
      );
    }
  },
);
