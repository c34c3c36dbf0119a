import type { Browser, Locator, Page } from 'playwright-core';
import { create as encodeQr } from 'qrcode';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sectionsForRoles } from '../common/sections.js';
import en from '../locales/en.json' with { type: 'json' };
import { totpCode } from '../server/modules/identity/index.js';
import { browserMissing, launchBrowser, seriousViolations } from './support/browser.js';
import {
  chooseLanguage,
  demoAccount,
  expectHeading,
  screenshot,
  scrollsSideways,
  signIn,
  storyTitle,
  type Account,
} from './support/stories.js';

const baseUrl = inject('baseUrl');
const ALMATY = '750000000';
const ALATAU_DISTRICT = '751210000';
const BEAT = `${ALATAU_DISTRICT}-02`;

interface Place {
  id: string;
  name: string;
}

async function englishNames(path: string): Promise<Place[]> {
  const response = await fetch(`${baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=en`);
  expect(response.status).toBe(200);
  return (await response.json()) as Place[];
}

/** The options of a select once its list has loaded (more than the one "choose …" prompt). */
async function loadedOptions(page: Page, selector: string): Promise<{ value: string; label: string }[]> {
  const select = page.locator(selector);
  await expect.poll(() => select.locator('option').count()).toBeGreaterThan(1);
  await expect.poll(() => select.getAttribute('aria-busy')).toBeNull();
  return select
    .locator('option')
    .evaluateAll((options) =>
      options.map((option) => ({ value: (option as HTMLOptionElement).value, label: option.textContent ?? '' })),
    );
}

/**
 * The dark and light modules of a QR image as the browser shows it, read from the centre of each
 * module, as rows of 0 and 1 (margin of four modules, as the page draws it).
 */
async function qrModules(image: Locator, size: number): Promise<string[]> {
  return image.evaluate((element, modules) => {
    const img = element as HTMLImageElement;
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    const pixel = canvas.width / (modules + 8);
    const rows: string[] = [];
    for (let row = 0; row < modules; row++) {
      let line = '';
      for (let col = 0; col < modules; col++) {
        const x = Math.floor((col + 4 + 0.5) * pixel);
        const y = Math.floor((row + 4 + 0.5) * pixel);
        line += context.getImageData(x, y, 1, 1).data[0]! < 128 ? '1' : '0';
      }
      rows.push(line);
    }
    return rows;
  }, size);
}

