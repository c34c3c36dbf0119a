import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import dispatchEn from '../locales/dispatch/en.json' with { type: 'json' };
import dispatchKk from '../locales/dispatch/kk.json' with { type: 'json' };
import officerEn from '../locales/officer/en.json' with { type: 'json' };
import officerKk from '../locales/officer/kk.json' with { type: 'json' };
import { browserMissing, launchBrowser, seriousViolations, describeViolations } from './support/browser.js';
import {
  chooseLanguage,
  demoAccount,
  expectHeading,
  screenshot,
  scrollsSideways,
  signIn,
  storyTitle,
} from './support/stories.js';

const baseUrl = inject('baseUrl');

const TEXT = { kk: { dispatch: dispatchKk, officer: officerKk }, en: { dispatch: dispatchEn, officer: officerEn } };
type Language = keyof typeof TEXT;
const LANGUAGES: Language[] = ['kk', 'en'];
const DESKTOP = { width: 1280, height: 900 };
/** The narrowest phone the officer's view is built for, touch screen and all. */
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
/** Almaty, near the Republic Square. */
const ALMATY = { latitude: 43.2383, longitude: 76.9458 };

interface MyUnit {
  id: string;
  callSign: string;
  status: string;
  orders: { assignmentId: string; incidentId: string; status: string } | null;
}

/** axe-core, and no sideways scrolling on a phone; leaves a screenshot to look at. */
async function checkPage(page: Page, name: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
  if ((page.viewportSize()?.width ?? 0) <= 360) expect(await scrollsSideways(page), `${name} scrolls sideways`).toBe(false);
  await screenshot(page, name);
}

/** An API call from inside the signed-in page: same origin, the page's session cookie. */
function callApi<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as T };
    },
    { method, path, body },
  );
}

const unitRow = (page: Page, callSign: string) => page.locator(`.unit-table tr[data-unit="${callSign}"]`);

