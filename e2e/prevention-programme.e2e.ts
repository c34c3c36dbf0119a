import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import en from '../locales/prevention-programmes/en.json' with { type: 'json' };
import ru from '../locales/prevention-programmes/ru.json' with { type: 'json' };
import { browserMissing, launchBrowser } from './support/browser.js';
import {
  checkEveryWay,
  chooseLanguage,
  demoAccount,
  expectHeading,
  screenshot,
  signIn,
  storyTitle,
  type Account,
  apiFromPage,
} from './support/stories.js';

const baseUrl = inject('baseUrl');
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
// Invented people, unique per run so a kept server's earlier runs do not confuse the story.
const RUN = Date.now().toString(36);
const VICTIM = `Демо Жәбірленуші ${RUN}`;
const AGGRESSOR = `Демо Агрессор ${RUN}`;
const PROVIDER = `Демо психологиялық орталық ${RUN}`;
const MISSED = 'Did not come; the provider phoned him (demo)';
// Invented; passes its check digit.
const AGGRESSOR_IIN = '880315300014';

type Json = Record<string, unknown>;

describe.skipIf(browserMissing)(
  storyTitle('an aggressor programme: the officer enrols the aggressor, records attendance and exports the case redacted'),
  () => {
    let browser: Browser;
    let caseId = '';

    async function signedIn(account: Account, viewport = DESKTOP): Promise<Page> {
      const page = await (await browser.newContext({ viewport, acceptDownloads: true })).newPage();
      await page.goto(`${baseUrl}/`);
      await signIn(page, baseUrl, account);
      return page;
    }

    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it(
      'the supervisor registers a provider; the officer opens a case with the court’s requirements',
      { timeout: 120_000 },
      async () => {
        const supervisor = await signedIn(demoAccount('supervisor.almaty'));
        await apiFromPage(supervisor, 'POST', '/api/v1/prevention/programme-providers', {
          regionId: '750000000',
          name: PROVIDER,
          kind: 'psycho-correction',
        });
        const officer = await signedIn(demoAccount('officer.almaty'), PHONE);
        const me = await apiFromPage(officer, 'GET', '/api/v1/auth/me');
        const opened = await apiFromPage(officer, 'POST', '/api/v1/prevention/cases', {
          beatId: (me.jurisdiction as { beatId: string }).beatId,
          legalBasis: 'Law "On the prevention of domestic violence", art. 20',
          people: [
            { role: 'victim', name: VICTIM, phone: '+7 700 000 00 00', address: 'Ойдан шығарылған көше, 1 (Демо)' },
            { role: 'aggressor', name: AGGRESSOR, iin: AGGRESSOR_IIN },
          ],
        });
        caseId = opened.id as string;
        await apiFromPage(officer, 'POST', `/api/v1/prevention/cases/${caseId}/orders`, {
          kind: 'court-special-requirements',
          conditions: ['psycho-correction'],
          legalBasis: 'Code of Administrative Offences, art. 54',
          months: 6,
        });
        await officer.close();
      },
    );

    it('the officer enrols the aggressor and records attendance on a phone', { timeout: 180_000 }, async () => {
      const officer = await signedIn(demoAccount('officer.almaty'), PHONE);
      await chooseLanguage(officer, 'en');
      await officer.goto(`${baseUrl}/prevention/cases/${caseId}`);
      const section = officer.locator('section[aria-labelledby="case-programmes"]');
      await section.getByText(en.none).waitFor();

      // Enrolling without a basis names what is missing.
      await section.getByRole('button', { name: en.enrolButton }).click();
      await section.locator('.error-summary').getByRole('link', { name: en.required }).first().waitFor();
      await section.locator('#enrol-provider').selectOption({ label: `${PROVIDER} · ${en.kind['psycho-correction']}` });
      await section.locator('#enrol-basis').selectOption('court-order');
      await section.locator('#enrol-planned').fill('8');
      await section.locator('#enrol-allowed').fill('1');
      await section.getByRole('button', { name: en.enrolButton }).click();
      await officer.getByRole('status').getByText(en.enrolled).waitFor();
      const card = section.locator('.case-card').filter({ hasText: PROVIDER });
      await card.waitFor();

      const sessionDay = card.locator('input[type="date"]').first();
      await sessionDay.fill('2026-02-02');
      await card.getByRole('button', { name: en.saveSession }).click();
      await officer.getByRole('status').getByText(en.sessionSaved).waitFor();
      // A missed session needs its reason.
      await sessionDay.fill('2026-02-09');
      await card.locator('select').first().selectOption('no');
      await card.getByRole('button', { name: en.saveSession }).click();
      await card.locator('.error-summary').getByText(en.reasonRequired).first().waitFor();
      await card.getByLabel(en.reason).fill(MISSED);
      await card.getByRole('button', { name: en.saveSession }).click();
      await card.getByText(MISSED).waitFor();
      await card
        .getByText(
          en.attendanceValue
            .replace('{{attended}}', '1')
            .replace('{{planned}}', '8')
            .replace('{{missed}}', '1')
            .replace('{{allowed}}', '1'),
        )
        .waitFor();
      await screenshot(officer, 'story-programme-attendance-en-360');

      // A repeat aggressor: the officer looks the IIN up and finds this case among the results.
      const search = officer.locator('section[aria-labelledby="person-search"]');
      await search.getByLabel(en.search.iin).fill('880315 300015');
      await search.getByLabel(en.search.reason).fill('Repeat call (demo)');
      await search.getByRole('button', { name: en.search.button }).click();
      await search.locator('.error-summary').getByText(en.search.iinInvalid).first().waitFor();
      await search.getByLabel(en.search.iin).fill(`${AGGRESSOR_IIN.slice(0, 6)} ${AGGRESSOR_IIN.slice(6)}`);
      await search.getByRole('button', { name: en.search.button }).click();
      await search.locator('.case-card').filter({ hasText: AGGRESSOR }).waitFor();
      expect(officer.url()).not.toContain(AGGRESSOR_IIN.slice(6));

      await checkEveryWay(officer, 'story-programme-case', async () => {
        await section.locator('.case-card').filter({ hasText: PROVIDER }).waitFor();
      });
      await officer.close();
    });

    it(
      'before opening a new case, the officer finds the aggressor’s case on the “Find a person” page',
      { timeout: 240_000 },
      async () => {
        const officer = await signedIn(demoAccount('officer.almaty'), PHONE);
        await chooseLanguage(officer, 'en');
        await officer.goto(`${baseUrl}/prevention`);
        await officer.getByRole('navigation').getByRole('link', { name: en.search.nav }).click();
        await expectHeading(officer, en.search.pageTitle);
        expect(await officer.locator('h1').count()).toBe(1);

        await officer.getByLabel(en.search.iin).fill('880315 300015');
        await officer.getByRole('button', { name: en.search.button }).click();
        const summary = officer.locator('.error-summary');
        await summary.getByText(en.search.iinInvalid).first().waitFor();
        await summary.getByText(en.search.reasonRequired).first().waitFor();
        await expect.poll(() => officer.locator('.case-card').count()).toBe(0);

        await officer.getByLabel(en.search.iin).fill(AGGRESSOR_IIN);
        await officer.getByLabel(en.search.reason).fill('Call to a new address; checking before a new case (demo)');
        await officer.getByRole('button', { name: en.search.button }).click();
        const card = officer.locator('.case-card').filter({ has: officer.locator(`a[href="/prevention/cases/${caseId}"]`) });
        await card.getByText(AGGRESSOR).waitFor();
        await card.getByText(en.search.status.open).waitFor();
        await officer
          .getByRole('status')
          .getByText(/^Cases found: \d+$/)
          .waitFor();
        expect(officer.url()).toBe(`${baseUrl}/prevention/search`);

        await checkEveryWay(officer, 'story-person-search', async () => {
          await card.waitFor();
        });
        await card.getByRole('link').click();
        await officer.locator('section[aria-labelledby="case-programmes"]').waitFor();
        await officer.close();
      },
    );

    it(
      'a supervisor finds the same case in Russian, with the names (they oversee every case of the area)',
      { timeout: 120_000 },
      async () => {
        const supervisor = await signedIn(demoAccount('supervisor.almaty'));
        await chooseLanguage(supervisor, 'ru');
        await supervisor.goto(`${baseUrl}/prevention`);
        await supervisor.getByRole('navigation').getByRole('link', { name: ru.search.nav }).click();
        await expectHeading(supervisor, ru.search.pageTitle);
        await supervisor.getByLabel(ru.search.iin).fill(AGGRESSOR_IIN);
        await supervisor.getByLabel(ru.search.reason).fill('Проверка перед конференцией (демо)');
        await supervisor.getByRole('button', { name: ru.search.button }).click();
        const card = supervisor
          .locator('.case-card')
          .filter({ has: supervisor.locator(`a[href="/prevention/cases/${caseId}"]`) });
        await card.getByText(VICTIM).waitFor();
        await card.getByText(ru.search.status.open).waitFor();
        await screenshot(supervisor, 'story-person-search-ru-1280');
        await supervisor.close();
      },
    );

    it(
      'the officer downloads the redacted export: roles and initials, no names, contacts or notes',
      { timeout: 120_000 },
      async () => {
        const officer = await signedIn(demoAccount('officer.almaty'), PHONE);
        await chooseLanguage(officer, 'en');
        await officer.goto(`${baseUrl}/prevention/cases/${caseId}`);
        const [download] = await Promise.all([
          officer.waitForEvent('download'),
          officer.getByRole('link', { name: en.export.json }).click(),
        ]);
        expect(download.suggestedFilename()).toMatch(/^DV-\d{4}-\d{6}-redacted\.json$/);
        const text = fs.readFileSync((await download.path())!, 'utf8');
        for (const secret of [VICTIM, AGGRESSOR, '+7 700', 'Ойдан', MISSED]) expect(text).not.toContain(secret);
        const exported = JSON.parse(text) as Json;
        expect(exported.redacted).toBe(true);
        expect(exported.programmes).toEqual([expect.objectContaining({ attended: 1, missed: 1, basis: 'court-order' })]);
        expect((exported.people as { role: string; initials: string }[]).map((p) => p.role)).toEqual(['victim', 'aggressor']);

        // The full export asks for a reason first.
        await officer.getByRole('button', { name: en.export.fullButton }).click();
        await officer.locator('.error-summary').getByText(en.export.reasonRequired.replace('{{count}}', '20')).waitFor();
        await screenshot(officer, 'story-programme-export-en-360');
        await officer.close();
      },
    );
  },
);
