import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DV_RISK_INSTRUMENT } from '../common/risk-instruments.js';
import en from '../locales/prevention/en.json' with { type: 'json' };
import kk from '../locales/prevention/kk.json' with { type: 'json' };
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
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const TEXT = { kk, en };
// Invented people: the story's data must never look like anyone real.
const VICTIM = 'Демо Жәбірленуші Ойдан-Шығарылған';
const ACTION = 'Offer the victim and children a place tonight (demo)';
const REASON = 'Called to a disturbance at this address; need the order conditions now';

type Json = Record<string, unknown>;

/** A call to the API from inside the signed-in page, so it carries the session and our Origin. */
async function call(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        credentials: 'include',
        headers:
          body === undefined
            ? { accept: 'application/json' }
            : { accept: 'application/json', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
    },
    { method, path, body },
  );
}

async function ok(page: Page, method: string, path: string, body?: unknown): Promise<Json> {
  const response = await call(page, method, path, body);
  expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
  return response.body;
}

async function expectAccessible(page: Page, name: string) {
  const violations = await seriousViolations(page);
  expect(violations, `${name}: ${violations.map((v) => `${v.id} ${v.help}`).join('; ')}`).toEqual([]);
  expect(await scrollsSideways(page), `${name} scrolls sideways`).toBe(false);
}

/** A point inside the officer's own beat: the middle of its boundary, checked with the resolver. */
async function homeInBeat(page: Page, beatId: string): Promise<[number, number]> {
  const beats = (await ok(page, 'GET', '/api/v1/geo/boundaries?level=beat&regionId=750000000')) as unknown as {
    features: { properties: { id: string }; geometry: { type: string; coordinates: unknown } }[];
  };
  const beat = beats.features.find((f) => f.properties.id === beatId);
  if (!beat) throw new Error(`beat ${beatId} has no boundary`);
  const flat = JSON.stringify(beat.geometry.coordinates).match(/-?\d+(\.\d+)?,-?\d+(\.\d+)?/g) ?? [];
  const vertices = flat.map((pair) => pair.split(',').map(Number) as [number, number]);
  const centre: [number, number] = [
    vertices.reduce((s, v) => s + v[0], 0) / vertices.length,
    vertices.reduce((s, v) => s + v[1], 0) / vertices.length,
  ];
  // The vertex average can fall outside a concave beat: walk towards each vertex until one is inside.
  for (const candidate of [
    centre,
    ...vertices.map((v) => [(centre[0] + v[0]) / 2, (centre[1] + v[1]) / 2] as [number, number]),
  ]) {
    const place = await call(page, 'GET', `/api/v1/geo/resolve?lon=${candidate[0]}&lat=${candidate[1]}`);
    if (JSON.stringify(place.body).includes(beatId)) return candidate;
  }
  throw new Error(`no point found inside beat ${beatId}`);
}