describe.skipIf(browserMissing)(
  storyTitle(
    'dispatch: the operator watches the board while an officer on a phone takes a call; the commander reads response times',
  ),
  () => {
    let browser: Browser;
    let officerContext: BrowserContext;
    let board: Page;
    let phone: Page;
    let unit: MyUnit;

    beforeAll(async () => {
      browser = await launchBrowser();
      board = await (await browser.newContext({ viewport: DESKTOP })).newPage();
      officerContext = await browser.newContext({ ...PHONE, geolocation: ALMATY, permissions: ['geolocation'] });
      phone = await officerContext.newPage();
    });

    afterAll(async () => {
      await browser?.close();
    });

    it('the operator sees every unit of Almaty on the board, with position ages', { timeout: 120_000 }, async () => {
      await board.goto(`${baseUrl}/`);
      await chooseLanguage(board, 'en');
      await signIn(board, baseUrl, demoAccount('operator.almaty'));
      await board.goto(`${baseUrl}/dispatch`);
      await expectHeading(board, dispatchEn.board.title);
      await expect.poll(() => board.locator('.unit-table tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(5);
      // Every unit of the region and nobody else's: the seed names Almaty's units П-… and ҰГ-….
      const callSigns = await board.locator('.unit-table tbody th').allTextContents();
      expect(callSigns.every((c) => /^(П|ҰГ)-\d{3}/.test(c))).toBe(true);
      await board.locator('.dispatch-map[data-map-state="idle"]').waitFor({ timeout: 30_000 });
    });

    it('the demo officer, on a 360 px phone, sees their unit and shares the position', { timeout: 120_000 }, async () => {
      await phone.goto(`${baseUrl}/`);
      await chooseLanguage(phone, 'en');
      await signIn(phone, baseUrl, demoAccount('officer.almaty'));
      const mine = await callApi<MyUnit[]>(phone, 'GET', '/api/v1/units/mine');
      expect(mine.body.length).toBe(1);
      unit = mine.body[0]!;
      // A rerun against a server already used: finish what an earlier run left.
      if (unit.orders && unit.orders.status !== 'resolved') {
        await callApi(
          phone,
          'POST',
          `/api/v1/incidents/${unit.orders.incidentId}/assignments/${unit.orders.assignmentId}/status`,
          {
            status: 'resolved',
          },
        );
      }
      if (unit.status !== 'available') await callApi(phone, 'POST', `/api/v1/units/${unit.id}/status`, { status: 'available' });
      await phone.goto(`${baseUrl}/incidents`);
      await expectHeading(phone, officerEn.title);
      await phone.locator('.officer-unit__title').getByText(unit.callSign).waitFor();
      await phone.locator('.officer-sharing[data-sharing="sharing"]').waitFor({ timeout: 20_000 });
      // The fix just sent shows on the board as a fresh position.
      await expect
        .poll(async () => (await unitRow(board, unit.callSign).locator('.unit-table__age').textContent()) ?? '', {
          timeout: 15_000,
        })
        .toMatch(/^\d+ s ago/);
    });

    it(
      'the officer accepts an assignment, goes en route and on scene; the board follows live',
      { timeout: 120_000 },
      async () => {
        const report = await callApi<{ id: string }>(board, 'POST', '/api/v1/reports', {
          category: 'noise',
          description: 'Loud fight in the courtyard (end-to-end story)',
          location: { type: 'Point', coordinates: [ALMATY.longitude, ALMATY.latitude] },
        });
        expect(report.status).toBe(201);
        const assigned = await callApi(board, 'POST', `/api/v1/incidents/${report.body.id}/assignments`, { unitId: unit.id });
        expect(assigned.status, JSON.stringify(assigned.body)).toBe(201);
        await expect
          .poll(() => unitRow(board, unit.callSign).locator('.unit-status').textContent(), { timeout: 10_000 })
          .toBe(dispatchEn.status.dispatched);

        const accept = phone.getByRole('button', { name: officerEn.steps.accept });
        await accept.waitFor({ timeout: 25_000 }); // the live feed or the phone's next refresh brings the orders
        await screenshot(phone, 'officer-orders-en-360');
        await accept.click();
        await expect
          .poll(() => board.locator('main .status-region').textContent(), { timeout: 10_000 })
          .toBe(`${unit.callSign}: ${dispatchEn.status.en_route}`);
        await expect
          .poll(() => unitRow(board, unit.callSign).locator('.unit-status').textContent(), { timeout: 10_000 })
          .toBe(dispatchEn.status.en_route);

        await phone.getByRole('button', { name: officerEn.steps.on_scene, exact: true }).click();
        await expect
          .poll(() => board.locator('main .status-region').textContent(), { timeout: 10_000 })
          .toBe(`${unit.callSign}: ${dispatchEn.status.on_scene}`);
        await phone.locator('.orders-progress__step[aria-current="step"]').getByText(officerEn.progress.on_scene).waitFor();
        await screenshot(board, 'dispatch-board-en-1280');
      },
    );

    it(
      'a panic held for two seconds puts the unit at the top of the board with an alert; the officer clears it',
      { timeout: 120_000 },
      async () => {
        const button = phone.locator('.panic-button');
        await button.scrollIntoViewIfNeeded();
        const box = (await button.boundingBox())!;
        // A tap is not enough.
        await phone.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await phone.mouse.down();
        await phone.waitForTimeout(500);
        await phone.mouse.up();
        await phone.waitForTimeout(2_000);
        expect(await board.locator('.emergency-alerts li').count()).toBe(0);
        await phone.mouse.down();
        await phone.waitForTimeout(2_500);
        await phone.mouse.up();
        await board.locator('.emergency-alerts[role="alert"] li').getByText(unit.callSign).waitFor({ timeout: 10_000 });
        expect(await board.locator('.unit-table tbody th').first().textContent()).toContain(unit.callSign);
        await screenshot(board, 'dispatch-board-panic-en-1280');
        await phone.getByRole('button', { name: officerEn.panic.clear }).click();
        await expect.poll(() => board.locator('.emergency-alerts li').count(), { timeout: 10_000 }).toBe(0);
      },
    );

    it('the officer view has nothing serious for axe in kk and en at 360 and 1280 px', { timeout: 120_000 }, async () => {
      for (const language of LANGUAGES) {
        await chooseLanguage(phone, language);
        for (const size of [PHONE.viewport, DESKTOP]) {
          await phone.setViewportSize(size);
          await expectHeading(phone, TEXT[language].officer.title);
          await phone.locator('.orders-card').waitFor();
          await checkPage(phone, `officer-${language}-${size.width}`);
        }
      }
      await phone.setViewportSize(PHONE.viewport);
      await chooseLanguage(phone, 'en');
      await phone.getByRole('button', { name: officerEn.steps.resolved, exact: true }).click();
      await phone.getByText(officerEn.orders.none).waitFor({ timeout: 10_000 });
    });

    it('the board has nothing serious for axe in kk and en at 1280 and 360 px', { timeout: 180_000 }, async () => {
      for (const language of LANGUAGES) {
        await chooseLanguage(board, language);
        for (const size of [DESKTOP, PHONE.viewport]) {
          await board.setViewportSize(size);
          await expectHeading(board, TEXT[language].dispatch.board.title);
          await board.locator('.unit-table tbody tr').first().waitFor();
          await board.locator('.dispatch-map[data-map-state="idle"]').waitFor({ timeout: 30_000 });
          await checkPage(board, `dispatch-board-${language}-${size.width}`);
        }
      }
    });

    it('the commander opens the response-time dashboard and sees today’s incident counted', { timeout: 180_000 }, async () => {
      const commander = await (await browser.newContext({ viewport: DESKTOP })).newPage();
      await commander.goto(`${baseUrl}/`);
      await chooseLanguage(commander, 'en');
      await signIn(commander, baseUrl, demoAccount('supervisor.almaty'));
      await commander.goto(`${baseUrl}/dispatch`);
      await commander.getByRole('link', { name: dispatchEn.nav.responseTimes }).click();
      await expectHeading(commander, dispatchEn.times.title);
      const overall = commander.locator('table', {
        has: commander.locator('caption', { hasText: dispatchEn.times.overallCaption }),
      });
      await overall.waitFor({ timeout: 15_000 });
      const incidents = Number((await overall.locator('tbody td').first().textContent())?.replace(/\D/g, ''));
      expect(incidents).toBeGreaterThanOrEqual(1);
      await commander.locator('.bar-chart').waitFor();
      for (const language of LANGUAGES) {
        await chooseLanguage(commander, language);
        for (const size of [DESKTOP, PHONE.viewport]) {
          await commander.setViewportSize(size);
          await expectHeading(commander, TEXT[language].dispatch.times.title);
          await commander.locator('.response-times__table').first().waitFor();
          await checkPage(commander, `response-times-${language}-${size.width}`);
        }
      }
    });
  },
);
