import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import consoleEn from '../locales/console/en.json' with { type: 'json' };
import en from '../locales/en.json' with { type: 'json' };
import officerEn from '../locales/officer/en.json' with { type: 'json' };
import { browserMissing, launchBrowser } from './support/browser.js';
import { chooseLanguage, demoAccount, expectHeading, screenshot, signIn, storyTitle } from './support/stories.js';

const baseUrl = inject('baseUrl');
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
const DESKTOP = { width: 1280, height: 900 };
/** Central Almaty: the demo officer's beat and the operator's region. */
const ALMATY = { latitude: 43.2383, longitude: 76.9458 };
const PHOTO = path.join(import.meta.dirname, '..', 'web', 'public', 'icon-192.png');

interface MyUnit {
  id: string;
  callSign: string;
  status: string;
  orders: { assignmentId: string; incidentId: string; status: string } | null;
}

/** An API call from inside a signed-in page, with its session. */
function callApi<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const response = await fetch(url, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return (await response.json()) as T;
    },
    { method, url, body },
  );
}

describe.skipIf(browserMissing)(
  storyTitle(
    'from report to rating: a citizen reports with a photo, the console dispatches, the officer acts, the citizen rates',
  ),
  () => {
    let browser: Browser;
    let citizen: Page;
    let operator: Page;
    let officer: Page;
    let unit: MyUnit;
    let trackingCode = '';

    beforeAll(async () => {
      browser = await launchBrowser();
      const phone = { ...PHONE, geolocation: ALMATY, permissions: ['geolocation'] };
      citizen = await (await browser.newContext(phone)).newPage();
      officer = await (await browser.newContext(phone)).newPage();
      operator = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    });

    afterAll(async () => {
      await browser?.close();
    });

    it('the officer is on duty, sharing the unit’s position from the phone', { timeout: 120_000 }, async () => {
      await officer.goto(`${baseUrl}/`);
      await chooseLanguage(officer, 'en');
      await signIn(officer, baseUrl, demoAccount('officer.almaty'));
      const mine = await callApi<MyUnit[]>(officer, 'GET', '/api/v1/units/mine');
      expect(mine).toHaveLength(1);
      unit = mine[0]!;
      // Other stories on this server may have left the unit busy: finish that first.
      if (unit.orders && unit.orders.status !== 'resolved') {
        const orders = `/api/v1/incidents/${unit.orders.incidentId}/assignments/${unit.orders.assignmentId}`;
        // An assignment the officer has not accepted yet is accepted first: only then can it be resolved.
        if (unit.orders.status === 'assigned') await callApi(officer, 'POST', `${orders}/accept`);
        await callApi(officer, 'POST', `${orders}/status`, { status: 'resolved' });
      }
      await callApi(officer, 'POST', `/api/v1/units/${unit.id}/status`, { status: 'available' });
      await officer.goto(`${baseUrl}/incidents`);
      await expectHeading(officer, officerEn.title);
      await officer.locator('.officer-sharing[data-sharing="sharing"]').waitFor({ timeout: 20_000 });
    });

    it('the citizen files a report with a photo from the phone and gets a tracking code', { timeout: 120_000 }, async () => {
      await operator.goto(`${baseUrl}/`);
      await chooseLanguage(operator, 'en');
      await signIn(operator, baseUrl, demoAccount('operator.almaty'));
      await operator.goto(`${baseUrl}/incidents`);
      await operator.locator('.feed-status--open').waitFor({ timeout: 15_000 });

      await citizen.goto(`${baseUrl}/report`);
      await chooseLanguage(citizen, 'en');
      await citizen.locator('#report-category').selectOption('noise');
      await citizen.locator('#report-description').fill('Drunk men shouting and breaking bottles in the courtyard');
      await citizen.locator('#report-media').setInputFiles(PHOTO);
      await citizen.locator('#report-location').click(); // the phone's own position
      await citizen.locator('.report-form__submit').click();
      const link = citizen.locator('.report-result a[href^="/track/"]');
      await link.waitFor({ timeout: 20_000 });
      trackingCode = (await link.getAttribute('href'))!.split('/').pop()!;
      expect(trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    });

    it('the report appears on the operator’s console, who sends the officer’s unit', { timeout: 120_000 }, async () => {
      const rows = operator.locator('.queue li[data-incident-id]');
      let incidentId = '';
      await expect
        .poll(
          async () => {
            for (const id of await rows.evaluateAll((items) => items.map((li) => li.getAttribute('data-incident-id')))) {
              const detail = await callApi<{ trackingCode?: string }>(operator, 'GET', `/api/v1/incidents/${id}/detail`);
              if (detail.trackingCode === trackingCode) incidentId = id!;
            }
            return incidentId;
          },
          { timeout: 15_000 },
        )
        .not.toBe('');
      await operator.locator(`.queue li[data-incident-id="${incidentId}"] a`).first().click();
      await operator.locator('.summary-list').getByText(trackingCode).waitFor();
      const send = operator.getByRole('button', { name: consoleEn.dispatch.assign.replace('{{callSign}}', unit.callSign) });
      await send.waitFor({ timeout: 20_000 });
      await send.click();
      await expect.poll(() => operator.locator('.summary-list').textContent()).toContain(consoleEn.status.dispatched);
      await screenshot(operator, 'story-rating-console-en-1280');
    });

    it('the officer accepts on the phone, reaches the scene and resolves it', { timeout: 120_000 }, async () => {
      await officer.getByRole('button', { name: officerEn.steps.accept }).click({ timeout: 20_000 });
      await officer.getByRole('button', { name: officerEn.steps.on_scene, exact: true }).click({ timeout: 20_000 });
      await officer.getByRole('button', { name: officerEn.steps.resolved, exact: true }).click({ timeout: 20_000 });
      await officer.getByText(officerEn.orders.none).waitFor({ timeout: 10_000 });
    });

    it('the citizen sees the status change and rates the service', { timeout: 120_000 }, async () => {
      await citizen.goto(`${baseUrl}/track/${trackingCode}`);
      await expectHeading(citizen, en.report.track.title);
      await citizen.locator('#report-status-title').waitFor();
      await citizen.locator('.report-status').getByText(en.report.status.resolved).first().waitFor();
      await citizen.locator('.rating-form input[name="score"][value="5"]').check();
      await citizen.locator('#rating-comment').fill('They came in minutes and were polite');
      await citizen.getByRole('button', { name: en.report.rating.submit }).click();
      await citizen.getByText(en.report.rating.thanks).waitFor({ timeout: 10_000 });
      await screenshot(citizen, 'story-rating-thanks-en-360');
    });
  },
);
