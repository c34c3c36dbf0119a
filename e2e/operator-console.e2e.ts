import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CIRCUMSTANCE_FIELD_NAMES } from '../common/incident-circumstances.js';
import { KAZAKHSTAN_ZONE } from '../common/time.js';
import { localDay } from '../common/register-terms.js';
import consoleEn from '../locales/console/en.json' with { type: 'json' };
import consoleKk from '../locales/console/kk.json' with { type: 'json' };
import { browserMissing, launchBrowser } from './support/browser.js';
import {
  checkEveryWay,
  chooseLanguage,
  WIDTHS,
  demoAccount,
  expectHeading,
  freshTotpCode,
  screenshot,
  signIn,
  storyTitle,
  type Account,
} from './support/stories.js';

const baseUrl = inject('baseUrl');
const TEXT = { en: consoleEn, kk: consoleKk };
// Central Almaty (Medeu district), inside operator.almaty's jurisdiction.
const ALMATY: [number, number] = [76.9458, 43.2383];

/** A citizen's report as the PWA sends it, filed from the test (no browser). */
async function fileReport(category: string, description: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ category, description, location: { type: 'Point', coordinates: ALMATY } }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/**
 * Seeded positions go stale two minutes after the server starts. The demo officer's unit sends a
 * fresh fix at the incident's door, as its tablet would, so a unit can be recommended.
 */
async function freshenDemoUnit(account: Account): Promise<void> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password, code: await freshTotpCode(baseUrl, account) }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const units = (await (await fetch(`${baseUrl}/api/v1/units/mine`, { headers: { cookie } })).json()) as { id: string }[];
  for (const unit of units) {
    const fix = await fetch(`${baseUrl}/api/v1/units/${unit.id}/positions`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({ fixes: [{ at: new Date().toISOString(), lon: ALMATY[0] + 0.002, lat: ALMATY[1] }] }),
    });
    expect(fix.status).toBe(202);
  }
}