describe.skipIf(browserMissing)(
  storyTitle('an administrator creates a user, who then signs in with the authenticator key shown once'),
  () => {
    let browser: Browser;
    let page: Page;
    const username = `inspector.e2e-${Date.now().toString(36)}`;
    const displayName = 'Асқар Бекұлы (e2e)';
    const password = 'steppe-lantern-orbit-2026';
    let shownSecret = '';

    beforeAll(async () => {
      browser = await launchBrowser();
      page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    });

    afterAll(async () => {
      await browser?.close();
    });

    it('lets the administrator fill in the form, choosing the district and beat from lists', async () => {
      await page.goto(`${baseUrl}/`);
      await chooseLanguage(page, 'en');
      await signIn(page, baseUrl, demoAccount('admin'));
      await page.locator('.section-nav__link', { hasText: en.sections.admin }).click();
      await expectHeading(page, en.sections.admin);
      await page.getByRole('button', { name: en.admin.create }).click();

      await page.locator('#new-user-username').fill(username);
      await page.locator('#new-user-displayName').fill(displayName);
      await page.locator('#new-user-password').fill(password);
      await page.getByLabel(en.roles.officer, { exact: true }).check();
      await page.locator('#new-user-jurisdiction-level').selectOption('beat');

      // Before a region is chosen, the district and beat lists say what to choose first.
      expect(await page.locator('#new-user-jurisdiction-districtId option').allTextContents()).toEqual([
        en.admin.chooseRegionFirst,
      ]);
      expect(await page.locator('#new-user-jurisdiction-beatId option').allTextContents()).toEqual([
        en.admin.chooseDistrictFirst,
      ]);

      await page.locator('#new-user-jurisdiction-regionId').selectOption(ALMATY);
      const districts = await englishNames(`/api/v1/geo/regions/${ALMATY}/districts`);
      const districtOptions = await loadedOptions(page, '#new-user-jurisdiction-districtId');
      expect(
        districtOptions
          .slice(1)
          .map((option) => option.value)
          .sort(),
      ).toEqual(districts.map((d) => d.id).sort());
      expect(districtOptions.find((option) => option.value === ALATAU_DISTRICT)?.label).toBe(
        districts.find((d) => d.id === ALATAU_DISTRICT)?.name,
      );
      await page.locator('#new-user-jurisdiction-districtId').selectOption(ALATAU_DISTRICT);

      // Only the beats of the chosen district are offered.
      const beatOptions = await loadedOptions(page, '#new-user-jurisdiction-beatId');
      const beatIds = beatOptions.slice(1).map((option) => option.value);
      expect(beatIds.length).toBeGreaterThan(0);
      for (const id of beatIds) expect(id.startsWith(`${ALATAU_DISTRICT}-`)).toBe(true);
      expect(beatIds).toContain(BEAT);
      await page.locator('#new-user-jurisdiction-beatId').selectOption(BEAT);
      await page.locator('#new-user-language').selectOption('ru');
      await screenshot(page, 'story-admin-create-form-en-1280');

      // Another district clears the beat: a beat belongs to one district only.
      await page.locator('#new-user-jurisdiction-districtId').selectOption(districts.find((d) => d.id !== ALATAU_DISTRICT)!.id);
      expect(await page.locator('#new-user-jurisdiction-beatId').inputValue()).toBe('');
      await page.locator('#new-user-jurisdiction-districtId').selectOption(ALATAU_DISTRICT);
      await loadedOptions(page, '#new-user-jurisdiction-beatId');
      await page.locator('#new-user-jurisdiction-beatId').selectOption(BEAT);

      await page.getByRole('button', { name: en.admin.createSubmit }).click();
    });

    it('shows the new authenticator key once, as a QR code, a secret and an otpauth link', async () => {
      const heading = page.locator('#totp-title');
      await heading.waitFor();
      expect(await heading.textContent()).toBe(en.admin.createdTitle.replace('{{username}}', username));

      shownSecret = ((await page.locator('code.secret').first().textContent()) ?? '').replace(/\s/g, '');
      expect(shownSecret).toMatch(/^[A-Z2-7]{32}$/);
      const uri = await page.locator('code.secret--uri').textContent();
      expect(uri).toContain(`secret=${shownSecret}`);

      const qr = page.locator('img.totp-qr');
      await qr.waitFor();
      expect(await qr.getAttribute('alt')).toBe(en.admin.totpQrAlt.replace('{{username}}', username));
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      expect(await qr.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
      // The QR code carries exactly the otpauth link shown beside it.
      const expected = encodeQr(uri!, { errorCorrectionLevel: 'M' }).modules;
      const rows = Array.from({ length: expected.size }, (_, row) =>
        Array.from({ length: expected.size }, (_, col) => String(expected.get(row, col) ? 1 : 0)).join(''),
      );
      expect(await qrModules(qr, expected.size)).toEqual(rows);
      await screenshot(page, 'story-admin-totp-en-1280');
      // The key view is read on a phone too: nothing serious for axe, no sideways scrolling.
      expect(await seriousViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 360, height: 740 });
      expect(await scrollsSideways(page)).toBe(false);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'story-admin-totp-en-360');
      await page.setViewportSize({ width: 1280, height: 900 });

      await page.getByRole('button', { name: en.admin.totpDone }).click();
      const row = page.locator('.user-table tbody tr', { hasText: username });
      await row.waitFor();
      // The table names the place, not its codes.
      const districts = await englishNames(`/api/v1/geo/regions/${ALMATY}/districts`);
      const alatau = districts.find((d) => d.id === ALATAU_DISTRICT)!.name;
      await expect.poll(() => row.textContent()).toContain(alatau);
      expect(await row.textContent()).not.toContain(ALATAU_DISTRICT);

      // Editing the account shows the stored district and beat chosen in their lists.
      await row.getByRole('button', { name: en.admin.edit }).click();
      await loadedOptions(page, '#edit-user-jurisdiction-beatId');
      expect(await page.locator('#edit-user-jurisdiction-regionId').inputValue()).toBe(ALMATY);
      expect(await page.locator('#edit-user-jurisdiction-districtId').inputValue()).toBe(ALATAU_DISTRICT);
      expect(await page.locator('#edit-user-jurisdiction-beatId').inputValue()).toBe(BEAT);
      await page.getByRole('button', { name: en.common.cancel }).click();
      await page.locator('.sign-out button').click();
      await expectHeading(page, en.auth.signInTitle);
    });

    it('lets the new user sign in with a code from the key that was shown', async () => {
      const account: Account = { username, password, totpSecret: shownSecret };
      // The code comes from the shown secret, not from anything the test knew before.
      expect(totpCode(shownSecret, new Date())).toMatch(/^\d{6}$/);
      await signIn(page, baseUrl, account);
      // Signing out left the admin's page behind: the officer starts at their own first section.
      await page.waitForURL(`${baseUrl}/map`);
      expect(await page.locator('.site-header .user-summary__name').textContent()).toBe(displayName);
      const links = (await page.locator('.section-nav__link').allTextContents()).map((text) => text.trim());
      expect(links).toEqual(sectionsForRoles(['officer']).map((section) => en.sections[section]));
      expect(links).not.toContain(en.sections.admin);
      const me = await page.evaluate(async () => (await (await fetch('/api/v1/auth/me')).json()) as { jurisdiction: object });
      expect(me.jurisdiction).toEqual({ level: 'beat', regionId: ALMATY, districtId: ALATAU_DISTRICT, beatId: BEAT });
      await screenshot(page, 'story-new-user-signed-in-en-1280');
    });
  },
);
