import { sql } from 'kysely';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../common/categories.js';
import type { NationalReport, PublicNationalReport, PublicReportFigure } from '../../../common/schemas/national-report.js';
import type { Database } from '../../db/connection.js';
import { buildTestApp, createStaff, type TestApp } from '../../test/app.js';
import { freshTestDatabase } from '../../test/database.js';
import { firstDistrictAndBeat, listRegions } from '../geo/index.js';
import { publishRegionFigures, publishedChart } from './national-report.js';
import { publishMonth } from './publish.js';
import { recordCrimes, type CrimeSeed } from './portal-fixtures.js';

// 2079 is under way: 2078 has ended and is compared with 2077 (Decembers 2076 and 2077 hold
// records, so both years are covered); 2076 is the first year with records.
const NOW = new Date('2079-06-15T06:00:00Z');
const ALMATY = '750000000';
const CRIME = CATEGORIES.filter((c) => c.group === 'crime').map((c) => c.code);

let database: Database;
let t: TestApp;
let astana: string;
let regionIds: string[];

beforeAll(async () => {
  database = await freshTestDatabase();
  regionIds = (await listRegions(database.db)).map((r) => r.id);
  astana = regionIds.find((id) => id !== ALMATY)!;
  t = await buildTestApp({ database, clock: () => NOW });
  const place = async (regionId: string) => ({ regionId, ...(await firstDistrictAndBeat(database.db, regionId)) });
  const [almaty, other] = [await place(ALMATY), await place(astana)];
  const crimes = (at: typeof almaty, month: string, category: string, n: number): CrimeSeed[] =>
    Array.from({ length: n }, () => ({ ...at, lat: null, lon: null, month, category }));
  await recordCrimes(t, [
    ...crimes(almaty, '2076-12', 'robbery', 6),
    ...crimes(almaty, '2077-12', 'robbery', 10),
    ...crimes(other, '2077-12', 'robbery', 6),
    ...crimes(almaty, '2077-04', 'burglary', 3),
    ...crimes(other, '2077-04', 'burglary', 9),
    // 2078: robbery shown everywhere (the chart's only category); burglary 8 + 2 (a small
    // count whose country total is shown); domestic violence 3 (small in the country too).
    ...crimes(almaty, '2078-03', 'robbery', 12),
    ...crimes(other, '2078-03', 'robbery', 7),
    ...crimes(almaty, '2078-05', 'burglary', 8),
    ...crimes(other, '2078-05', 'burglary', 2),
    ...crimes(almaty, '2078-07', 'domestic-violence', 3),
    ...crimes(almaty, '2078-08', 'domestic-violence', 6),
    // Phone theft and theft from the person are one data.police.uk category, whose total the records give.
    ...crimes(other, '2078-09', 'phone-theft', 2),
    ...crimes(other, '2078-09', 'theft-from-the-person', 9),
    // Reports still new (never assessed) are not offences on record: no count below includes them,
    // and 2075, holding nothing else, is no year with records.
    ...[
      ...crimes(almaty, '2078-03', 'robbery', 3),
      ...crimes(other, '2078-05', 'burglary', 1),
      ...crimes(almaty, '2075-12', 'robbery', 1),
    ].map((c) => ({ ...c, status: 'new' })),
  ]);
  // Staff recorded the July victims of domestic violence as women: a count of 3, part of the category's 9.
  await sql`
    update incidents set victim_sex = 'female'
    where category = 'domestic-violence' and occurred_at < ${new Date('2078-08-01T00:00:00Z')}`.execute(database.db);
  // The portal has published 2077 and 2078 month by month, as it does once a month has settled.
  const deps = { db: database.db, secretKey: t.keys.secretKey, clock: () => NOW };
  for (const year of [2077, 2078]) {
    for (let month = 1; month <= 12; month++) await publishMonth(deps, `${year}-${String(month).padStart(2, '0')}`);
  }
}, 120_000);
afterAll(async () => {
  await t.app.close();
  await database.close();
});

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

