import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sectionsForRoles } from '../common/sections.js';
import en from '../locales/en.json' with { type: 'json' };
import kk from '../locales/kk.json' with { type: 'json' };
import ru from '../locales/ru.json' with { type: 'json' };
import { browserMissing, launchBrowser } from './support/browser.js';
import {
  chooseLanguage,
  demoAccount,
  expectHeading,
  screenshot,
  sessionCookie,
  signIn,
  storyTitle,
  waitForMapIdle,
} from './support/stories.js';

const baseUrl = inject('baseUrl');
const ALMATY = '750000000';
const SHYMKENT = '790000000';

/** The visible names of the section links in the shell's navigation. */
async function sectionLinks(page: Page): Promise<string[]> {
  await page.locator('.section-nav__link').first().waitFor();
  return (await page.locator('.section-nav__link').allTextContents()).map((text) => text.trim());
}

/** GET /api/v1/auth/me from inside the page, with whatever cookie the browser holds. */
function meStatus(page: Page): Promise<number> {
  return page.evaluate(async () => (await fetch('/api/v1/auth/me', { credentials: 'include' })).status);
}

/**
 * What share of the map's pixels are region white, the pale outside and the dark outlines, read
 * from a screenshot of the map (a WebGL canvas cannot be read back directly).
 */
async function mapColourShares(page: Page): Promise<{ regions: number; outside: number; outlines: number }> {
  const png = (await page.locator('.region-map').screenshot()).toString('base64');
  return page.evaluate(async (data) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const near = (i: number, [r, g, b]: number[]) =>
      Math.abs(pixels[i]! - r!) + Math.abs(pixels[i + 1]! - g!) + Math.abs(pixels[i + 2]! - b!) < 30;
    let regions = 0;
    let outside = 0;
    let outlines = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (near(i, [255, 255, 255])) regions++;
      else if (near(i, [0xdb, 0xe4, 0xec])) outside++;
      else if (pixels[i]! + pixels[i + 1]! + pixels[i + 2]! < 200) outlines++;
    }
    const total = pixels.length / 4;
    return { regions: regions / total, outside: outside / total, outlines: outlines / total };
  }, png);
}

