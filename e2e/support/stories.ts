import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD, demoTotpSecret, totpCode } from '../../server/modules/identity/index.js';
import { browserMissing, describeViolations, seriousViolations } from './browser.js';

export { DEMO_PASSWORD };

/** A story's title, saying why it is skipped when this machine has no browser. */
export function storyTitle(title: string): string {
  return browserMissing ? `${title} — skipped: ${browserMissing}` : title;
}

export const SCREENSHOT_DIR = path.join(import.meta.dirname, '..', 'screenshots');

/** Saves a full-page screenshot as e2e/screenshots/<name>.png (git-ignored) for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export interface Account {
  username: string;
  password: string;
  totpSecret: string;
}

/** A demo account from the README (seeded with the demo data). */
export function demoAccount(username: string): Account {
  return { username, password: DEMO_PASSWORD, totpSecret: demoTotpSecret(username) };
}

const STEP_MS = 30_000;

/**
 * The server accepts each account's code once per 30-second step (and no older step after a newer
 * one), and the stories run one after another in separate processes. The last step used for each
 * account is kept in a file beside the server's address, so a second sign-in waits for a new step
 * instead of being refused.
 */
function stepFile(baseUrl: string): string {
  const key = crypto.createHash('sha256').update(baseUrl).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `aman-e2e-totp-steps-${key}.json`);
}

function readSteps(file: string): Record<string, number> {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

/** A TOTP code for a step the server has not seen used for this account; waits for one if needed. */
export async function freshTotpCode(baseUrl: string, account: Account): Promise<string> {
  const file = stepFile(baseUrl);
  const lastUsed = readSteps(file)[account.username] ?? -1;
  let step = Math.floor(Date.now() / STEP_MS);
  if (step <= lastUsed) {
    step = lastUsed + 1;
    await new Promise((resolve) => setTimeout(resolve, step * STEP_MS - Date.now() + 200));
  }
  fs.writeFileSync(file, JSON.stringify({ ...readSteps(file), [account.username]: step }));
  return totpCode(account.totpSecret, new Date(step * STEP_MS + 1000));
}

/** Signs in through the sign-in form, as a person would, and waits for the signed-in header. */
export async function signIn(page: Page, baseUrl: string, account: Account): Promise<void> {
  await page.locator('#sign-in-username').fill(account.username);
  await page.locator('#sign-in-password').fill(account.password);
  await page.locator('#sign-in-code').fill(await freshTotpCode(baseUrl, account));
  await page.locator('form.sign-in-form button[type="submit"]').click();
  await page.locator('.site-header .user-summary').waitFor();
}

/** Switches the interface language with the switcher in the header and waits for <html lang>. */
export async function chooseLanguage(page: Page, language: 'kk' | 'ru' | 'en'): Promise<void> {
  await page.locator(`.language-switcher button[lang="${language}"]`).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
}

/** The text of the page's one <h1>, once it is there. */
export async function headingText(page: Page): Promise<string> {
  const heading = page.locator('h1');
  await heading.waitFor();
  return (await heading.textContent())?.trim() ?? '';
}

/** Waits until the page's <h1> reads as expected (pages change after a click, not at once). */
export async function expectHeading(page: Page, expected: string): Promise<void> {
  await expect.poll(() => headingText(page), { timeout: 10_000 }).toBe(expected);
}

/** Waits until the region map has drawn everything it has (MapLibre says it is idle). */
export async function waitForMapIdle(page: Page): Promise<void> {
  await page.locator('.region-map[data-map-state="idle"]').waitFor({ timeout: 20_000 });
}

/** Whether the page is wider than the window, so that a person has to scroll sideways. */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** The session cookie's value in this page's browser context, or null. */
export async function sessionCookie(page: Page): Promise<string | null> {
  const cookies = await page.context().cookies();
  return cookies.find((cookie) => cookie.name === '__Host-aman_session')?.value ?? null;
}

/** The two widths every page is checked at: a desktop console and a phone. */
export const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 360, height: 740 },
];

/**
 * axe-core and no sideways scrolling, in kk and en, at 1280 and 360 px, after `ready` each time;
 * a screenshot of each, named `<name>-<language>-<width>`. Leaves the page in English at 1280 px.
 */
export async function checkEveryWay(page: Page, name: string, ready: () => Promise<void>): Promise<void> {
  for (const language of ['kk', 'en'] as const) {
    await chooseLanguage(page, language);
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      await ready();
      const violations = await seriousViolations(page);
      expect(violations, `${name} ${language} ${size.width}:\n${describeViolations(violations)}`).toEqual([]);
      if (size.width <= 360) expect(await scrollsSideways(page), `${name} ${language} scrolls sideways`).toBe(false);
      await screenshot(page, `${name}-${language}-${size.width}`);
    }
  }
  await chooseLanguage(page, 'en');
  await page.setViewportSize(WIDTHS[0]!);
}

/** A call to the API from inside the signed-in page, so it carries the session and our Origin; a failure fails the story. */
export async function apiFromPage(page: Page, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await page.evaluate(
    async ({ method, path, body }) => {
      const r = await fetch(path, {
        method,
        credentials: 'include',
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.status, body: (await r.json().catch(() => ({}))) as Record<string, unknown> };
    },
    { method, path, body },
  );
  expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
  return response.body;
}
