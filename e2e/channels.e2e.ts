import crypto from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import en from '../locales/channels/en.json' with { type: 'json' };
import shared from '../locales/en.json' with { type: 'json' };
import { browserMissing, launchBrowser } from './support/browser.js';
import {
  checkEveryWay,
  chooseLanguage,
  WIDTHS,
  demoAccount,
  expectHeading,
  screenshot,
  signIn,
  storyTitle,
} from './support/stories.js';

const baseUrl = inject('baseUrl');
const run = Date.now().toString(36);
const BUTTON = `Bus stop, Abay Avenue (e2e ${run})`;
const CAMERA = `Republic Square, north (e2e ${run})`;

interface Credentials {
  apiKey: string;
  secret: string;
}

/** A request as the device makes it: the documented HMAC over "timestamp.body", computed here independently. */
function signedPost(device: Credentials, path: string, body: unknown): Promise<Response> {
  const payload = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = crypto
    .createHmac('sha256', Buffer.from(device.secret, 'base64url'))
    .update(`${timestamp}.${payload}`)
    .digest('hex');
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-api-key': device.apiKey,
      'x-aman-timestamp': timestamp,
      'x-aman-signature': signature,
    },
    body: payload,
  });
}

const pressButton = (device: Credentials) => signedPost(device, '/api/v1/sos/alarms', { alarmId: crypto.randomUUID() });

/** Reads the key and secret the page shows once. */
async function shownCredentials(page: Page): Promise<Credentials> {
  const apiKey = (await page.getByTestId('device-api-key').textContent())?.trim() ?? '';
  const secret = (await page.getByTestId('device-secret').textContent())?.trim() ?? '';
  return { apiKey, secret };
}

function deviceRow(page: Page, name: string) {
  return page.locator('.channels-table tbody tr', { hasText: name });
}

