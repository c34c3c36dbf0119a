import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plantSurveyYear } from '../../test/analytics-fixtures.js';
import { buildTestApp, createStaff, type TestApp } from '../../test/app.js';
import { CRIME_CATEGORIES } from './akim-rating-service.js';
import { REPORT_TITLE } from './report/sections.js';

const ALMATY = '750000000';
const ASTANA = '710000000';
// The survey fixtures take years up to 2099: the app's clock stands after them, so they have ended.
const NOW = new Date('2100-06-01T00:00:00Z');

let t: TestApp;
let country: string;
let almaty: string;
beforeAll(async () => {
  t = await buildTestApp({ clock: () => NOW });
  country = (await createStaff(t, ['analyst'], { level: 'country' }, NOW)).cookie;
  almaty = (await createStaff(t, ['supervisor'], { level: 'region', regionId: ALMATY }, NOW)).cookie;
});
afterAll(async () => {
  await t.app.close();
});

async function plant(regionId: string, category: string, at: string, count = 1, status = 'closed'): Promise<void> {
  for (let i = 0; i < count; i++) {
    await sql`
      insert into incidents (region_id, category, status, priority, source, occurred_at, reported_at)
      values (${regionId}, ${category}, ${status}, 3, 'test', ${new Date(at)}, ${new Date(at)})`.execute(t.database.db);
  }
}

/** Records in the Decembers before `year` and the year before it, so the data count as covering both years. */
async function coverYears(year: number): Promise<void> {
  await plant(ASTANA, 'lost-documents', `${year - 2}-12-20T06:00:00Z`);
  await plant(ASTANA, 'lost-documents', `${year - 1}-12-20T06:00:00Z`);
}

const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

describe('time patterns', () => {
  it('counts by Almaty local hour and weekday: 14:30 UTC on Monday 10 January 2011 is 20:30 there', async () => {
    await plant(ALMATY, 'drugs', '2011-01-10T14:30:00Z', 3);
    await plant(ASTANA, 'drugs', '2011-01-10T14:40:00Z', 2);
    const url = '/api/v1/analytics/time-patterns?categories=drugs&from=2011-01-10T14:00:00Z&to=2011-01-10T15:00:00Z';
    const response = await get(url, almaty);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.incidents).toBe(3);
    expect(body.hourByWeekday[0][20]).toBe(3);
    expect(body.months).toEqual(['2011-01']);
    expect(body.monthly).toEqual([3]);
    expect(body.seasonal).toBeNull();
    expect(body.changePoints.changes).toEqual([]);
    expect((await get(url, country)).json().incidents).toBe(5);
  });

  it('refuses no session, the wrong role, a period over 20 years and an unknown category', async () => {
    const url = '/api/v1/analytics/time-patterns?categories=drugs&from=1990-01-01T00:00:00Z&to=1990-02-01T00:00:00Z';
    expect((await get(url)).statusCode).toBe(401);
    const officer = await createStaff(t, ['officer'], { level: 'country' }, NOW);
    expect((await get(url, officer.cookie)).statusCode).toBe(403);
    const long = await get(
      '/api/v1/analytics/time-patterns?categories=drugs&from=1980-01-01T00:00:00Z&to=2011-01-01T00:00:00Z',
      country,
    );
    expect(long.statusCode).toBe(422);
    expect(long.json().code).toBe('analytics.period_too_long');
    const sheep = await get(url.replace('drugs', 'sheep'), country);
    expect(sheep.json().code).toBe('category.unknown');
  });
});

describe('indicators', () => {
  it('pools the regions for the country and gives a region its own value with Wilson’s interval', async () => {
    const year = await plantSurveyYear(t);
    const national = (await get(`/api/v1/analytics/indicators?year=${year}`, country)).json();
    const trust = national.indicators.find((i: { id: string }) => i.id === 'trust-in-police');
    // (600 + 150) / (1,000 + 500)
    expect(trust).toMatchObject({ value: 50, numerator: 750, denominator: 1500, regionsObserved: 2, demo: false });
    expect(trust.baseline).toEqual({ year: 2022, value: 74.6 });
    expect(trust.target).toEqual({ year: 2028, value: 84 });
    expect(trust.method.kk).toContain('Уилсон');
    const regional = (await get(`/api/v1/analytics/indicators?year=${year}&regionId=${ALMATY}`, country)).json();
    const own = regional.indicators.find((i: { id: string }) => i.id === 'trust-in-police');
    expect(own.value).toBeCloseTo(60, 6);
    expect(own.ci95.low).toBeCloseTo(56.93, 2);
    expect(own.ci95.high).toBeCloseTo(62.99, 2);
    // No observation: said, not invented.
    expect(regional.indicators.find((i: { id: string }) => i.id === 'road-deaths')).toMatchObject({ value: null, ci95: null });
  });

  it('refuses a district-level caller', async () => {
    const district = await createStaff(t, ['analyst'], { level: 'district', regionId: ALMATY, districtId: '751110000' }, NOW);
    expect((await get('/api/v1/analytics/indicators?year=2024', district.cookie)).statusCode).toBe(403);
  });
});

