import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DV_RISK_INSTRUMENT } from '../common/risk-instruments.js';
import en from '../locales/prevention/en.json' with { type: 'json' };
import kk from '../locales/prevention/kk.json' with { type: 'json' };
import { browserMissing, launchBrowser } from './support/browser.js';
import { apiFromPage, checkEveryWay, chooseLanguage, demoAccount, signIn, storyTitle, type Account } from './support/stories.js';

const baseUrl = inject('baseUrl');
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const RUN = Date.now().toString(36);

describe.skipIf(browserMissing)(
  storyTitle('a risk conference whose case was closed after it was put on the agenda: marked closed, no decision offered'),
  () => {
    let browser: Browser;

    async function signedIn(account: Account, viewport: { width: number; height: number }): Promise<Page> {
      const page = await (await browser.newContext({ viewport })).newPage();
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

    it('the supervisor sees the closed case marked on the agenda, without forms for it', { timeout: 240_000 }, async () => {
      // A high-risk case, referred by its assessment.
      const officer = await signedIn(demoAccount('officer.almaty'), PHONE);
      const me = await apiFromPage(officer, 'GET', '/api/v1/auth/me');
      const opened = await apiFromPage(officer, 'POST', '/api/v1/prevention/cases', {
        beatId: (me.jurisdiction as { beatId: string }).beatId,
        legalBasis: 'Law "On the prevention of domestic violence", art. 20',
        people: [{ role: 'victim', name: `Демо Жәбірленуші ${RUN}` }],
      });
      const caseId = opened.id as string;
      const caseNumber = opened.caseNumber as string;
      const assessed = await apiFromPage(officer, 'POST', `/api/v1/prevention/cases/${caseId}/assessments`, {
        answers: DV_RISK_INSTRUMENT.questions.map((q, i) => ({
          question: q.id,
          answer: i < 14 ? 'yes' : 'no',
          source: 'victim',
        })),
        reason: 'initial',
      });
      expect(assessed.referral).not.toBeNull();

      // The conference puts it on its agenda; then the case is closed.
      const supervisor = await signedIn(demoAccount('supervisor.almaty'), DESKTOP);
      const conference = await apiFromPage(supervisor, 'POST', '/api/v1/prevention/conferences', {
        districtId: opened.districtId,
        scheduledAt: new Date().toISOString(),
        agencies: ['police', 'crisis-centre'],
      });
      expect((conference.agenda as { caseId: string }[]).map((r) => r.caseId)).toContain(caseId);
      await apiFromPage(officer, 'POST', `/api/v1/prevention/cases/${caseId}/close`, {
        outcome: 'risk-reduced',
        reason: `Victim moved to relatives (demo ${RUN})`,
        confirmOpenItems: true,
      });

      await chooseLanguage(supervisor, 'en');
      await supervisor.goto(`${baseUrl}/prevention/conferences/${conference.id as string}`);
      await supervisor.getByRole('heading', { name: en.conference.agenda }).waitFor();
      const item = supervisor.locator('.agenda__item', { has: supervisor.getByRole('link', { name: caseNumber, exact: true }) });
      await item.getByText(en.conference.caseClosed, { exact: true }).waitFor();
      await item.getByText(en.conference.caseClosedBody).waitFor();
      expect(await item.getByLabel(en.conference.decision.replace('{{number}}', caseNumber)).count()).toBe(0);
      expect(await item.getByRole('button', { name: en.conference.addAction }).count()).toBe(0);

      await checkEveryWay(supervisor, 'story-conference-closed-case', () => item.locator('.notice').waitFor());
      await chooseLanguage(supervisor, 'kk');
      await supervisor.getByRole('heading', { name: kk.conference.agenda }).waitFor();
      await item.getByText(kk.conference.caseClosed, { exact: true }).waitFor();
    });
  },
);
