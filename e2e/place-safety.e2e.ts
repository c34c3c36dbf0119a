import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import en from '../locales/place-safety/en.json' with { type: 'json' };
import { browserMissing, describeViolations, launchBrowser, seriousViolations } from './support/browser.js';
import {
  checkEveryWay,
  chooseLanguage,
  demoAccount,
  expectHeading,
  screenshot,
  scrollsSideways,
  signIn,
  storyTitle,
  WIDTHS,
} from './support/stories.js';

const baseUrl = inject('baseUrl');
const ALMATY = '750000000';
// Letters only (digits could read as a phone number to the screen), new each run: the same text twice is held as a duplicate.
const REVIEW = `Lit paths and a guard at the gate in the evening, ${Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}.`;
const SENSITIVE = ['Domestic violence', 'Sexual offences', 'Offences against children'];

/** Waits until the page has what it loads: no loading message left, and the list or the place shown. */
async function loaded(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().waitFor({ timeout: 30_000 });
  await page.locator('main p.loading').waitFor({ state: 'detached', timeout: 30_000 });
}

/** checkEveryWay covers Kazakh and English; Russian gets the same axe and width checks here. */
async function checkRussian(page: Page, name: string, ready: () => Promise<void>): Promise<void> {
  await chooseLanguage(page, 'ru');
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await ready();
    const violations = await seriousViolations(page);
    expect(violations, `${name} ru ${size.width}:\n${describeViolations(violations)}`).toEqual([]);
    if (size.width <= 360) expect(await scrollsSideways(page), `${name} ru scrolls sideways`).toBe(false);
    await screenshot(page, `${name}-ru-${size.width}`);
  }
  await chooseLanguage(page, 'en');
  await page.setViewportSize(WIDTHS[0]!);
}

