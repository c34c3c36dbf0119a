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
// Unique per run: a story run again against a kept server must find its own action, not an earlier one.
const RUN = Date.now().toString(36);
const ACTION = `Offer the victim and children a place tonight (demo ${RUN})`;
const DECISION = `Safety plan agreed: shelter tonight, school informed (demo ${RUN})`;
const REASON = 'Called to a disturbance at this address; need the order conditions now';
// The server's problem title (server/http/errors.ts), shown as it comes.
const CASE_CLOSED = 'This case is closed. Reopen it first to record anything new.';

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

describe.skipIf(browserMissing)(
  storyTitle(
    'a domestic-violence case: opened with the form, assessed on a phone, heard at a risk conference, a partner’s action, masked views and break-glass',
  ),
  () => {
    let browser: Browser;
    let caseId = '';
    let caseNumber = '';
    let districtId = '';
    let outsider: Account;
    let countrySupervisor: Account;
    let supervisorPage: Page;
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
        const chief = `supervisor.country.${Date.now().toString(36)}`;
        const made = await ok(admin, 'POST', '/api/v1/admin/users', {
          username: chief,
          displayName: 'Country supervisor (demo)',
          password,
          roles: ['supervisor'],
          jurisdiction: { level: 'country' },
        });
        countrySupervisor = { username: chief, password, totpSecret: (made.totp as { secret: string }).secret };
      },
    );

    it('officer.almaty opens a case with the form on a phone and finds it in the list', { timeout: 120_000 }, async () => {
      const officer = await signedIn(demoAccount('officer.almaty'));
      await chooseLanguage(officer, 'en');
      await officer.goto(`${baseUrl}/prevention`);
      await officer.getByRole('link', { name: en.create.open }).click();
      await expectHeading(officer, en.create.title);
      // Submitting the empty form names every missing field, each linked to its control.
      await officer.getByRole('button', { name: en.create.submit }).click();
      const summary = officer.locator('.error-summary');
      await summary.getByRole('link', { name: en.create.victimNameRequired }).waitFor();
      await summary.getByRole('link', { name: en.create.aggressorNameRequired }).waitFor();
      await officer.locator('#new-case-victim-iin').fill('123456789012');
      await officer.getByRole('button', { name: en.create.submit }).click();
      await summary.getByRole('link', { name: en.create.iinInvalid }).waitFor();
      await expectAccessible(officer, 'case form with errors in en');
      await screenshot(officer, 'story-prevention-new-errors-en-360');

      // The beat inspector's own beat is the only place offered, already chosen.
      const me = await ok(officer, 'GET', '/api/v1/auth/me');
      const beatId = (me.jurisdiction as { beatId: string }).beatId;
      expect(
        await officer.locator('#new-case-beat option').evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value)),
      ).toEqual([beatId]);
      await officer.locator('#new-case-victim-name').fill(VICTIM);
      await officer.locator('#new-case-victim-phone').fill('+7 700 000 00 00');
      await officer.locator('#new-case-victim-iin').fill('');
      await officer.locator('#new-case-victim-address').fill('Ойдан шығарылған көше, 99 (Демо)');
      await officer.locator('#new-case-aggressor-name').fill('Демо Агрессор Ойдан-Шығарылған');
      await chooseLanguage(officer, 'kk');
      await expectHeading(officer, kk.create.title);
      await expectAccessible(officer, 'case form in kk');
      await screenshot(officer, 'story-prevention-new-kk-360');
      await officer.setViewportSize(DESKTOP);
      await screenshot(officer, 'story-prevention-new-kk-1280');
      await officer.setViewportSize(PHONE);
      await chooseLanguage(officer, 'en');
      await officer.getByRole('button', { name: en.create.submit }).click();
      await expect.poll(() => officer.url(), { timeout: 15_000 }).toMatch(/\/prevention\/cases\/[0-9a-f-]{36}$/);
      caseId = officer.url().split('/').pop()!;
      const opened = await ok(officer, 'GET', `/api/v1/prevention/cases/${caseId}`);
      caseNumber = opened.caseNumber as string;
      districtId = opened.districtId as string;
      expect(opened.beatId).toBe(beatId);
      expect((opened.people as { role: string }[]).map((p) => p.role)).toEqual(['victim', 'aggressor']);
      await expectHeading(officer, en.case.title.replace('{{number}}', caseNumber));

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
      'the supervisor calls the risk conference, records who came, the decision and an action for the crisis centre',
      { timeout: 150_000 },
      async () => {
        const supervisor = await signedIn(demoAccount('supervisor.almaty'), DESKTOP);
        supervisorPage = supervisor;
        await chooseLanguage(supervisor, 'en');
        await supervisor.goto(`${baseUrl}/prevention`);
        await supervisor.getByRole('link', { name: en.nav.conferences }).click();
        await expectHeading(supervisor, en.conferences.title);
        const due = supervisor.locator('#conferences-due ~ ul');
        await due.getByRole('link', { name: caseNumber }).waitFor();
        expect(await supervisor.locator('main').textContent()).not.toContain(VICTIM);
        // The demo's earlier conference is listed with what it left open.
        await supervisor.locator('#conferences-held ~ ul .case-card').first().waitFor();
        await expectAccessible(supervisor, 'conferences in en at 1280');
        await screenshot(supervisor, 'story-prevention-conferences-en-1280');
        expect(await supervisor.locator('#conference-district').inputValue()).toBe(districtId);
        await supervisor.getByRole('button', { name: en.conferences.callSubmit }).click();
        await expect.poll(() => supervisor.url(), { timeout: 15_000 }).toMatch(/\/prevention\/conferences\/[0-9a-f-]{36}$/);

        await supervisor.locator('label[for="attended-police"]').click();
        await supervisor.locator('label[for="attended-crisis-centre"]').click();
        await supervisor.getByRole('button', { name: en.conference.saveAttendance }).click();
        await supervisor.getByText(en.conference.attendanceSaved).waitFor();
        // The health delegate came late and was left off: a correction needs a reason and keeps the first list.
        const attendance = supervisor.locator('section[aria-labelledby="conference-attendance"]');
        await supervisor.locator('label[for="attended-health"]').click();
        await attendance.getByLabel(en.conference.correctionReason).fill('late');
        await attendance.getByRole('button', { name: en.conference.correctAttendance }).click();
        await attendance.getByText(en.conference.reasonShort).waitFor();
        await attendance
          .getByLabel(en.conference.correctionReason)
          .fill('The health delegate came late and signed the list after');
        await attendance.getByRole('button', { name: en.conference.correctAttendance }).click();
        await supervisor.getByText(en.conference.attendanceCorrected).waitFor();
        await attendance.getByText(en.conference.corrections.replace('{{count}}', '1')).click();
        await expect
          .poll(() => attendance.locator('.conference-history s').textContent())
          .toBe(`${en.agency.police}, ${en.agency['crisis-centre']}`);
        await expectAccessible(supervisor, 'corrected attendance in en at 1280');
        await screenshot(supervisor, 'story-prevention-attendance-corrected-en-1280');

        const item = supervisor.locator('.agenda__item', { hasText: caseNumber });
        // An action without an owner or text is refused with both named.
        await item.getByRole('button', { name: en.conference.addAction }).click();
        await item.locator('.error-summary').getByText(en.conference.agencyRequired).waitFor();
        await item.getByLabel(en.conference.decision.replace('{{number}}', caseNumber)).fill(DECISION);
        await item.getByRole('button', { name: en.conference.saveDecision }).click();
        await supervisor.getByText(en.conference.decisionSaved).waitFor();
        await item.getByText(DECISION).waitFor();
        // A recorded decision is amended with a reason, never silently overwritten.
        await item.getByText(en.conference.amend).click();
        await item
          .getByLabel(en.conference.amendedDecision.replace('{{number}}', caseNumber))
          .fill(`${DECISION}; police visit daily`);
        await item.getByLabel(en.conference.reason).fill('The chair corrected the minutes');
        await item.getByRole('button', { name: en.conference.saveAmendment }).click();
        await supervisor.getByText(en.conference.decisionAmended).waitFor();
        await item.getByText(en.conference.history.replace('{{count}}', '1')).waitFor();
        await item.getByLabel(en.conference.owner).selectOption('crisis-centre');
        await item.getByLabel(en.conference.actionText).fill(ACTION);
        await item.getByRole('button', { name: en.conference.addAction }).click();
        await supervisor.getByText(en.conference.actionSaved).waitFor();
        await item.getByText(ACTION, { exact: false }).waitFor();
        await expectAccessible(supervisor, 'conference in en at 1280');
        await screenshot(supervisor, 'story-prevention-conference-en-1280');
        await supervisor.setViewportSize(PHONE);
        await chooseLanguage(supervisor, 'kk');
        await expectAccessible(supervisor, 'conference in kk at 360');
        await screenshot(supervisor, 'story-prevention-conference-kk-360');
        const conferenceId = supervisor.url().split('/').pop()!;
        const saved = await ok(supervisor, 'GET', `/api/v1/prevention/conferences/${conferenceId}`);
        expect(saved.attended).toEqual(['police', 'crisis-centre', 'health']);
        expect(saved.attendanceCorrections).toMatchObject([{ previous: ['police', 'crisis-centre'] }]);

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

        // A case of the area where the crisis centre has nothing to do: the partner sees it masked.
        const cases = (await ok(supervisor, 'GET', '/api/v1/prevention/cases?limit=100')).items as { id: string }[];
        let maskedId = '';
        for (const c of cases) {
          const masked = await ok(partner, 'GET', `/api/v1/prevention/cases/${c.id}/masked`);
          if (masked.access === null) {
            maskedId = c.id;
            break;
          }
        }
        expect(maskedId).not.toBe('');
        const full = await call(partner, 'GET', `/api/v1/prevention/cases/${maskedId}`);
        expect(full.status).toBe(403);
        await partner.goto(`${baseUrl}/prevention/cases/${maskedId}`);
        await partner.getByRole('heading', { name: en.masked.title }).waitFor();
        await partner.getByText(en.masked.teamOnly).waitFor();
        expect(await partner.locator('main').textContent()).not.toContain('(Демо)');
        expect(await partner.getByRole('button', { name: en.breakGlass.submit }).count()).toBe(0);
        await expectAccessible(partner, 'masked case for a partner in en');
        await screenshot(partner, 'story-prevention-masked-partner-en-360');
      },
    );

    it('an officer outside the team must break the glass, and the team sees it', { timeout: 150_000 }, async () => {
      const stranger = await signedIn(outsider);
      await chooseLanguage(stranger, 'en');
      await stranger.goto(`${baseUrl}/prevention/cases/${caseId}`);
      // The server sends the mask: number, grade, roles with initials — the name never reaches the page.
      await expectHeading(stranger, en.case.title.replace('{{number}}', caseNumber));
      await stranger.getByRole('heading', { name: en.breakGlass.title }).waitFor();
      await stranger.locator('.masked-people').getByText('Д. Ж.').waitFor();
      await stranger.getByText(en.grade.high).first().waitFor();
      expect(await stranger.locator('main').textContent()).not.toContain(VICTIM);
      const masked = await ok(stranger, 'GET', `/api/v1/prevention/cases/${caseId}/masked`);
      expect(JSON.stringify(masked)).not.toMatch(/Демо|700 000|Ойдан/);
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

    it('a country-level supervisor picks the region, then the district, to call a conference', { timeout: 120_000 }, async () => {
      const chief = await signedIn(countrySupervisor);
      await chooseLanguage(chief, 'en');
      await chief.goto(`${baseUrl}/prevention/conferences`);
      await expectHeading(chief, en.conferences.title);
      await chief.locator('#conference-region').selectOption('750000000');
      await expect.poll(() => chief.locator('#conference-district option').count(), { timeout: 15_000 }).toBeGreaterThan(2);
      await chief.locator('#conference-district').selectOption(districtId);
      await expectAccessible(chief, 'conferences for a country supervisor in en at 360');
      await screenshot(chief, 'story-prevention-conferences-country-en-360');
    });

    it(
      'the officer closes the case on a phone, confirming the order still in force, and reopens it',
      { timeout: 150_000 },
      async () => {
        const officer = pages[1]!;
        // A police order in force: closing must be confirmed deliberately.
        await ok(officer, 'POST', `/api/v1/prevention/cases/${caseId}/orders`, {
          kind: 'police-protection',
          conditions: ['no-contact'],
          legalBasis: 'Law "On the prevention of domestic violence", art. 20',
        });
        await chooseLanguage(officer, 'en');
        await officer.goto(`${baseUrl}/prevention/cases/${caseId}`);
        await expectHeading(officer, en.case.title.replace('{{number}}', caseNumber));
        await officer.getByRole('button', { name: en.closing.close }).click();
        const dialog = officer.getByRole('dialog', { name: en.closing.closeTitle.replace('{{number}}', caseNumber) });
        await dialog.waitFor();
        // An empty close names the outcome and the reason, each linked to its field.
        await dialog.getByRole('button', { name: en.closing.submitClose }).click();
        await dialog.locator('.error-summary').getByRole('link', { name: en.closing.outcomeMissing }).waitFor();
        await dialog.locator('.error-summary').getByRole('link', { name: en.closing.reasonShort }).waitFor();
        await dialog.getByLabel(en.closing.outcome).selectOption('victim-moved');
        await dialog.getByLabel(en.closing.reason).fill(`Victim moved to relatives in another region (demo ${RUN})`);
        await dialog.getByRole('button', { name: en.closing.submitClose }).click();
        // The server refuses while the order is in force and asks for a deliberate confirmation.
        await dialog.getByLabel(en.closing.confirm).waitFor();
        await expectAccessible(officer, 'close dialog with the open-items refusal in en at 360');
        await screenshot(officer, 'story-prevention-close-dialog-en-360');
        expect((await ok(officer, 'GET', `/api/v1/prevention/cases/${caseId}`)).status).toBe('open');
        await dialog.getByLabel(en.closing.confirm).check();
        await dialog.getByRole('button', { name: en.closing.submitClose }).click();
        await officer.getByText(en.closing.closedNews).waitFor();
        await officer.getByText(en.closing.outcomes['victim-moved']).waitFor();
        await officer.getByRole('button', { name: en.closing.reopen }).waitFor();
        await chooseLanguage(officer, 'kk');
        await officer.getByRole('heading', { name: kk.closing.heading }).waitFor();
        // The confirmation follows the language switch, like every text on the page.
        await officer.getByText(kk.closing.closedNews).waitFor();
        await expectAccessible(officer, 'closed case in kk at 360');
        await screenshot(officer, 'story-prevention-closed-kk-360');
        await officer.setViewportSize(DESKTOP);
        await screenshot(officer, 'story-prevention-closed-kk-1280');
        await officer.setViewportSize(PHONE);

        await chooseLanguage(officer, 'en');
        await officer.getByRole('button', { name: en.closing.reopen }).click();
        const reopen = officer.getByRole('dialog', { name: en.closing.reopenTitle.replace('{{number}}', caseNumber) });
        await reopen.getByLabel(en.closing.reason).fill('A new call-out to the same family tonight');
        await reopen.getByRole('button', { name: en.closing.submitReopen }).click();
        await officer.getByText(en.closing.reopenedNews).waitFor();
        await officer.getByRole('button', { name: en.closing.close }).waitFor();
        const file = await ok(officer, 'GET', `/api/v1/prevention/cases/${caseId}`);
        expect(file.status).toBe('open');
        expect((file.timeline as { kind: string }[]).map((e) => e.kind)).toEqual(
          expect.arrayContaining(['case.closed', 'case.reopened']),
        );
      },
    );

    it(
      'a closed case takes nothing new: a form opened before the close gets the refusal, the page says how to reopen',
      { timeout: 150_000 },
      async () => {
        const officer = pages[1]!;
        await chooseLanguage(officer, 'en');
        // The officer starts a reassessment while the case is open...
        await officer.goto(`${baseUrl}/prevention/cases/${caseId}/assess`);
        await expectHeading(officer, en.form.title.replace('{{number}}', caseNumber));
        for (const question of DV_RISK_INSTRUMENT.questions) {
          await officer.locator(`label:has(#q-${question.id}-no)`).click();
        }
        await officer.locator('#reason').selectOption('review');
        // ...and the supervisor closes it meanwhile, with the protection order still in force.
        await ok(supervisorPage, 'POST', `/api/v1/prevention/cases/${caseId}/close`, {
          outcome: 'risk-reduced',
          reason: `Risk reduced after the conference (demo ${RUN})`,
          confirmOpenItems: true,
        });
        await officer.getByRole('button', { name: en.form.submit }).click();
        await officer.locator('.error-summary').getByText(CASE_CLOSED).waitFor();
        const people = await call(officer, 'POST', `/api/v1/prevention/cases/${caseId}/people?lang=ru`, {
          role: 'child',
          name: 'Демо Бала',
        });
        expect(people.status).toBe(409);
        expect(people.body).toMatchObject({ code: 'prevention.case_closed', title: expect.stringContaining('возобновите') });

        // A breach of the order still in force is kept all the same, and the page asks for a reopen.
        const file = await ok(officer, 'GET', `/api/v1/prevention/cases/${caseId}`);
        const order = (file.orders as { id: string; isActive: boolean }[]).find((o) => o.isActive)!;
        const breach = await ok(officer, 'POST', `/api/v1/prevention/orders/${order.id}/violations`, {
          occurredAt: new Date().toISOString(),
          legalBasis: 'Code of Administrative Offences, art. 461',
        });
        expect(breach.caseClosed).toBe(true);

        for (const language of ['en', 'kk'] as const) {
          await chooseLanguage(officer, language);
          await officer.goto(`${baseUrl}/prevention/cases/${caseId}`);
          await expectHeading(officer, TEXT[language].case.title.replace('{{number}}', caseNumber));
          const notice = officer.locator('.closed-case-notice');
          await notice.getByText(TEXT[language].closedCase.title).waitFor();
          await notice.getByText(TEXT[language].closedCase.violation).waitFor();
          await notice.getByRole('link', { name: TEXT[language].closedCase.howToReopen }).waitFor();
          expect(await officer.getByRole('link', { name: TEXT[language].case.assess }).count()).toBe(0);
          await officer.locator('section[aria-labelledby="case-programmes"] ul.programme-cards').waitFor({ state: 'attached' });
          expect(await officer.locator('section[aria-labelledby="case-programmes"] form').count()).toBe(0);
          await officer.getByRole('button', { name: TEXT[language].closing.reopen }).waitFor();
          await expectAccessible(officer, `closed case with the notice in ${language} at 360`);
          await screenshot(officer, `story-prevention-closed-notice-${language}-360`);
          await officer.setViewportSize(DESKTOP);
          await expectAccessible(officer, `closed case with the notice in ${language} at 1280`);
          await screenshot(officer, `story-prevention-closed-notice-${language}-1280`);
          await officer.setViewportSize(PHONE);
        }
        // The notice's link leads to the reopen.
        await officer.locator('.closed-case-notice a').click();
        await expect.poll(() => officer.url()).toMatch(/#case-closing$/);

        // The assessment page of a closed case offers no form, only the way back to the case.
        await chooseLanguage(officer, 'en');
        await officer.goto(`${baseUrl}/prevention/cases/${caseId}/assess`);
        await officer.locator('.closed-case-notice').getByText(en.closedCase.title).waitFor();
        expect(await officer.getByRole('button', { name: en.form.submit }).count()).toBe(0);
        await expectAccessible(officer, 'assessment page of a closed case in en');
      },
    );

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