describe.skipIf(browserMissing)(
  storyTitle('operator console: a report appears live, a P1 alarms until taken, a unit is sent, a call is recorded'),
  () => {
    let browser: Browser;
    let page: Page;
    const en = TEXT.en;

    beforeAll(async () => {
      browser = await launchBrowser();
      page = await (await browser.newContext({ viewport: WIDTHS[0] })).newPage();
    });

    afterAll(async () => {
      await browser?.close();
    });

    it('signs the operator in to the queue, with the live feed on', { timeout: 120_000 }, async () => {
      await page.goto(`${baseUrl}/`);
      await chooseLanguage(page, 'en');
      await signIn(page, baseUrl, demoAccount('operator.almaty'));
      await page.goto(`${baseUrl}/incidents`);
      await expectHeading(page, en.queue.title);
      await page.locator('.feed-status--open').waitFor({ timeout: 15_000 });
    });

    it('shows a citizen report in the queue without a reload', { timeout: 60_000 }, async () => {
      const marker = await page.evaluate(() => ((window as unknown as { marker: number }).marker = Math.random()));
      const id = await fileReport('noise', 'Loud music from the flat above, every night');
      const row = page.locator(`.queue li[data-incident-id="${id}"]`);
      await row.waitFor({ timeout: 5_000 });
      expect(await row.textContent()).toContain(en.source.web);
      // The same page, not a reload.
      expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(marker);
    });

    it(
      'sounds the alarm for a P1 from the web on every console, and stops it when one operator triages',
      { timeout: 90_000 },
      async () => {
        // A second control-centre user of the same region, the supervisor, away from the
        // incidents section: on the map the alarm still shows.
        const other = await (await browser.newContext({ viewport: WIDTHS[0] })).newPage();
        await other.goto(`${baseUrl}/`);
        await chooseLanguage(other, 'en');
        await signIn(other, baseUrl, demoAccount('supervisor.almaty'));
        const feedOpen = other.waitForResponse((r) => r.url().includes('/api/v1/live/events'), { timeout: 15_000 });
        await other.goto(`${baseUrl}/map`);
        await feedOpen;

        const p1 = await fileReport('violent-crime', 'Two men are beating a man outside the shop');
        const alarmLink = page.locator(`.alarm a[href="/incidents/${p1}"]`);
        const otherAlarm = other.locator(`.alarm a[href="/incidents/${p1}"]`);
        await alarmLink.waitFor({ timeout: 5_000 });
        await otherAlarm.waitFor({ timeout: 5_000 });
        expect(await page.locator('[role="alert"] .alarm__title').count()).toBe(1);
        await page.getByRole('button', { name: en.alarm.mute }).click();
        await page.locator('.alarm__muted').waitFor();
        await screenshot(page, 'console-alarm-en-1280');

        await alarmLink.click();
        await expectHeading(page, 'P1 · Violent crime');
        // The rules' reasons are worded for the reader, not left as codes.
        await page
          .locator('.timeline__system')
          .filter({ hasText: en.systemNote.triage.split('{{')[0]! })
          .waitFor();
        expect(await page.locator('.timeline__system').first().textContent()).not.toContain('category:');
        await page.getByRole('button', { name: en.actions.triage }).click();
        await page.getByText(en.actions.triaged).waitFor();
        await alarmLink.waitFor({ state: 'detached', timeout: 5_000 });
        await otherAlarm.waitFor({ state: 'detached', timeout: 5_000 });
        await other.context().close();
        await expect.poll(() => page.locator('.summary-list').textContent()).toContain(en.status.triaged);
      },
    );

    it('sends the nearest recommended unit', { timeout: 90_000 }, async () => {
      await freshenDemoUnit(demoAccount('officer.almaty'));
      await page.reload();
      await expectHeading(page, 'P1 · Violent crime');
      const assign = page.locator('.panel').filter({ hasText: en.dispatch.recommended }).locator('button').first();
      await assign.waitFor({ timeout: 10_000 });
      const label = (await assign.textContent()) ?? '';
      const callSign = label.replace('Send ', '');
      await assign.click();
      await page.getByText(en.dispatch.assigned.replace('{{callSign}}', callSign)).waitFor();
      const sent = page.locator('.panel').filter({ hasText: en.dispatch.current });
      await expect.poll(() => sent.textContent(), { timeout: 10_000 }).toContain(callSign);
      await expect.poll(() => page.locator('.summary-list').textContent()).toContain(en.status.dispatched);
      await page.locator('.incident-map__canvas[data-map-state="idle"]').waitFor({ timeout: 20_000 });
      await checkEveryWay(page, 'console-detail', async () => {
        await page.locator('.timeline__entry').first().waitFor();
      });
    });

    it('records a phone call with the keyboard alone', { timeout: 90_000 }, async () => {
      await chooseLanguage(page, 'en');
      await page.goto(`${baseUrl}/incidents`);
      await expectHeading(page, en.queue.title);
      await checkEveryWay(page, 'console-queue', async () => {
        await page.locator('.queue li').first().waitFor();
      });
      await chooseLanguage(page, 'en');
      await page.locator('body').press('n');
      await expectHeading(page, en.call.title);
      await checkEveryWay(page, 'console-call', async () => {
        await page.locator('#call-category').waitFor();
      });
      await chooseLanguage(page, 'en');
      await page.locator('#call-category').focus();
      await page.keyboard.type('Domestic violence');
      await page.keyboard.press('Tab');
      await page.keyboard.press('2'); // the priority group takes the digit
      await page.keyboard.press('Tab');
      await page.keyboard.type('43.2383, 76.9458');
      await page.keyboard.press('Enter');
      await page.locator('.call-location__chosen').waitFor();
      await page.locator('#call-description').focus();
      await page.keyboard.type('Neighbour says a woman is screaming next door');
      await page.locator('#call-caller-phone').focus();
      await page.keyboard.type('+7 701 555 44 33');
      await page.keyboard.press('Control+Enter');
      const receipt = page.locator('.notice[role="status"]');
      await receipt.waitFor({ timeout: 10_000 });
      expect(await receipt.textContent()).toContain('P2');
      await screenshot(page, 'console-call-recorded-en-1280');
      await receipt.getByRole('link', { name: en.call.open }).click();
      await expectHeading(page, 'P2 · Domestic violence');
      expect(await page.locator('.summary-list').textContent()).toContain('+77015554433');
    });

    it('records what is known of the victim and the place, and finds it after a reload', { timeout: 60_000 }, async () => {
      await page.getByLabel(CIRCUMSTANCE_FIELD_NAMES.victimSex.en).selectOption('female');
      await page.getByLabel(CIRCUMSTANCE_FIELD_NAMES.victimAgeBand.en).selectOption('18-64');
      await page.getByLabel(CIRCUMSTANCE_FIELD_NAMES.placeType.en).selectOption('home');
      await page.getByRole('button', { name: en.circumstances.save }).click();
      await page.getByText(en.circumstances.saved).waitFor();
      await page
        .locator('.timeline__system')
        .filter({ hasText: en.systemNote.circumstances.split('{{')[0]! })
        .waitFor();
      await page.reload();
      await expectHeading(page, 'P2 · Domestic violence');
      expect(await page.getByLabel(CIRCUMSTANCE_FIELD_NAMES.victimSex.en).inputValue()).toBe('female');
      expect(await page.getByLabel(CIRCUMSTANCE_FIELD_NAMES.placeType.en).inputValue()).toBe('home');
      expect(await page.getByLabel(CIRCUMSTANCE_FIELD_NAMES.offenderIntoxication.en).inputValue()).toBe('');
    });

    it('records how the investigation ended, and finds it after a reload', { timeout: 60_000 }, async () => {
      const today = localDay(new Date(), KAZAKHSTAN_ZONE);
      await page.getByLabel(en.outcome.code, { exact: true }).selectOption('ended-offender-identified');
      await page.getByLabel(en.outcome.decidedOn, { exact: true }).fill(today);
      await page.getByRole('button', { name: en.outcome.save }).click();
      await page.getByText(en.outcome.saved).waitFor();
      await page.locator('.timeline__system').filter({ hasText: en.systemNote.outcome }).waitFor();
      await page.reload();
      await expectHeading(page, 'P2 · Domestic violence');
      expect(await page.getByLabel(en.outcome.code, { exact: true }).inputValue()).toBe('ended-offender-identified');
      expect(await page.getByLabel(en.outcome.decidedOn, { exact: true }).inputValue()).toBe(today);
    });
  },
);