describe.skipIf(browserMissing)(storyTitle('a citizen chooses a safe park, reads how it is rated and leaves a review'), () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('filters the safe places, opens one, reads both parts of its grade and posts a review', async () => {
    const context = await browser.newContext({ viewport: WIDTHS[0]! });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/safe-places`);
    await chooseLanguage(page, 'en');
    await expectHeading(page, en.title);
    const list = () => loaded(page, '.place-card');
    await list();
    await checkEveryWay(page, 'safe-places', list);
    await checkRussian(page, 'safe-places', list);

    // Parks in Almaty only, best grade first.
    await page.locator('#place-kind').selectOption('park');
    await page.locator(`#place-region option[value="${ALMATY}"]`).waitFor({ state: 'attached' });
    await page.locator('#place-region').selectOption(ALMATY);
    await expect.poll(() => new URL(page.url()).search, { timeout: 15_000 }).toBe(`?kind=park&region=${ALMATY}`);
    // Waits for a list of two parks or more: while the filtered list loads it is empty, and "every
    // card is a park" holds of no cards at all.
    await expect
      .poll(
        async () => {
          const metas = await page.locator('.place-card__meta').allTextContents();
          return metas.length >= 2 && metas.every((m) => m.startsWith('Park ·'));
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await page.locator('#place-search').fill('Panfilov');
    await expect
      .poll(() => page.locator('.place-card__title').allTextContents(), { timeout: 15_000 })
      .toEqual(['Panfilov Park (demo)']);
    await screenshot(page, 'safe-places-filtered-en-1280');

    await page.locator('.place-card__title a').click();
    await expectHeading(page, 'Panfilov Park (demo)');
    const place = () => loaded(page, '.place-part');
    await place();
    // Both parts apart, the method in words, and no sensitive category in the breakdown.
    expect(await page.locator('.place-part__title').allTextContents()).toEqual([en.incidentsPart, en.reviewsPart]);
    expect(await page.locator('#place-method-heading').textContent()).toBe(en.methodHeading);
    const categories = await page.locator('[data-testid="place-breakdown"] tbody th').allTextContents();
    for (const sensitive of SENSITIVE) expect(categories).not.toContain(sensitive);
    const figures = await page.locator('[data-testid="place-breakdown"] td').allTextContents();
    expect(figures.filter((f) => /^[1-4]$/.test(f.trim()))).toEqual([]);
    const before = await page.locator('.place-review').count();

    // A review without choosing stars is sent back with the reason; then with four stars it is published.
    await page.locator('.place-review-form button[type="submit"]').click();
    await expect.poll(() => page.locator('.place-review-form .field__error').textContent()).toContain(en.review.starsRequired);
    await page.locator('label.place-stars__option', { hasText: '4 of 5' }).click();
    await page.locator('#review-text').fill(REVIEW);
    await page.locator('.place-review-form button[type="submit"]').click();
    await expect
      .poll(() => page.locator('.place-review-form [role="status"]').textContent(), { timeout: 15_000 })
      .toBe(en.review.published);
    await expect.poll(() => page.locator('.place-review').count(), { timeout: 15_000 }).toBe(before + 1);
    expect(await page.locator('.place-review__text').first().textContent()).toBe(REVIEW);
    await screenshot(page, 'safe-place-reviewed-en-1280');

    await checkEveryWay(page, 'safe-place', place);
    await checkRussian(page, 'safe-place', place);
    await context.close();
  }, 400_000);

  it('lets Almaty’s supervisor moderate a held review and add a place with its visitor figure', async () => {
    // A review with a link is held for a moderator, not published and not dropped.
    const places = (await (await fetch(`${baseUrl}/api/v1/portal/places?region=${ALMATY}&q=Green`)).json()) as {
      items: { id: string }[];
    };
    const held = `Cheap tickets at www.example.com, ${REVIEW}`;
    const sent = await fetch(`${baseUrl}/api/v1/portal/places/${places.items[0]!.id}/reviews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ stars: 1, text: held }),
    });
    expect(((await sent.json()) as { status: string }).status).toBe('pending');

    const context = await browser.newContext({ viewport: WIDTHS[0]! });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/portal-admin/places`);
    await signIn(page, baseUrl, demoAccount('supervisor.almaty'));
    await chooseLanguage(page, 'en');
    await expectHeading(page, en.admin.title);
    const admin = () => loaded(page, '.place-card');
    await admin();
    const review = page.locator('.place-review', { hasText: held });
    await review.waitFor({ timeout: 20_000 });
    expect(await review.locator('.notice--warning').textContent()).toContain(en.admin.flags.link);
    await checkEveryWay(page, 'safe-places-admin', admin);

    await page.locator('.place-review', { hasText: held }).getByRole('button', { name: en.admin.approve, exact: true }).click();
    await expect.poll(() => page.locator('.place-review', { hasText: held }).count(), { timeout: 15_000 }).toBe(0);

    await page.locator('button', { hasText: en.admin.newPlace }).click();
    await page.locator('#place-name-kk').fill('Жаңа саябақ');
    await page.locator('#place-name-ru').fill('Новый сквер');
    await page.locator('#place-name-en').fill('New square');
    await page.locator('#place-lon').fill('76.9458');
    await page.locator('#place-lat').fill('43.2383');
    await page.locator('#place-radius').fill('120');
    await page.locator('#place-hours').fill('20000');
    await page.locator('.place-editor button[type="submit"]').click();
    // Only part of the visitor figure: the form says what is missing and sends nothing.
    await expect
      .poll(async () => (await page.locator('.place-editor .field__error').allTextContents()).join(' '))
      .toContain(en.admin.visitorsIncomplete);
    await page.locator('#place-source').fill('Akimat count');
    await page.locator('#place-as-of').fill('2026-10-01');
    await page.locator('.place-editor button[type="submit"]').click();
    await expect
      .poll(() => page.locator('main .notice').first().textContent(), { timeout: 15_000 })
      .toMatch(/^Saved: New square, /);
    await expect.poll(() => page.locator('.place-card__title').allTextContents()).toContain('New square');
    await screenshot(page, 'safe-places-admin-saved-en-1280');
    await context.close();
  }, 400_000);
  it('lets the supervisor place a new place on the editor’s map, retire it so it leaves the public list, and restore it', async () => {
    const name = `Retired square ${REVIEW.slice(-7, -1)}`;
    const context = await browser.newContext({ viewport: WIDTHS[0]! });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/portal-admin/places`);
    await signIn(page, baseUrl, demoAccount('supervisor.almaty'));
    await chooseLanguage(page, 'en');
    await loaded(page, '.place-card');

    await page.locator('button', { hasText: en.admin.newPlace }).click();
    const mapIdle = () => page.locator('.place-editor-map__canvas[data-map-state="idle"]').waitFor({ timeout: 30_000 });
    const editor = async () => {
      await page.locator('.place-editor').waitFor();
      await mapIdle();
    };
    await editor();
    expect(await page.locator('#place-editor-map-hint').textContent()).toBe(en.admin.mapHintCircle);
    await checkEveryWay(page, 'safe-places-editor', editor);
    await checkRussian(page, 'safe-places-editor', editor);

    // Typed coordinates bring the outline into view; a tap on the map moves the centre, filling the same fields.
    await page.locator('#place-lon').fill('76.9458');
    await page.locator('#place-lat').fill('43.2383');
    await page.locator('#place-radius').fill('150');
    await mapIdle();
    const canvas = page.locator('.place-editor-map__canvas canvas');
    const box = (await canvas.boundingBox())!;
    await canvas.click({ position: { x: box.width / 2 + 40, y: box.height / 2 } });
    await expect.poll(() => page.locator('#place-lon').inputValue()).not.toBe('76.9458');
    const [lon, lat] = [
      Number(await page.locator('#place-lon').inputValue()),
      Number(await page.locator('#place-lat').inputValue()),
    ];
    expect(lon).toBeGreaterThan(76.9458);
    expect(Math.abs(lon - 76.9458)).toBeLessThan(0.01);
    expect(Math.abs(lat - 43.2383)).toBeLessThan(0.01);
    expect(await page.locator('.place-editor-map .maplibregl-marker').count()).toBe(1);
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      await mapIdle();
      await screenshot(page, `safe-places-editor-placed-en-${size.width}`);
    }
    await page.setViewportSize(WIDTHS[0]!);

    await page.locator('#place-name-kk').fill(`Жабық алаң ${name.slice(-6)}`);
    await page.locator('#place-name-ru').fill(`Закрытый сквер ${name.slice(-6)}`);
    await page.locator('#place-name-en').fill(name);
    await page.locator('.place-editor button[type="submit"]').click();
    await expect.poll(() => page.locator('.place-card__title').allTextContents(), { timeout: 15_000 }).toContain(name);
    const publicNames = async () => {
      const answer = await fetch(`${baseUrl}/api/v1/portal/places?q=${encodeURIComponent(name)}&lang=en`);
      return ((await answer.json()) as { items: { name: string }[] }).items.map((i) => i.name);
    };
    expect(await publicNames()).toEqual([name]);

    // Retiring asks for a reason of at least 10 characters, then takes the place off the public pages.
    const card = page.locator('.place-card', { hasText: name });
    await card.getByRole('button', { name: new RegExp(`^${en.admin.retire}\\b`) }).click();
    await card.locator('textarea').fill('closed');
    await card.getByRole('button', { name: en.admin.retireConfirm }).click();
    await expect
      .poll(() => card.locator('.field__error').textContent())
      .toContain(en.admin.reasonLength.replace('{{min}}', '10').replace('{{max}}', '2000'));
    await checkEveryWay(page, 'safe-places-retire', () => page.locator('.place-retire').waitFor());
    await card.locator('textarea').fill('Closed for rebuilding until the spring.');
    await card.getByRole('button', { name: en.admin.retireConfirm }).click();
    await expect
      .poll(() => page.locator('[role="status"] .notice').first().textContent(), { timeout: 15_000 })
      .toBe(en.admin.retiredNow.replace('{{name}}', name));
    await expect.poll(() => card.locator('.notice--warning').first().textContent()).toContain('Closed for rebuilding');
    expect(await publicNames()).toEqual([]);
    await screenshot(page, 'safe-places-retired-en-1280');

    const publicPage = async (count: number) => {
      await page.goto(`${baseUrl}/safe-places?q=${encodeURIComponent(name)}`);
      await expect
        .poll(() => page.locator('main [role="status"]').first().textContent(), { timeout: 15_000 })
        .toBe(en.found.replace('{{count}}', String(count)));
      expect(await page.locator('.place-card__title', { hasText: name }).count()).toBe(count);
    };
    await publicPage(0);

    // Back in the editor's list the retired place offers only to be restored (it is not edited while retired).
    await page.goto(`${baseUrl}/portal-admin/places`);
    await loaded(page, '.place-card');
    const restoreButton = card.getByRole('button', { name: new RegExp(`^${en.admin.restore}\\b`) });
    await restoreButton.waitFor();
    expect(await card.getByRole('button', { name: new RegExp(`^${en.admin.edit}\\b`) }).count()).toBe(0);
    expect(await card.locator('.notice--warning').first().textContent()).toContain('Closed for rebuilding');
    await restoreButton.click();
    await expect
      .poll(() => page.locator('[role="status"] .notice').first().textContent(), { timeout: 15_000 })
      .toBe(en.admin.restored.replace('{{name}}', name));
    expect(await publicNames()).toEqual([name]);
    await publicPage(1);

    // Retired while open in the editor, the place is shown retired with its reason and can only be restored there.
    await page.goto(`${baseUrl}/portal-admin/places`);
    await loaded(page, '.place-card');
    await card.getByRole('button', { name: new RegExp(`^${en.admin.edit}\\b`) }).click();
    await page.locator('.place-editor #place-name-en').waitFor();
    await card.getByRole('button', { name: new RegExp(`^${en.admin.retire}\\b`) }).click();
    await card.locator('textarea').fill('Closed again for the winter season.');
    await card.getByRole('button', { name: en.admin.retireConfirm }).click();
    const editorPanel = page.locator('.place-editor');
    await expect
      .poll(() => editorPanel.locator('.notice--warning').first().textContent(), { timeout: 15_000 })
      .toContain('Closed again for the winter season.');
    expect(await editorPanel.textContent()).toContain(en.admin.restoreToEdit);
    expect(await editorPanel.locator('input, textarea, button[type="submit"]').count()).toBe(0);
    expect(await publicNames()).toEqual([]);
    await checkEveryWay(page, 'safe-places-editor-retired', () => editorPanel.locator('.notice--warning').waitFor());
    await editorPanel.getByRole('button', { name: new RegExp(`^${en.admin.restore}\\b`) }).click();
    await expect.poll(() => page.locator('.place-editor #place-name-en').inputValue(), { timeout: 15_000 }).toBe(name);
    expect(await publicNames()).toEqual([name]);
    await page.locator('.place-editor').getByRole('button', { name: en.admin.cancel, exact: true }).click();
    await publicPage(1);
    await context.close();
  }, 600_000);
});
