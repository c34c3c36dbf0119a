import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/connection.js';
import { buildTestApp, createStaff, type TestApp } from '../../../test/app.js';
import { freshTestDatabase } from '../../../test/database.js';
import { actionIn, ALMATY, ASTANA, centreReferralIn, orderIn, send, staffIn } from '../../../test/prevention-fixtures.js';
import { enrolmentIn } from '../../../test/programme-fixtures.js';
import { contactIn } from '../../../test/register-fixtures.js';
import { localDate } from '../local-year.js';
import type { NationalReport } from './build.js';

// The prevention routes and their fixtures date records by the real clock, so the work is done
// today; the report is then read in the middle of January after, when this year has ended and
// is counted whole.
let now = new Date();
const YEAR = localDate(now).year;
const LATER = new Date(`${YEAR + 1}-01-15T06:00:00Z`);

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await freshTestDatabase();
  t = await buildTestApp({ database, clock: () => now });
  const admin = await createStaff(t, ['admin'], { level: 'country' });
  // Health gets two actions, one completed late and one on time; the police one they leave open.
  const late = await actionIn(t, ALMATY, 'health', new Date(Date.now() - 3_600_000));
  const onTime = await actionIn(t, ALMATY, 'health');
  await actionIn(t, ALMATY, 'police');
  const partner = await staffIn(t, ALMATY, ['partner']);
  await send(t, admin, {
    method: 'PUT',
    url: `/api/v1/prevention/partner-agencies/${partner.id}`,
    payload: { agency: 'health' },
  });
  for (const action of [late, onTime])
    await send(t, partner, { method: 'POST', url: `/api/v1/prevention/partner/actions/${action.actionId}/complete` });
  // Invited: police, crisis centre, health; the crisis centre did not come.
  await send(t, onTime.supervisor, {
    method: 'PUT',
    url: `/api/v1/prevention/conferences/${onTime.conferenceId}/attendance`,
    payload: { attended: ['police', 'health'] },
  });
  await orderIn(t, ALMATY);
  const referralId = await centreReferralIn(t, ALMATY);
  const supervisor = await staffIn(t, ALMATY, ['supervisor']);
  await send(t, supervisor, {
    method: 'POST',
    url: `/api/v1/prevention/crisis-referrals/${referralId}/decision`,
    payload: { accepted: true },
  });
  const contact = await contactIn(t, ALMATY);
  await send(t, contact.officer, {
    method: 'POST',
    url: `/api/v1/prevention/register/contacts/${contact.contactId}/outcome`,
    payload: { outcome: 'not-at-home' },
  });
  // Its court order is the court's, not a police protection order.
  const enrolment = await enrolmentIn(t, ALMATY);
  await send(t, enrolment.officer, {
    method: 'POST',
    url: `/api/v1/prevention/programmes/${enrolment.enrolmentId}/end`,
    payload: { status: 'completed', endedOn: now.toISOString().slice(0, 10) },
  });
  now = LATER;
}, 300_000);
afterAll(async () => {
  await t.app.close();
  await database.close();
});

async function staffReport(regionId: string | null): Promise<NationalReport> {
  const { cookie } = await createStaff(t, ['analyst'], { level: 'country' }, LATER);
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/analytics/national-report/${YEAR}?format=json${regionId ? `&regionId=${regionId}` : ''}`,
    headers: { cookie },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const bodies = (report: NationalReport) => report.sections.find((s) => s.id === 'bodies')!;
const values = (report: NationalReport) => Object.fromEntries(bodies(report).figures.map((f) => [f.key, f.value]));

describe('the National Report: what each body did', () => {
  it('counts the region’s prevention work of the year per body', async () => {
    const report = await staffReport(ALMATY);
    expect(bodies(report).available).toBe(true);
    expect(values(report)).toMatchObject({
      'bodies:conferences-held': 1,
      'bodies:health:actions-assigned': 2,
      'bodies:health:actions-completed': 2,
      'bodies:health:actions-on-time': 1,
      'bodies:health:conferences-invited': 1,
      'bodies:health:conferences-attended': 1,
      'bodies:police:actions-assigned': 1,
      'bodies:police:actions-completed': 0,
      'bodies:education:actions-assigned': 0,
      'bodies:police:conferences-attended': 1,
      'bodies:crisis-centre:conferences-invited': 1,
      'bodies:crisis-centre:conferences-attended': 0,
      'bodies:police-orders': 1,
      'bodies:register-contacts': 1,
      'bodies:centre-referrals': 1,
      'bodies:centre-referrals-accepted': 1,
      'bodies:programme-enrolments': 1,
      'bodies:programmes-completed': 1,
    });
    const figure = bodies(report).figures.find((f) => f.key === 'bodies:health:actions-on-time')!;
    expect(figure).toMatchObject({ unit: 'count', previous: null, change: null, demo: false });
    expect(figure.label).toEqual({
      kk: 'Денсаулық сақтау: оның ішінде мерзімінде орындалғаны',
      ru: 'Здравоохранение: из них выполнено в срок',
      en: 'Health: of them completed by the due date',
    });
    expect(figure.source).toMatch(/^safety_plan_actions: .*agency = health.*completed_at <= due_at and region_id = 750000000$/);
    expect(bodies(report).note?.en).toMatch(/outside Aman.*not counted/);
  });

  it('does not count one region’s work in another’s report, and counts it in the country’s', async () => {
    const astana = values(await staffReport(ASTANA));
    expect(Object.values(astana).every((v) => v === 0)).toBe(true);
    expect(values(await staffReport(null))).toEqual(values(await staffReport(ALMATY)));
  });

  it('counts nothing for the year before', async () => {
    const { cookie } = await createStaff(t, ['analyst'], { level: 'country' }, LATER);
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/analytics/national-report/${YEAR - 1}?format=json&regionId=${ALMATY}`,
      headers: { cookie },
    });
    const earlier: NationalReport = response.json();
    expect(Object.values(values(earlier)).every((v) => v === 0)).toBe(true);
  });

  it('prints the section’s figures in the PDF, in the reader’s language', async () => {
    const { cookie } = await createStaff(t, ['analyst'], { level: 'country' }, LATER);
    const lines = {
      kk: 'Денсаулық сақтау: тапсырылған қауіпсіздік жоспары шаралары: 2',
      en: 'Health: safety-plan actions assigned: 2',
    };
    for (const language of ['kk', 'en'] as const) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/analytics/national-report/${YEAR}?format=pdf&regionId=${ALMATY}&lang=${language}`,
        headers: { cookie },
      });
      expect(response.statusCode).toBe(200);
      const text = await pdfText(response.rawPayload);
      expect(text).toContain(lines[language]);
    }
  });
});

/** The PDF's text as PDF.js reads it, runs joined, runs of one line without a break. */
async function pdfText(pdf: Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  let text = '';
  for (let page = 1; page <= document.numPages; page++) {
    const content = await (await document.getPage(page)).getTextContent();
    for (const item of content.items as TextItem[]) text += item.str + (item.hasEOL ? '\n' : '');
  }
  return text;
}
