import path from 'node:path';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import en from '../locales/en.json' with { type: 'json' };
import kk from '../locales/kk.json' with { type: 'json' };
import { browserMissing, launchBrowser, seriousViolations, describeViolations } from './support/browser.js';
import { chooseLanguage, expectHeading, SCREENSHOT_DIR, screenshot, scrollsSideways, storyTitle } from './support/stories.js';

const baseUrl = inject('baseUrl');

/** A common phone (iPhone 12–15 size), touch screen and all. */
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
const ASTANA = { latitude: 51.1283, longitude: 71.4305 };
/** A real PNG: the server checks a file by its content, not its name. */
const PHOTO = path.join(import.meta.dirname, '..', 'web', 'public', 'icon-192.png');

async function expectAccessible(page: Page, name: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
  expect(await scrollsSideways(page), `${name} scrolls sideways`).toBe(false);
}

/** The call for help comes before anything else on the page, with both numbers as call links. */
async function expectEmergencyCallFirst(page: Page, title: string): Promise<void> {
  const call = page.locator('main .emergency-call');
  await expect.poll(() => call.locator('.emergency-call__title').textContent()).toBe(title);
  expect(await call.locator('a[href="tel:102"]').count()).toBe(1);
  expect(await call.locator('a[href="tel:112"]').count()).toBe(1);
  const callTop = (await call.boundingBox())!.y;
  const headingTop = (await page.locator('h1').boundingBox())!.y;
  expect(callTop).toBeLessThan(headingTop);
  const button = (await call.locator('a[href="tel:102"]').boundingBox())!;
  expect(button.height).toBeGreaterThanOrEqual(48); // a big touch target
}

/** Answers from POST /api/v1/reports: how many filed a new report, how many were replays. */
function countReportAnswers(page: Page): { created: number; replayed: number } {
  const counts = { created: 0, replayed: 0 };
  page.on('response', (response: Response) => {
    const request = response.request();
    if (request.method() !== 'POST' || !new URL(response.url()).pathname.endsWith('/api/v1/reports')) return;
    if (response.status() !== 201) return;
    if (response.headers()['idempotent-replayed'] === 'true') counts.replayed++;
    else counts.created++;
  });
  return counts;
}

async function fillReport(page: Page, description: string): Promise<void> {
  await page.locator('#report-category').selectOption('noise');
  await page.locator('#report-description').fill(description);
  await page.locator('#report-media').setInputFiles(PHOTO);
  await expect.poll(() => page.locator('.media-field__name').allTextContents()).toEqual(['icon-192.png']);
}

/** Every byte stored in the queue's IndexedDB records, decoded as text: what someone holding the phone could read. */
function queueStorageText(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const opened = indexedDB.open('aman-report-queue');
        opened.onerror = () => reject(new Error('cannot open the queue database'));
        opened.onsuccess = () => {
          const all = opened.result.transaction('reports').objectStore('reports').getAll();
          all.onsuccess = () =>
            resolve(
              JSON.stringify(all.result, (_, value: unknown) =>
                value instanceof ArrayBuffer ? new TextDecoder().decode(value) : value,
              ),
            );
        };
      }),
  );
}