describe.skipIf(browserMissing)(
  storyTitle('sign in with TOTP, switch language, see the region map and its list alternative, sign out'),
  () => {
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      browser = await launchBrowser();
      context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      page = await context.newPage();
    });

    afterAll(async () => {
      await browser?.close();
    });

    it('signs an operator in with a TOTP code and shows only the sections the role allows', async () => {
      await page.goto(`${baseUrl}/`);
      await expectHeading(page, kk.auth.signInTitle);
      // Kazakh is the default of a browser that has chosen nothing yet.
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('kk');
      // Chosen on purpose, it is also saved to the account at sign-in, whatever an earlier run left there.
      await chooseLanguage(page, 'kk');
      await screenshot(page, 'story-sign-in-kk-1280');

      await signIn(page, baseUrl, demoAccount('operator.almaty'));

      // The shell opens the first section the server granted: the map.
      await page.waitForURL(`${baseUrl}/map`);
      await expectHeading(page, kk.map.title);
      const operatorSections = sectionsForRoles(['operator']);
      expect(await sectionLinks(page)).toEqual(operatorSections.map((section) => kk.sections[section]));
      expect(operatorSections).not.toContain('admin');
      expect(await page.locator('.site-header .user-summary').textContent()).toContain('Оператор Данияр');
      // Numbers are written the Kazakh way (2 347 924), even where the browser's own kk data is thin.
      const almatyRow = page.locator('.region-table tbody tr', { hasText: 'KZ-75' });
      await almatyRow.waitFor();
      expect((await almatyRow.locator('td.table__numeric').textContent())?.replace(/\s/g, ' ')).toMatch(/^\d \d{3} \d{3}$/);

      // Typing the admin address does not open it either.
      await page.goto(`${baseUrl}/admin`);
      await expectHeading(page, kk.notFound.title);
      await page.locator('.section-nav__link', { hasText: kk.sections.map }).click();
      await expectHeading(page, kk.map.title);
    });

    it('switches the language: visible text and <html lang> change, and the choice survives a reload', async () => {
      await chooseLanguage(page, 'ru');
      await expectHeading(page, ru.map.title);
      expect(await sectionLinks(page)).toEqual(sectionsForRoles(['operator']).map((section) => ru.sections[section]));
      expect(await page.locator('.sign-out button').textContent()).toBe(ru.auth.signOut);

      await page.reload();
      await expectHeading(page, ru.map.title);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
      // Saved to the account too, so it follows the operator to another browser.
      const me = await page.evaluate(async () => (await (await fetch('/api/v1/auth/me')).json()) as { language: string });
      expect(me.language).toBe('ru');
    });

    it('keeps the language shown and says why when another language cannot be downloaded', async () => {
      // Without the service worker, which would answer from its cache: this is a first visit offline.
      const fresh = await browser.newContext({ viewport: { width: 360, height: 780 }, serviceWorkers: 'block' });
      const visitor = await fresh.newPage();
      await visitor.route(/\/ru-[\w-]+\.js$/, (route) => route.abort('internetdisconnected'));
      await visitor.goto(`${baseUrl}/`);
      await expectHeading(visitor, kk.auth.signInTitle);
      await visitor.locator('.language-switcher button[lang="ru"]').click();
      const failure = visitor.locator('.language-switcher__error');
      await failure.waitFor();
      expect(await failure.textContent()).toBe(kk.language.loadFailed.replace('{{language}}', 'Русский'));
      expect(await visitor.evaluate(() => document.documentElement.lang)).toBe('kk');
      expect(await visitor.evaluate(() => window.localStorage.getItem('aman.language'))).toBeNull();

      // Back online, the same button works and the message goes.
      await visitor.unroute(/\/ru-[\w-]+\.js$/);
      await chooseLanguage(visitor, 'ru');
      await expectHeading(visitor, ru.auth.signInTitle);
      expect(await failure.count()).toBe(0);
      await fresh.close();
    });

    it('draws the region map and lists the same 20 regions; choosing one in the list shows its name', async () => {
      const canvas = page.locator('.region-map canvas.maplibregl-canvas');
      await canvas.waitFor();
      const box = await canvas.boundingBox();
      expect(box?.width).toBeGreaterThan(600);
      expect(box?.height).toBeGreaterThan(300);
      expect(await canvas.getAttribute('aria-label')).toBe(ru.map.canvasLabel);
      expect(await page.locator('.region-map--failed').count()).toBe(0);
      await waitForMapIdle(page);
      // Really drawn: white regions with dark outlines on the pale outside, not an empty box.
      await expect.poll(async () => (await mapColourShares(page)).regions, { timeout: 15_000 }).toBeGreaterThan(0.25);
      const shares = await mapColourShares(page);
      expect(shares.regions, JSON.stringify(shares)).toBeGreaterThan(0.25);
      expect(shares.outside, JSON.stringify(shares)).toBeGreaterThan(0.1);
      expect(shares.outlines, JSON.stringify(shares)).toBeGreaterThan(0.005);

      const rows = page.locator('.region-table tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(20);
      expect(await page.locator('.selected-region__empty').textContent()).toBe(ru.map.noneSelected);

      const regions = (await (await fetch(`${baseUrl}/api/v1/geo/regions?lang=ru`)).json()) as { id: string; name: string }[];
      const almaty = regions.find((region) => region.id === ALMATY);
      expect(almaty?.name).toBeTruthy();
      const button = page.locator('.region-table tbody th button', { hasText: almaty!.name });
      await button.click();
      await expect.poll(() => page.locator('.selected-region__name').textContent()).toBe(almaty!.name);
      expect(await button.getAttribute('aria-pressed')).toBe('true');
      // Let the map finish flying to the region before the picture is taken.
      await page.waitForTimeout(100);
      await waitForMapIdle(page);
      await screenshot(page, 'story-map-ru-1280');
    });

    it('signs out: back to the sign-in page, and the old session cookie is refused', async () => {
      const cookie = await sessionCookie(page);
      expect(cookie).toBeTruthy();
      await page.locator('.sign-out button').click();
      await expectHeading(page, ru.auth.signInTitle);
      expect(new URL(page.url()).pathname).toBe('/');
      expect(await meStatus(page)).toBe(401);
      // The server ended the session itself, not only the browser's cookie.
      const replay = await fetch(`${baseUrl}/api/v1/auth/me`, { headers: { cookie: `__Host-aman_session=${cookie}` } });
      expect(replay.status).toBe(401);
      // The language choice outlives the session on this browser.
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    });

    it('shows an administrator the users section that the operator did not see', async () => {
      const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const adminPage = await adminContext.newPage();
        await adminPage.goto(`${baseUrl}/`);
        await chooseLanguage(adminPage, 'en');
        await signIn(adminPage, baseUrl, demoAccount('admin.shymkent'));
        const links = await sectionLinks(adminPage);
        expect(links).toEqual(sectionsForRoles(['admin']).map((section) => en.sections[section]));
        expect(links).toContain(en.sections.admin);
        await adminPage.locator('.section-nav__link', { hasText: en.sections.admin }).click();
        await expectHeading(adminPage, en.sections.admin);
        await adminPage.locator('.user-table tbody tr').first().waitFor();

        // A city's administrator may grant only what lies inside the city.
        await adminPage.getByRole('button', { name: en.admin.create }).click();
        const levels = await adminPage
          .locator('#new-user-jurisdiction-level option')
          .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
        expect(levels).toEqual(['region', 'district', 'beat']);
        const regions = adminPage.locator('#new-user-jurisdiction-regionId');
        await expect.poll(() => regions.locator('option').count()).toBe(2); // "choose a region" and Shymkent
        expect(await regions.inputValue()).toBe(SHYMKENT);
      } finally {
        await adminContext.close();
      }
    });
  },
);