describe.skipIf(browserMissing)(
  storyTitle('a domestic-violence case: assessment on a phone, referral, a partner’s action, break-glass'),
  () => {
    let browser: Browser;
    let caseId = '';
    let caseNumber = '';
    let districtId = '';
    let outsider: Account;
    const pages: Page[] = [];

    async function signedIn(account: Account, viewport = PHONE): Promise<Page> {
      const page = await (await browser.newContext({ viewport })).newPage();
      pages.push(page);
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
      'the administrator names the crisis centre’s agency and makes an officer who is on no team',
      { timeout: 120_000 },
      async () => {
        const admin = await signedIn(demoAccount('admin'), DESKTOP);
        const users = (await ok(admin, 'GET', '/api/v1/admin/users?limit=500')).items as { id: string; username: string }[];
        const partner = users.find((u) => u.username === 'partner.almaty');
        expect(partner).toBeDefined();
        await ok(admin, 'PUT', `/api/v1/prevention/partner-agencies/${partner!.id}`, { agency: 'crisis-centre' });
        const username = `officer.outsider.${Date.now().toString(36)}`;
        const password = 'steppe-lantern-orbit-2026';
        const created = await ok(admin, 'POST', '/api/v1/admin/users', {
          username,
          displayName: 'Outside officer (demo)',
          password,
          roles: ['officer'],
          jurisdiction: { level: 'region', regionId: '750000000' },
        });
        outsider = { username, password, totpSecret: (created.totp as { secret: string }).secret };
      },
    );

    it('officer.almaty opens a case at a home in the beat and finds it in the list', { timeout: 120_000 }, async () => {
      const officer = await signedIn(demoAccount('officer.almaty'));
      const me = await ok(officer, 'GET', '/api/v1/auth/me');
      const beatId = (me.jurisdiction as { beatId: string }).beatId;
      const [lon, lat] = await homeInBeat(officer, beatId);
      const opened = await ok(officer, 'POST', '/api/v1/prevention/cases', {
        location: { type: 'Point', coordinates: [lon, lat] },
        legalBasis: 'Law “On the prevention of domestic violence”, art. 20',
        people: [
          { role: 'victim', name: VICTIM, phone: '+7 700 000 00 00' },
          { role: 'aggressor', name: 'Демо Агрессор Ойдан-Шығарылған' },
        ],
      });
      caseId = opened.id as string;
      caseNumber = opened.caseNumber as string;
      districtId = opened.districtId as string;

      for (const language of ['kk', 'en'] as const) {
        await chooseLanguage(officer, language);
        await officer.goto(`${baseUrl}/prevention`);
        await expectHeading(officer, TEXT[language].list.title);
        await officer.getByRole('link', { name: caseNumber }).waitFor();
        expect(await officer.locator('main').textContent()).not.toContain(VICTIM);
        await expect.poll(() => officer.locator('.quick-exit__button').isVisible()).toBe(true);
        await expectAccessible(officer, `case list in ${language}`);
        await screenshot(officer, `story-prevention-list-${language}-360`);
      }
    });

    it('fills the risk assessment on a 360 px phone, reaches high risk and sees the referral', { timeout: 120_000 }, async () => {
      const officer = pages[1]!;
      await officer.goto(`${baseUrl}/prevention/cases/${caseId}/assess`);
      await expectHeading(officer, en.form.title.replace('{{number}}', caseNumber));
      // Submitting early names what is missing.
      await officer.getByRole('button', { name: en.form.submit }).click();
      await officer.locator('.error-summary').getByText(en.form.answerAll).waitFor();
      await expectAccessible(officer, 'assessment form with errors in en');

      const questions = DV_RISK_INSTRUMENT.questions;
      for (const [index, question] of questions.entries()) {
        const answer = index < 15 ? 'yes' : index < 24 ? 'no' : 'unknown';
        await officer.locator(`label:has(#q-${question.id}-${answer})`).click();
      }
      await officer.locator(`#s-${questions[0]!.id}`).selectOption('officer-observation');
      await expect
        .poll(() => officer.locator('.risk-score__value').textContent())
        .toBe(
          en.form.score
            .replace('{{yes}}', '15')
            .replace('{{total}}', String(questions.length))
            .replace('{{grade}}', en.grade.high),
        );
      expect(await scrollsSideways(officer)).toBe(false);
      await screenshot(officer, 'story-prevention-form-en-360');

      await chooseLanguage(officer, 'kk');
      await expectHeading(officer, kk.form.title.replace('{{number}}', caseNumber));
      await officer.getByText(questions[0]!.text.kk).waitFor();
      await expectAccessible(officer, 'assessment form in kk');
      await screenshot(officer, 'story-prevention-form-kk-360');
      await chooseLanguage(officer, 'en');

      await officer.getByRole('button', { name: en.form.submit }).click();
      await officer.getByText(en.form.saved.replace('{{grade}}', en.grade.high)).waitFor();
      await officer.getByText(en.form.referred.replace('{{criteria}}', en.case.criteria['high-score'])).waitFor();
      await screenshot(officer, 'story-prevention-referred-en-360');
    });

    it('the case page shows the grade, the trend, the referral and the quick exit', { timeout: 120_000 }, async () => {
      const officer = pages[1]!;
      for (const language of ['en', 'kk'] as const) {
        await chooseLanguage(officer, language);
        await officer.goto(`${baseUrl}/prevention/cases/${caseId}`);
        await expectHeading(officer, TEXT[language].case.title.replace('{{number}}', caseNumber));
        await officer.getByText(VICTIM).waitFor();
        await officer.locator('#case-referrals ~ ul').getByText(TEXT[language].case.awaiting).waitFor();
        await officer.locator('#case-assessments ~ table').waitFor();
        await expectAccessible(officer, `case page in ${language}`);
        await screenshot(officer, `story-prevention-case-${language}-360`);
      }
      await officer.setViewportSize(DESKTOP);
      await screenshot(officer, 'story-prevention-case-kk-1280');
      await officer.setViewportSize(PHONE);
      await chooseLanguage(officer, 'en');
    });

    it(
      'the supervisor’s risk conference assigns an action to the crisis centre, which partner.almaty completes',
      { timeout: 120_000 },
      async () => {
        const supervisor = await signedIn(demoAccount('supervisor.almaty'), DESKTOP);
        const conference = await ok(supervisor, 'POST', '/api/v1/prevention/conferences', {
          districtId,
          scheduledAt: new Date().toISOString(),
          agencies: ['police', 'crisis-centre'],
        });
        await ok(supervisor, 'POST', `/api/v1/prevention/conferences/${conference.id as string}/actions`, {
          caseId,
          agency: 'crisis-centre',
          description: ACTION,
          dueAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        });

        const partner = await signedIn(demoAccount('partner.almaty'));
        await chooseLanguage(partner, 'en');
        await partner.goto(`${baseUrl}/prevention`);
        await expectHeading(partner, en.partner.title);
        const card = partner.locator('.case-card', { hasText: ACTION });
        await card.waitFor();
        await expectAccessible(partner, 'partner actions in en');
        await card.getByRole('button', { name: en.partner.complete }).click();
        await partner.getByText(en.partner.completed).waitFor();
        await expect.poll(() => card.getByRole('button', { name: en.partner.complete }).count()).toBe(0);
        await screenshot(partner, 'story-prevention-partner-en-360');
      },
    );

    it('an officer outside the team must break the glass, and the team sees it', { timeout: 150_000 }, async () => {
      const stranger = await signedIn(outsider);
      await chooseLanguage(stranger, 'en');
      await stranger.goto(`${baseUrl}/prevention/cases/${caseId}`);
      await expectHeading(stranger, en.breakGlass.title);
      expect(await stranger.locator('main').textContent()).not.toContain(VICTIM);
      await expectAccessible(stranger, 'break-glass form in en');
      await screenshot(stranger, 'story-prevention-break-glass-en-360');
      await stranger.locator('#break-glass-reason').fill(REASON);
      await stranger.getByRole('button', { name: en.breakGlass.submit }).click();
      await expectHeading(stranger, en.case.title.replace('{{number}}', caseNumber));
      await stranger.getByText(en.case.breakGlassNotice).waitFor();
      await stranger.getByText(VICTIM).waitFor();

      const officer = pages[1]!;
      await officer.goto(`${baseUrl}/prevention/cases/${caseId}`);
      const log = officer.locator('#case-break-glass ~ ul');
      await log.getByText(outsider.username, { exact: false }).waitFor();
      await log.getByText(REASON).waitFor();
      await screenshot(officer, 'story-prevention-break-glass-log-en-360');

      // The break-glass also sits in the officer's reminders, by case number only.
      await officer.goto(`${baseUrl}/prevention/reminders`);
      await expectHeading(officer, en.reminders.title);
      const alert = officer.locator('.case-card', { hasText: en.reminders.kind['break-glass'] });
      await alert.getByRole('link', { name: caseNumber }).waitFor();
      expect(await officer.locator('main').textContent()).not.toContain(REASON);
      await expectAccessible(officer, 'reminders in en');
      await screenshot(officer, 'story-prevention-reminders-en-360');
    });

    it('an officer at night sees where there are free beds', async () => {
      const officer = pages[1]!;
      for (const language of ['kk', 'en'] as const) {
        await chooseLanguage(officer, language);
        await officer.goto(`${baseUrl}/prevention/centres`);
        await expectHeading(officer, TEXT[language].centres.title);
        await officer.locator('.centre-beds').first().waitFor();
        await expectAccessible(officer, `crisis centres in ${language}`);
        await screenshot(officer, `story-prevention-centres-${language}-360`);
      }
    });
  },
);
