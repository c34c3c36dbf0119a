import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import en from '../locales/prevention/en.json' with { type: 'json' };
import ru from '../locales/prevention/ru.json' with { type: 'json' };
import { browserMissing, launchBrowser } from './support/browser.js';
import {
  apiFromPage,
  checkEveryWay,
  chooseLanguage,
  demoAccount,
  expectHeading,
  screenshot,
  signIn,
  storyTitle,
} from './support/stories.js';

const baseUrl = inject('baseUrl');
const PHONE = { width: 360, height: 740 };
// Invented, unique per run so a kept server's earlier runs do not confuse the story.
const RUN = Date.now().toString(36);
const WHAT = `Came to the flat at night and banged on the door for ten minutes (demo ${RUN})`;

describe.skipIf(browserMissing)(
  storyTitle('a breach of a protection order: the officer records it on a phone and finds it in the order’s history'),
  () => {
    let browser: Browser;

    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it(
      'records the breach, sees what it set off, and can still record one once the case is closed',
      { timeout: 240_000 },
      async () => {
        const officer = await (await browser.newContext({ viewport: PHONE })).newPage();
        await officer.goto(`${baseUrl}/`);
        await signIn(officer, baseUrl, demoAccount('officer.almaty'));
        const me = await apiFromPage(officer, 'GET', '/api/v1/auth/me');
        const opened = await apiFromPage(officer, 'POST', '/api/v1/prevention/cases', {
          beatId: (me.jurisdiction as { beatId: string }).beatId,
          legalBasis: 'Law "On the prevention of domestic violence", art. 20',
          people: [
            { role: 'victim', name: `Демо Жәбірленуші ${RUN}`, address: 'Ойдан шығарылған көше, 7 (Демо)' },
            { role: 'aggressor', name: `Демо Агрессор ${RUN}` },
          ],
        });
        const caseId = opened.id as string;
        const caseNumber = opened.caseNumber as string;
        await apiFromPage(officer, 'POST', `/api/v1/prevention/cases/${caseId}/orders`, {
          kind: 'police-protection',
          conditions: ['no-contact'],
          legalBasis: 'Law "On the prevention of domestic violence", art. 20',
          issuedAt: new Date(Date.now() - 86_400_000).toISOString(),
        });

        await chooseLanguage(officer, 'en');
        await officer.goto(`${baseUrl}/prevention/cases/${caseId}`);
        await expectHeading(officer, en.case.title.replace('{{number}}', caseNumber));
        const order = officer.locator('section[aria-labelledby="case-orders"] .case-card').first();
        await order.getByText(en.breach.open).click();
        // Without a word of what happened, the form says so and sends nothing.
        await order.getByRole('button', { name: en.breach.submit }).click();
        await order.locator('.error-summary').getByRole('link', { name: en.breach.whatRequired }).waitFor();
        await screenshot(officer, 'story-order-breach-errors-en-360');

        await order.getByLabel(en.breach.what).fill(WHAT);
        await order.getByRole('button', { name: en.breach.submit }).click();
        const outcome = order.getByRole('status');
        await outcome.getByText(en.breach.recorded).waitFor();
        await outcome.getByText(en.breach.reassess).waitFor();
        const history = order.locator('.breach-history');
        await history.getByText(WHAT, { exact: false }).waitFor();
        await officer.getByText(en.list.reassess).first().waitFor();

        const file = await apiFromPage(officer, 'GET', `/api/v1/prevention/cases/${caseId}`);
        expect(file.needsReassessment).toBe(true);
        expect(file.violations).toEqual([expect.objectContaining({ description: WHAT })]);

        await checkEveryWay(officer, 'story-order-breach', () => history.getByText(WHAT, { exact: false }).waitFor());
        await officer.setViewportSize(PHONE);
        await chooseLanguage(officer, 'ru');
        await order.getByText(ru.breach.history, { exact: true }).waitFor();
        await outcome.getByText(ru.breach.recorded).waitFor();
        await screenshot(officer, 'story-order-breach-ru-360');

        // The history is the server's: it is there after a reload too.
        await chooseLanguage(officer, 'en');
        await officer.reload();
        await history.getByText(WHAT, { exact: false }).waitFor();

        // A closed case keeps its history, and still takes a breach of the order in force.
        await apiFromPage(officer, 'POST', `/api/v1/prevention/cases/${caseId}/close`, {
          outcome: 'risk-reduced',
          reason: `Victim moved to relatives (demo ${RUN})`,
          confirmOpenItems: true,
        });
        await officer.reload();
        await officer.locator('.closed-case-notice').getByText(en.closedCase.title).waitFor();
        await history.getByText(WHAT, { exact: false }).waitFor();
        expect(await officer.getByText(en.breach.open).count()).toBe(1);
      },
    );
  },
);
