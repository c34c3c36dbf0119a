import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import en from '../locales/analytics/en.json' with { type: 'json' };
import { browserMissing, launchBrowser } from './support/browser.js';
import { chooseLanguage, demoAccount, screenshot, signIn, storyTitle } from './support/stories.js';

const baseUrl = inject('baseUrl');

describe.skipIf(browserMissing)(storyTitle('an analyst watches a new report join the hot spots without a reload'), () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('counts the report in the hot spots’ incidents within seconds, in the same page', { timeout: 120_000 }, async () => {
    await page.goto(`${baseUrl}/`);
    await signIn(page, baseUrl, demoAccount('analyst'));
    await page.goto(`${baseUrl}/analytics`);
    await chooseLanguage(page, 'en');
    await page.getByRole('button', { name: en.views.hotspots, exact: true }).click();
    const caption = page.locator('.analytics-scroll table caption');
    await caption.waitFor({ timeout: 60_000 });
    // "The 20 strongest of 1836 hot spots (42180 incidents analysed)"
    const analysed = async () => Number(/\((\d+)/.exec((await caption.textContent()) ?? '')?.[1]);
    const before = await analysed();
    const updated = await page.locator('.analytics-hotspots__updated').textContent();
    expect(updated).toMatch(/^Updated \d{2}:\d{2}$/);
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    const response = await fetch(`${baseUrl}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        category: 'robbery',
        description: 'Hot spots story: a phone snatched at the bus stop',
        location: { type: 'Point', coordinates: [76.9458, 43.2383] },
      }),
    });
    expect(response.status).toBe(201);
    await expect.poll(analysed, { timeout: 20_000 }).toBe(before + 1);
    expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await screenshot(page, 'analyst-live-hotspots-en-1280');
  });
});
