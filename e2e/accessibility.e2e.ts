import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import en from '../locales/en.json' with { type: 'json' };
import kk from '../locales/kk.json' with { type: 'json' };
import ru from '../locales/ru.json' with { type: 'json' };
import { browserMissing, launchBrowser, seriousViolations, describeViolations } from './support/browser.js';
import {
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

const TEXT = { kk, ru, en };
type Language = keyof typeof TEXT;
type Strings = (typeof TEXT)[Language];
const LANGUAGES: Language[] = ['kk', 'ru', 'en'];

/** A desktop and the narrowest phone the interface is built for. */
const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 360, height: 740 },
];

interface PageUnderTest {
  name: string;
  path: string;
  /** The <h1> the page shows in a language. */
  heading: (text: Strings) => string;
  /** Waits until what the page loads is on screen. */
  ready?: (page: Page) => Promise<void>;
}

/** Every page of the signed-in shell there is so far: one built section each, a placeholder, a 404. */
const SIGNED_IN_PAGES: PageUnderTest[] = [
  {
    name: 'map',
    path: '/map',
    heading: (text) => text.map.title,
    ready: async (page) => {
      await page.locator('.region-map canvas.maplibregl-canvas').waitFor();
      await page.locator('.region-table tbody tr').nth(19).waitFor();
      await waitForMapIdle(page);
    },
  },
  {
    name: 'admin-users',
    path: '/admin',
    heading: (text) => text.sections.admin,
    ready: (page) => page.locator('.user-table tbody tr').first().waitFor(),
  },
  {
    // Audit log: a section an administrator may open that is not built yet.
    name: 'placeholder',
    path: '/audit',
    heading: (text) => text.sections.audit,
    ready: (page) => page.locator('.notice').waitFor(),
  },
  { name: 'not-found', path: '/no-such-page', heading: (text) => text.notFound.title },
];

/** The checks every page gets: its language, axe-core, and no sideways scrolling on a phone. */
async function checkPage(page: Page, name: string, language: Language, width: number): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.lang), `${name} ${language}`).toBe(language);
  const violations = await seriousViolations(page);
  expect(violations, `${name} in ${language} at ${width} px:\n${describeViolations(violations)}`).toEqual([]);
  if (width <= 360) expect(await scrollsSideways(page), `${name} in ${language} scrolls sideways at ${width} px`).toBe(false);
  await screenshot(page, `a11y-${name}-${language}-${width}`);
}

describe.skipIf(browserMissing)(
  storyTitle('accessibility: axe-core finds nothing serious on any page in kk, ru and en, at 1280 and 360 px'),
  () => {
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      browser = await launchBrowser();
      page = await (await browser.newContext({ viewport: WIDTHS[0] })).newPage();
    });

    afterAll(async () => {
      await browser?.close();
    });

    it('the sign-in page, empty and with its error summary', { timeout: 120_000 }, async () => {
      await page.goto(`${baseUrl}/`);
      for (const language of LANGUAGES) {
        await chooseLanguage(page, language);
        for (const size of WIDTHS) {
          await page.setViewportSize(size);
          await expectHeading(page, TEXT[language].auth.signInTitle);
          await checkPage(page, 'sign-in', language, size.width);
        }
        // Submitting nothing shows the error summary and the fields' messages.
        await page.locator('form.sign-in-form button[type="submit"]').click();
        await page.locator('.error-summary').waitFor();
        await checkPage(page, 'sign-in-errors', language, page.viewportSize()?.width ?? 0);
        await page.reload();
      }
    });

    it('signs in as the administrator, who can open every kind of page', async () => {
      await page.setViewportSize(WIDTHS[0]!);
      await page.goto(`${baseUrl}/`);
      await signIn(page, baseUrl, demoAccount('admin'));
    });

    for (const language of LANGUAGES) {
      it(`every signed-in page in ${language}`, { timeout: 120_000 }, async () => {
        await chooseLanguage(page, language);
        for (const size of WIDTHS) {
          await page.setViewportSize(size);
          for (const target of SIGNED_IN_PAGES) {
            await page.goto(`${baseUrl}${target.path}`);
            await expectHeading(page, target.heading(TEXT[language]));
            await target.ready?.(page);
            await checkPage(page, target.name, language, size.width);
          }
        }

        // On a phone the sections fold behind the menu button; open, it is checked as well.
        await page.setViewportSize(WIDTHS[1]!);
        await page.goto(`${baseUrl}/audit`);
        const toggle = page.locator('.section-nav__toggle');
        await toggle.click();
        expect(await toggle.getAttribute('aria-expanded')).toBe('true');
        await page.locator('.section-nav__link').first().waitFor({ state: 'visible' });
        await checkPage(page, 'menu-open', language, WIDTHS[1]!.width);

        // The new-user form with every jurisdiction list showing.
        await page.setViewportSize(WIDTHS[0]!);
        await page.goto(`${baseUrl}/admin`);
        await page.getByRole('button', { name: TEXT[language].admin.create }).click();
        await page.locator('#new-user-jurisdiction-level').selectOption('beat');
        await page.locator('#new-user-jurisdiction-regionId').selectOption('750000000');
        await expect.poll(() => page.locator('#new-user-jurisdiction-districtId option').count()).toBeGreaterThan(1);
        await page.locator('#new-user-jurisdiction-districtId').selectOption('751210000');
        await expect.poll(() => page.locator('#new-user-jurisdiction-beatId option').count()).toBeGreaterThan(1);
        await page.getByRole('button', { name: TEXT[language].admin.createSubmit }).click();
        await page.locator('.error-summary').waitFor();
        for (const size of WIDTHS) {
          await page.setViewportSize(size);
          await checkPage(page, 'admin-create-errors', language, size.width);
        }
      });
    }
  },
);