async function report(year: number, regionId?: string): Promise<PublicNationalReport> {
  const response = await get(`/api/v1/portal/national-report/${year}${regionId ? `?regionId=${regionId}` : ''}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const figure = (r: PublicNationalReport, key: string): PublicReportFigure =>
  r.sections.flatMap((s) => s.figures).find((f) => f.key === key)!;

describe('GET /api/v1/portal/national-report', () => {
  it('lists the ended years that hold records, newest first, to anyone without signing in', async () => {
    const response = await get('/api/v1/portal/national-report');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ years: [2078, 2077, 2076] });
  });
});

describe('GET /api/v1/portal/national-report/:year', () => {
  it('refuses the year under way and a future year with a 404 in the reader’s language', async () => {
    for (const year of [2079, 2085]) {
      const en = await get(`/api/v1/portal/national-report/${year}?lang=en`);
      expect(en.statusCode).toBe(404);
      expect(en.json()).toMatchObject({ code: 'portal.report_year_not_ended', title: expect.stringMatching(/has not ended/) });
      const kk = await get(`/api/v1/portal/national-report/${year}?format=pdf&lang=kk`);
      expect(kk.statusCode).toBe(404);
      expect(kk.json().title).toMatch(/аяқталған жоқ/);
    }
    const ru = await get('/api/v1/portal/national-report/2070?lang=ru');
    expect(ru.statusCode).toBe(404);
    expect(ru.json()).toMatchObject({ code: 'portal.report_year_no_data', title: expect.stringMatching(/нет данных/) });
  });

  it('refuses an unknown region and bad input', async () => {
    expect((await get('/api/v1/portal/national-report/2078?regionId=nowhere')).json().code).toBe('portal.force_not_found');
    expect((await get('/api/v1/portal/national-report/2078?format=xml')).statusCode).toBe(400);
    expect((await get('/api/v1/portal/national-report/1999')).statusCode).toBe(400);
  });

  it('shows the country’s counts with small ones as “fewer than 5” and totals made of shown cells only', async () => {
    const country = await report(2078);
    expect(country.regionId).toBeNull();
    expect(figure(country, 'robbery')).toMatchObject({ value: 19, previous: 16, suppressed: null });
    expect(figure(country, 'robbery').change).toBeCloseTo(18.75);
    expect(figure(country, 'burglary')).toMatchObject({ value: 10, previous: 12 });
    // Domestic violence adds the portal's published months: July's 3 is hidden there, so "at least 6".
    expect(figure(country, 'domestic-violence')).toMatchObject({ value: 6, hiddenParts: 1, suppressed: null, change: null });
    // The total leaves hidden cells out rather than give them away: 19 + 10 + 6, without the hidden
    // month and the 2 + 9 thefts (hidden as a group: the records give their sum), so "at least 35".
    expect(figure(country, 'crime-total')).toMatchObject({ value: 35, hiddenParts: 3, change: null, previous: 28 });
    expect(figure(country, 'phone-theft').suppressed).toBe('fewer-than-5');
    expect(figure(country, 'theft-from-the-person').suppressed).toBe('withheld');
    expect(country.smallCounts.en).toMatch(/fewer than 5/);
  });

  it('narrows to one region, where its small counts are hidden too', async () => {
    const region = await report(2078, astana);
    expect(region.regionId).toBe(astana);
    expect(figure(region, 'robbery')).toMatchObject({ value: 7, previous: 6 });
    expect(figure(region, 'burglary')).toMatchObject({ value: null, suppressed: 'fewer-than-5' });
    // 11 thefts from the person in the records: the 9 beside the 2 phone thefts are withheld too.
    expect(figure(region, 'phone-theft')).toMatchObject({ value: null, suppressed: 'fewer-than-5' });
    expect(figure(region, 'theft-from-the-person')).toMatchObject({ value: null, suppressed: 'withheld' });
    const almaty = await report(2078, ALMATY);
    expect(figure(almaty, 'robbery').value).toBe(12);
    // 2077: Almaty's 3 burglaries are hidden in the previous-year column, and no change is worked out from them.
    expect(figure(almaty, 'burglary')).toMatchObject({
      value: 8,
      previous: null,
      previousSuppressed: 'fewer-than-5',
      change: null,
    });
    // Country 10 − Almaty 8 would give Astana's 2: another region is hidden beside it.
    const others = await Promise.all(regionIds.filter((id) => id !== ALMATY && id !== astana).map((id) => report(2078, id)));
    expect(others.filter((r) => figure(r, 'burglary').suppressed !== null).length).toBeGreaterThanOrEqual(1);
  });

  it('never publishes a count from 1 to 4, and no hidden count follows from the country, the regions or the totals', async () => {
    const country = await report(2078);
    const regions = await Promise.all(regionIds.map((id) => report(2078, id)));
    for (const r of [country, ...regions]) {
      const json = JSON.stringify(r);
      expect(json).not.toMatch(/"(value|previous)":[1-4](\.0+)?[,}]/);
      for (const section of r.sections)
        for (const value of section.chart?.values ?? []) expect(value === 0 || value >= 5).toBe(true);
      // A total adds only what is shown beside it (every crime recorded here is of a category the report shows).
      const shown = CRIME.map((c) => figure(r, c)?.value ?? 0).reduce((a, b) => a + b, 0);
      expect(figure(r, 'crime-total').value).toBe(shown);
      // The chart adds up to categories that are shown in every area, never to more than the shown total.
      const chart = r.sections.find((s) => s.id === 'overall')!.chart!;
      expect(chart.values.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(shown);
    }
    // The attacker's subtraction, category by category: country − shown regions over the hidden ones.
    for (const category of CRIME) {
      const total = figure(country, category);
      if (!total || total.value === null) continue;
      const cells = regions.map((r) => figure(r, category));
      const hidden = cells.filter((c) => c.suppressed !== null);
      const rest = total.value - cells.reduce((sum, c) => sum + (c.value ?? 0), 0);
      for (const cell of hidden) {
        const others = hidden.filter((c) => c !== cell);
        const low = rest - others.reduce((sum, c) => sum + (c.suppressed === 'fewer-than-5' ? 4 : 1e9), 0);
        const high = rest - others.reduce((sum, c) => sum + (c.suppressed === 'fewer-than-5' ? 0 : 5), 0);
        const [own, ownHigh] = cell.suppressed === 'fewer-than-5' ? [0, 4] : [5, 1e9];
        expect(Math.min(high, ownHigh) - Math.max(low, own), `${category} pinned`).toBeGreaterThan(0);
      }
    }
  }, 120_000);

  it('keeps the staff report exact', async () => {
    const { cookie } = await createStaff(t, ['analyst'], { level: 'country' }, NOW);
    const response = await get(`/api/v1/analytics/national-report/2078?regionId=${astana}`, { cookie });
    expect(response.statusCode).toBe(200);
    const staff: NationalReport = response.json();
    expect(staff.sections.flatMap((s) => s.figures).find((f) => f.key === 'burglary')?.value).toBe(2);
  });

  it('prints the suppressed figures in the PDF, in the reader’s language', async () => {
    const words = { kk: '5-тен аз', ru: 'менее 5', en: 'fewer than 5' } as const;
    for (const language of ['kk', 'ru', 'en'] as const) {
      const response = await get(`/api/v1/portal/national-report/2078?format=pdf&regionId=${astana}&lang=${language}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const runs = await pdfRuns(response.rawPayload);
      expect(runs).toContain(words[language]);
      // A figure's value is a run of its own, and a previous value follows "…: ".
      expect(runs.filter((run) => /^[1-4]$/.test(run.trim()))).toEqual([]);
      expect(runs.filter((run) => /: [1-4][;)]/.test(run))).toEqual([]);
    }
  });
});