describe('akim rating', () => {
  it('scores every region from its inputs, as independent counts give them', async () => {
    const year = await plantSurveyYear(t);
    await coverYears(year);
    await plant(ALMATY, 'burglary', `${year}-06-15T06:00:00Z`, 3);
    await plant(ALMATY, 'burglary', `${year - 1}-06-15T06:00:00Z`, 1);
    await plant(ASTANA, 'robbery', `${year}-03-01T06:00:00Z`, 2);
    // One burglary sent to court in the year, one found no offence, one cleared only after it ended.
    await sql`
      with burglaries as (
        select id, row_number() over (order by id) as n from incidents
        where region_id = ${ALMATY} and category = 'burglary' and occurred_at = ${new Date(`${year}-06-15T06:00:00Z`)})
      update incidents i set
        investigation_outcome = (array['sent-to-court', 'no-offence', 'ended-offender-identified'])[b.n],
        outcome_decided_on = (array[${`${year}-07-01`}, ${`${year}-08-01`}, ${`${year + 1}-02-01`}])[b.n]::date
      from burglaries b where i.id = b.id`.execute(t.database.db);
    const body = (await get(`/api/v1/analytics/akim-rating?year=${year}`, country)).json();
    expect(body.regions).toHaveLength(20);
    const row = body.regions.find((r: { regionId: string }) => r.regionId === ALMATY);
    const input = (key: string) => row.inputs.find((i: { key: string }) => i.key === key);
    const counted = await sql<{ n: number; population: number }>`
      select (select count(*)::int from incidents where region_id = ${ALMATY} and category = any(${CRIME_CATEGORIES})
                and occurred_at >= ${`${year - 1}-12-31T19:00:00Z`} and occurred_at < ${`${year}-12-31T19:00:00Z`}
                and status not in ('new', 'cancelled', 'merged')) as n,
             (select population from regions where id = ${ALMATY}) as population`.execute(t.database.db);
    expect(counted.rows[0]!.n).toBe(3);
    expect(input('crimeRate').value).toBeCloseTo((3 / counted.rows[0]!.population) * 10_000, 9);
    expect(input('crimeChange').value).toBeCloseTo(200, 9);
    expect(input('trustInPolice').value).toBeCloseTo(60, 9);
    // Cleared by the year's end: 1 of the 2 that were offences.
    expect(input('clearance').value).toBeCloseTo(50, 9);
    expect(body.inputs.find((i: { key: string }) => i.key === 'clearance').available).toBe(true);
    // Astana's robberies have no decision yet: nothing cleared of 2.
    const astana = body.regions.find((r: { regionId: string }) => r.regionId === ASTANA);
    expect(astana.inputs.find((i: { key: string }) => i.key === 'clearance').value).toBe(0);
  });

  it('re-ranks with weights given in the request: trust alone puts Almaty (60%) above Astana (30%)', async () => {
    const year = await plantSurveyYear(t);
    const weights = 'crimeRate:0,crimeChange:0,clearance:0,roadDeaths:0,citizenRating:0,senseOfSafety:0,trustInPolice:1';
    const body = (await get(`/api/v1/analytics/akim-rating?year=${year}&weights=${weights}`, country)).json();
    expect(
      body.regions.slice(0, 2).map((r: { regionId: string; score: number; rank: number }) => [r.regionId, r.score, r.rank]),
    ).toEqual([
      [ALMATY, 100, 1],
      [ASTANA, 0, 2],
    ]);
    expect(body.regions[2].score).toBeNull();
  });

  it('refuses bad weights, and callers below the country level', async () => {
    const bad = await get('/api/v1/analytics/akim-rating?year=2024&weights=crimeRate:-1', country);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('analytics.invalid_weights');
    expect(typeof bad.json().title).toBe('string');
    expect((await get('/api/v1/analytics/akim-rating?year=2024', almaty)).statusCode).toBe(403);
  });
});