describe.skipIf(browserMissing)(
  storyTitle(
    'an administrator registers an SOS button, its press reaches the operator, who acknowledges it; revoked, it is refused',
  ),
  () => {
    let browser: Browser;
    let admin: Page;
    let operator: Page;
    let button: Credentials;

    beforeAll(async () => {
      browser = await launchBrowser();
      admin = await (await browser.newContext({ viewport: WIDTHS[0] })).newPage();
      operator = await (await browser.newContext({ viewport: WIDTHS[0] })).newPage();
    });

    afterAll(async () => {
      await browser?.close();
    });

    it('registers a button in the administrator’s channels section and shows its key and secret once', async () => {
      await admin.goto(`${baseUrl}/`);
      await chooseLanguage(admin, 'en');
      await signIn(admin, baseUrl, demoAccount('admin'));
      await admin.locator('.section-nav__link', { hasText: shared.sections.channels }).click();
      await expectHeading(admin, shared.sections.channels);
      await admin.getByRole('link', { name: en.tabs.buttons }).click();
      await admin.getByRole('button', { name: en.buttons.register }).click();
      // Sent empty first: each problem is named and nothing is registered.
      await admin.getByRole('button', { name: en.buttons.registerSubmit }).click();
      await admin.locator('.error-summary').waitFor();
      expect(await admin.locator('.error-summary li').allTextContents()).toEqual([
        en.form.errors.nameRequired,
        en.form.errors.latitude,
        en.form.errors.longitude,
      ]);
      await checkEveryWay(admin, 'channels-register-button', () => admin.locator('#device-name').waitFor());
      await admin.getByLabel(en.form.name, { exact: true }).fill(BUTTON);
      await admin.getByLabel(en.form.latitude).fill('43,2383');
      await admin.getByLabel(en.form.longitude).fill('76.9458');
      await admin.getByRole('button', { name: en.buttons.registerSubmit }).click();
      await admin.getByTestId('device-secret').waitFor();
      button = await shownCredentials(admin);
      expect(button.apiKey).toMatch(/^aman_device_/);
      expect(Buffer.from(button.secret, 'base64url')).toHaveLength(32);
      await checkEveryWay(admin, 'channels-button-secret', () => admin.getByTestId('device-secret').waitFor());
      await admin.getByRole('button', { name: en.secret.done }).click();
      await deviceRow(admin, BUTTON).waitFor();
      expect(await deviceRow(admin, BUTTON).textContent()).toContain(en.statuses.active);
      await checkEveryWay(admin, 'channels-buttons', () => deviceRow(admin, BUTTON).waitFor());
      // The secret is not on the page any more, nor in what the list sends.
      expect(await admin.content()).not.toContain(button.secret);
    });

    it('puts a signed press in the operator’s SOS alerts, where it is acknowledged', async () => {
      const pressed = await pressButton(button);
      expect(pressed.status).toBe(201);
      const { incidentId } = (await pressed.json()) as { incidentId: string };
      await operator.goto(`${baseUrl}/`);
      await chooseLanguage(operator, 'en');
      await signIn(operator, baseUrl, demoAccount('operator.almaty'));
      await operator.locator('.section-nav__link', { hasText: shared.sections.channels }).click();
      await expectHeading(operator, shared.sections.channels);
      const row = deviceRow(operator, BUTTON);
      await row.waitFor();
      expect(await row.getByRole('link', { name: BUTTON }).getAttribute('href')).toBe(`/incidents/${incidentId}`);
      await checkEveryWay(operator, 'channels-alerts', () => deviceRow(operator, BUTTON).waitFor());
      await row.getByRole('button', { name: en.alerts.acknowledge }).click();
      await expect
        .poll(() => operator.getByRole('status').allTextContents())
        .toContain(en.alerts.acknowledged.replace('{{name}}', BUTTON));
      await expect.poll(() => deviceRow(operator, BUTTON).count()).toBe(0);
      await operator.getByLabel(en.alerts.states.all).check();
      await expect.poll(() => deviceRow(operator, BUTTON).textContent()).toContain('operator.almaty');
      await screenshot(operator, 'channels-alerts-acknowledged-en-1280');
    });

    it('revokes the button, whose next press is refused', async () => {
      const row = deviceRow(admin, BUTTON);
      await row.getByRole('button', { name: en.devices.revoke }).click();
      await checkEveryWay(admin, 'channels-revoke-confirm', () => admin.locator('#device-confirm-title').waitFor());
      await admin.getByRole('button', { name: en.devices.revokeConfirm }).click();
      await expect.poll(() => deviceRow(admin, BUTTON).textContent()).toContain(en.statuses.revoked);
      const refused = await pressButton(button);
      expect(refused.status).toBe(401);
    });

    it('registers a camera with the events it sends; an event of another type is refused', async () => {
      await admin.getByRole('link', { name: en.tabs.cameras }).click();
      await admin.getByRole('button', { name: en.cameras.register }).click();
      await admin.getByLabel(en.form.name, { exact: true }).fill(CAMERA);
      await admin.getByLabel(en.form.latitude).fill('43.2389');
      await admin.getByLabel(en.form.longitude).fill('76.9455');
      await admin.getByRole('button', { name: en.cameras.registerSubmit }).click();
      expect(await admin.locator('.error-summary li').allTextContents()).toEqual([en.form.errors.eventTypes]);
      await admin.getByLabel(en.eventTypes.fight).check();
      await admin.getByLabel(en.eventTypes.weapon).check();
      await checkEveryWay(admin, 'channels-register-camera', () => admin.locator('#device-eventTypes').waitFor());
      await admin.getByRole('button', { name: en.cameras.registerSubmit }).click();
      await admin.getByTestId('device-secret').waitFor();
      const camera = await shownCredentials(admin);
      await admin.getByRole('button', { name: en.secret.done }).click();
      const row = deviceRow(admin, CAMERA);
      await row.waitFor();
      expect(await row.textContent()).toContain(`${en.eventTypes.weapon}, ${en.eventTypes.fight}`);
      const event = (eventType: string) => ({
        eventId: crypto.randomUUID(),
        eventType,
        confidence: 0.2,
        occurredAt: new Date().toISOString(),
      });
      expect((await signedPost(camera, '/api/v1/camera-events', event('fight'))).status).toBe(201);
      expect((await signedPost(camera, '/api/v1/camera-events', event('crowd'))).status).toBe(422);
      await checkEveryWay(admin, 'channels-cameras', () => deviceRow(admin, CAMERA).waitFor());
    });
  },
);