describe('what each body did', () => {
  it('publishes the counts that are no part of another, each suppressed as a country → regions table', () => {
    const regions = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const table = publishRegionFigures(
      [
        {
          key: 'bodies:police-orders',
          partOf: null,
          counts: new Map([
            ['a', 3],
            ['b', 9],
            ['c', 7],
          ]),
        },
        { key: 'bodies:health:actions-completed', partOf: 'bodies:health:actions-assigned', counts: new Map([['a', 6]]) },
      ],
      regions,
      (key, id) => [...`${key}${id}`].reduce((sum, c) => sum + c.charCodeAt(0), 0),
    );
    expect([...table.keys()]).toEqual(['bodies:police-orders']);
    const cells = table.get('bodies:police-orders')!;
    expect(cells.get('a')).toEqual({ kind: 'fewer-than-5' });
    // The country's 19 beside two shown regions would give a's 3: one more cell is hidden.
    const shown = [...cells.values()].filter((c) => c.kind === 'count');
    expect(shown.length).toBeLessThanOrEqual(2);
    for (const cell of shown) expect(cell.kind === 'count' && cell.count >= 1 && cell.count <= 4).toBe(false);
  });

  it('leaves the parts out of the public report and says so', async () => {
    for (const r of [await report(2078), await report(2078, astana)]) {
      const section = r.sections.find((s) => s.id === 'bodies')!;
      const keys = section.figures.map((f) => f.key);
      expect(keys).toContain('bodies:police:actions-assigned');
      expect(keys).toContain('bodies:police-orders');
      expect(
        keys.filter((k) => /actions-completed|actions-on-time|conferences-(invited|attended)|referrals-accepted/.test(k)),
      ).toEqual([]);
      expect(section.note?.en).toMatch(/leaves out the counts that are part of another/);
    }
  });
});