/** A PDF literal string (the Info dictionary's Title) as text: escapes undone, UTF-16BE decoded. */
function pdfTitle(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const ref = /\/Title (\d+) 0 R/.exec(text);
  const start = ref ? text.indexOf('(', text.indexOf(`\n${ref[1]} 0 obj`)) : text.indexOf('(', text.indexOf('/Title'));
  const bytes: number[] = [];
  for (let i = start + 1, depth = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      const octal = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4));
      if (octal) {
        bytes.push(parseInt(octal[0], 8));
        i += octal[0].length;
      } else {
        const next = text[++i]!;
        bytes.push(({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[next] ?? next.charCodeAt(0));
      }
    } else if (c === '(') {
      depth++;
      bytes.push(40);
    } else if (c === ')') {
      if (depth-- === 0) break;
      bytes.push(41);
    } else bytes.push(c.charCodeAt(0));
  }
  const buffer = Buffer.from(bytes);
  return buffer[0] === 0xfe ? buffer.subarray(2).swap16().toString('utf16le') : buffer.toString('latin1');
}

describe('National Report', () => {
  it('reports counts equal to independent SQL counts, with their sources, and says where data is missing', async () => {
    const year = await plantSurveyYear(t);
    await coverYears(year);
    await plant(ALMATY, 'domestic-violence', `${year}-02-10T10:00:00Z`, 2);
    // Staff recorded one of the two victims as a woman; the other's sex is not known.
    await sql`
      update incidents set victim_sex = 'female' where id = (
        select id from incidents where category = 'domestic-violence' and occurred_at = ${new Date(`${year}-02-10T10:00:00Z`)} limit 1)`.execute(
      t.database.db,
    );
    await plant(ASTANA, 'internet-fraud', `${year}-07-10T10:00:00Z`, 4);
    await plant(ASTANA, 'internet-fraud', `${year - 1}-07-10T10:00:00Z`, 1);
    const report = (await get(`/api/v1/analytics/national-report/${year}?format=json`, country)).json();
    const counts = await sql<{ category: string; n: number }>`
      select category, count(*)::int as n from incidents
      where occurred_at >= ${`${year - 1}-12-31T19:00:00Z`} and occurred_at < ${`${year}-12-31T19:00:00Z`}
        and status not in ('new', 'cancelled', 'merged') group by category`.execute(t.database.db);
    const count = (c: string) => counts.rows.find((r) => r.category === c)?.n ?? 0;
    const figure = (section: string, key: string) =>
      report.sections.find((s: { id: string }) => s.id === section).figures.find((f: { key: string }) => f.key === key);
    expect(figure('violence-women-children', 'domestic-violence').value).toBe(count('domestic-violence'));
    expect(report.comparison).toMatchObject({
      period: { from: `${year}-01-01`, to: `${year}-12-31` },
      previousPeriod: { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
      noComparison: null,
    });
    expect(figure('cyber-fraud', 'internet-fraud')).toMatchObject({ value: count('internet-fraud'), previous: 1 });
    expect(figure('cyber-fraud', 'internet-fraud').source).toContain('category in (internet-fraud)');
    expect(figure('overall', 'crime-total').value).toBe(CRIME_CATEGORIES.reduce((sum, c) => sum + count(c), 0));
    const overall = report.sections.find((s: { id: string }) => s.id === 'overall');
    expect(overall.chart.values.reduce((a: number, b: number) => a + b, 0)).toBe(figure('overall', 'crime-total').value);
    const women = await sql<{ n: number; recorded: number; total: number }>`
      select count(*) filter (where victim_sex = 'female')::int as n, count(victim_sex)::int as recorded,
        count(*)::int as total from incidents
      where occurred_at >= ${`${year - 1}-12-31T19:00:00Z`} and occurred_at < ${`${year}-12-31T19:00:00Z`}
        and status not in ('new', 'cancelled', 'merged')
        and category in ('violent-crime', 'domestic-violence', 'sexual-offences', 'offences-against-children', 'human-trafficking')`.execute(
      t.database.db,
    );
    expect(women.rows[0]!.n).toBeGreaterThanOrEqual(1);
    expect(figure('violence-women-children', 'circumstances:violence:victim-female')).toMatchObject({
      value: women.rows[0]!.n,
      unit: 'count',
    });
    const { recorded, total } = women.rows[0]!;
    expect(figure('violence-women-children', 'circumstances:violence:victim-sex:recorded')).toMatchObject({
      value: (recorded / total) * 100,
      unit: 'percent',
    });
    const repeat = report.sections.find((s: { id: string }) => s.id === 'repeat-offending');
    expect(repeat.available).toBe(true);
    expect(repeat.figures.map((f: { key: string }) => f.key)).toEqual(
      expect.arrayContaining([
        'registers:released-prisoner:entries-active',
        'registers:repeat-referrals',
        'registers:order-breaches',
      ]),
    );
    expect(repeat.note.en).toContain('no reoffending rate');
    expect(report.sections.map((s: { id: string }) => s.id)).toHaveLength(12);
  });

  it('counts recorded offences only: a triaged report is in every figure and the akim rating, one still new in none', async () => {
    const year = await plantSurveyYear(t);
    await coverYears(year);
    const at = `${year}-05-05T05:00:00Z`;
    await plant(ALMATY, 'domestic-violence', at, 1, 'new');
    await plant(ALMATY, 'domestic-violence', at, 1, 'triaged');
    await sql`update incidents set victim_sex = 'female' where category = 'domestic-violence' and occurred_at = ${new Date(at)}`.execute(
      t.database.db,
    );
    const inYear = await sql<{ status: string }>`
      select status from incidents where category = any(${CRIME_CATEGORIES})
        and occurred_at >= ${`${year - 1}-12-31T19:00:00Z`} and occurred_at < ${`${year}-12-31T19:00:00Z`}
      order by status`.execute(t.database.db);
    expect(inYear.rows.map((r) => r.status)).toEqual(['new', 'triaged']);

    type Figures = { sections: { figures: { key: string; value: number | null; source: string }[] }[] };
    const figureOf = (report: Figures, key: string) => report.sections.flatMap((s) => s.figures).find((f) => f.key === key)!;
    const national = (await get(`/api/v1/analytics/national-report/${year}?format=json`, country)).json();
    expect(figureOf(national, 'crime-total').value).toBe(1);
    expect(figureOf(national, 'domestic-violence').value).toBe(1);
    expect(figureOf(national, 'circumstances:violence:victim-female').value).toBe(1);
    const chart = national.sections.find((s: { id: string }) => s.id === 'overall').chart;
    expect(chart.values.reduce((a: number, b: number) => a + b, 0)).toBe(1);
    const regional = (await get(`/api/v1/analytics/national-report/${year}?format=json&regionId=${ALMATY}`, country)).json();
    expect(figureOf(regional, 'crime-total').value).toBe(1);

    const rating = (await get(`/api/v1/analytics/akim-rating?year=${year}`, country)).json();
    const population = await sql<{ population: number }>`select population from regions where id = ${ALMATY}`.execute(
      t.database.db,
    );
    const crimeRate = rating.regions
      .find((r: { regionId: string }) => r.regionId === ALMATY)
      .inputs.find((i: { key: string }) => i.key === 'crimeRate').value;
    expect(crimeRate).toBeCloseTo((1 / population.rows[0]!.population) * 10_000, 9);
    expect(figureOf(national, 'crime-total').source).toContain('status not in (new, cancelled, merged)');
  });

  it('renders a PDF with pages and the title in the language asked for', async () => {
    const year = await plantSurveyYear(t);
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const response = await get(`/api/v1/analytics/national-report/${year}?format=pdf&lang=${lang}`, almaty);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toContain('application/pdf');
      const pdf = response.rawPayload;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect((pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(2);
      expect(pdfTitle(pdf)).toBe(`${REPORT_TITLE[lang]} ${year}`);
    }
  });

  it('gives a region-level caller their own region and refuses another', async () => {
    const own = await get('/api/v1/analytics/national-report/2024?format=json', almaty);
    expect(own.json().regionId).toBe(ALMATY);
    const other = await get(`/api/v1/analytics/national-report/2024?format=json&regionId=${ASTANA}`, almaty);
    expect(other.statusCode).toBe(403);
    expect((await get('/api/v1/analytics/national-report/2024?format=doc', country)).statusCode).toBe(400);
  });
});