describe.skipIf(browserMissing)(storyTitle('a citizen reports an incident from a phone and follows it'), () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('calls for help first, files a report with a photo and a place found by address and picked on the map, and tracks it', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const answers = countReportAnswers(page);
    await page.goto(`${baseUrl}/report`);
    await expectHeading(page, kk.report.title);
    await expectEmergencyCallFirst(page, kk.report.emergency.title);
    await page.locator('#report-category option[value="noise"]').waitFor({ state: 'attached' });
    await screenshot(page, 'report-390-kk');
    // What a phone shows before any scrolling: the call for help and the start of the form.
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'report-390x844-kk-first-screen.png') });
    await expectAccessible(page, '/report in kk at 390 px');

    await chooseLanguage(page, 'en');
    await expectHeading(page, en.report.title);
    await expectEmergencyCallFirst(page, en.report.emergency.title);

    // Sending an empty form lists what is missing, each problem linked to its field.
    await page.locator('.report-form__submit').click();
    await page.locator('.error-summary').waitFor();
    const problems = await page.locator('.error-summary__list a').allTextContents();
    expect(problems).toEqual([
      en.report.errors.categoryRequired,
      en.report.errors.descriptionRequired,
      en.report.errors.locationRequired,
    ]);
    await screenshot(page, 'report-390-en-errors');
    await expectAccessible(page, '/report with errors in en at 390 px');

    await fillReport(page, 'Loud music and shouting in the courtyard after midnight');
    await page.locator('#report-address').fill('Алматы');
    await page.locator('.address-search__button').click();
    await page.locator('.address-search__result').first().click();
    await expect.poll(() => page.locator('.chosen-place__title').textContent()).toBe(en.report.location.chosen.address);

    await page.locator('.location-field__map button').click();
    const map = page.locator('.location-map__canvas[data-map-state="idle"]');
    await map.waitFor({ timeout: 20_000 });
    await map.click(); // the middle of the map, where the address search took it
    await expect.poll(() => page.locator('.chosen-place__title').textContent()).toBe(en.report.location.chosen.map);
    await expect.poll(() => page.locator('.chosen-place__detail').count()).toBeGreaterThan(0); // region and district
    await screenshot(page, 'report-390-en-map');
    await expectAccessible(page, '/report with the map open in en at 390 px');

    await page.locator('#report-contact-anonymous').check();
    await page.locator('.report-form__submit').click();
    const code = page.locator('.tracking-code');
    await code.waitFor();
    const trackingCode = (await code.getAttribute('data-code'))!;
    expect(trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(await page.locator('.report-result .copy-button, .report-result button').count()).toBeGreaterThan(0);
    await screenshot(page, 'report-390-en-sent');
    expect(answers).toEqual({ created: 1, replayed: 0 });

    await page.locator(`.report-result a[href="/track/${trackingCode}"]`).click();
    await expectHeading(page, en.report.track.title);
    await expectEmergencyCallFirst(page, en.report.emergency.title);
    const status = page.locator('.report-status [data-status]');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('new');
    expect((await status.textContent())?.trim()).toBe(en.report.status.new);
    await screenshot(page, 'track-390-en');
    await expectAccessible(page, '/track/{code} in en at 390 px');

    await chooseLanguage(page, 'kk');
    await expect.poll(async () => (await status.textContent())?.trim()).toBe(kk.report.status.new);
    await page.goto(`${baseUrl}/track`);
    await expectHeading(page, kk.report.track.title);
    await expectAccessible(page, '/track in kk at 390 px');
    await context.close();
  });

  it('keeps a report and its photo written offline on the phone, encrypted, and sends it exactly once when back online', async () => {
    const context: BrowserContext = await browser.newContext({
      ...PHONE,
      geolocation: ASTANA,
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    const answers = countReportAnswers(page);
    await page.goto(`${baseUrl}/report`);
    await chooseLanguage(page, 'en');
    await expectHeading(page, en.report.title);
    // The service worker keeps the app: once it controls the page, /report opens without a network.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
    await context.setOffline(true);
    await page.reload();
    await expectHeading(page, en.report.title);
    await expectEmergencyCallFirst(page, en.report.emergency.title);
    await page.locator('#report-category option[value="noise"]').waitFor({ state: 'attached' });

    const description = 'Car alarm going off for an hour on Kenesary street';
    await fillReport(page, description);
    await page.locator('#report-location').click(); // the phone's own position needs no network
    await expect.poll(() => page.locator('.chosen-place__title').textContent()).toBe(en.report.location.chosen.gps);
    await page.locator('.report-form__submit').click();
    await page.locator('.report-result--queued').waitFor();
    expect(await page.locator('.report-result--queued').textContent()).toContain(en.report.queued.offline);
    const queued = page.locator('.queued-report');
    await expect.poll(() => queued.getAttribute('data-state')).toBe('pending');
    await screenshot(page, 'report-390-en-queued');
    await expectAccessible(page, '/report with a queued report in en at 390 px');

    const stored = await queueStorageText(page);
    for (const secret of [description, 'noise', String(ASTANA.latitude), 'icon-192', 'image/png', 'IHDR'])
      expect(stored).not.toContain(secret);

    await context.setOffline(false); // the page hears `online` and sends what waits
    await expect.poll(() => queued.getAttribute('data-state'), { timeout: 20_000 }).toBe('sent');
    const link = queued.locator('a.queued-report__code');
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/track\/[0-9A-HJKMNP-TV-Z]{10}$/);

    // Opening the site again sends nothing more: the report was filed once.
    await page.reload();
    await expect.poll(() => page.locator('.queued-report').getAttribute('data-state')).toBe('sent');
    expect(answers.created).toBe(1);
    const status = await page.evaluate(async (path) => (await fetch(`/api/v1/reports/${path.split('/').pop()}`)).json(), href);
    expect(status).toMatchObject({ status: 'new', category: 'noise' });

    await page.locator('a.queued-report__code').click();
    await expectHeading(page, en.report.track.title);
    await page.locator('.report-status [data-status="new"]').waitFor();
    await context.close();
  });
});