describe('recorded circumstances and the preventive registers', () => {
  it('leaves the circumstance counts and shares out of the public report and says so; the staff report has them', async () => {
    for (const r of [await report(2078), await report(2078, ALMATY)]) {
      expect(r.sections.flatMap((s) => s.figures).filter((f) => f.key.startsWith('circumstances:'))).toEqual([]);
      const violence = r.sections.find((s) => s.id === 'violence-women-children')!;
      expect(violence.note?.en).toMatch(/leaves out the counts by the victim’s sex and age/);
    }
    const { cookie } = await createStaff(t, ['analyst'], { level: 'country' }, NOW);
    const staff: NationalReport = (await get(`/api/v1/analytics/national-report/2078?regionId=${ALMATY}`, { cookie })).json();
    const women = staff.sections.flatMap((s) => s.figures).find((f) => f.key === 'circumstances:violence:victim-female');
    expect(women?.value).toBe(3);
  });

  it('publishes the register figures, each a country → regions table of its own', async () => {
    const repeat = (await report(2078)).sections.find((s) => s.id === 'repeat-offending')!;
    expect(repeat.available).toBe(true);
    expect(figure(await report(2078), 'registers:order-breaches')).toMatchObject({ value: 0, suppressed: null });
    expect(repeat.figures.map((f) => f.key)).toContain('registers:released-prisoner:entries-active');
  });
});

describe('the monthly chart', () => {
  it('is shown for every area, the country’s months being the regions’ sums, when no month holds 1–4', () => {
    const chart = publishedChart(
      new Map([
        ['a', [0, 5, 12]],
        ['b', [7, 0, 5]],
      ]),
      3,
    );
    expect(chart?.get('country')).toEqual([7, 5, 17]);
    expect(chart?.get('a')).toEqual([0, 5, 12]);
  });

  it('is shown for no area when one area’s month holds 1–4, as the country minus the others would give it', () => {
    const monthly = new Map([
      ['a', [0, 5, 12]],
      ['b', [7, 3, 5]],
    ]);
    expect(publishedChart(monthly, 3)).toBeNull();
  });
});

async function pdfRuns(pdf: Buffer): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  const runs: string[] = [];
  for (let page = 1; page <= document.numPages; page++) {
    const content = await (await document.getPage(page)).getTextContent();
    for (const item of content.items as TextItem[]) if (item.str?.trim()) runs.push(item.str);
  }
  return runs;
}
