import { sql } from 'kysely';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../../../common/roles.js';
import type { Database } from '../../../db/connection.js';
import { buildTestApp, createStaff, type TestApp } from '../../../test/app.js';
import { freshTestDatabase } from '../../../test/database.js';
import { listDistricts, samplePoints } from '../../geo/index.js';
import { seedIncidentHistory } from '../../incidents/index.js';
import { CRIME_CATEGORIES } from '../akim-rating-service.js';
import { seedDemoIndicators } from '../indicator-seed.js';
import type { Figure, NationalReport } from './build.js';
import { renderReportPdf } from './pdf.js';

// The demo as first started on 15 June 2026: its history covers July 2024 to June 2026, so 2026
// is a year under way, 2025 a whole year whose previous year is only half covered, 2024 itself half covered.
const NOW = new Date('2026-06-15T06:00:00Z');
const ALMATY = '750000000';
const LANGUAGES: Language[] = ['kk', 'ru', 'en'];

let database: Database;
let t: TestApp;
let cookie: string;

beforeAll(async () => {
  database = await freshTestDatabase();
  const districts = (await listDistricts(database.db)).map((d) => ({ id: d.id, regionId: d.regionId, population: d.population }));
  await seedIncidentHistory(database, {
    districts,
    samplePoints: (requests, seed) => samplePoints(database.db, requests, seed),
    now: NOW,
    scale: 0.02,
  });
  await seedDemoIndicators(database.db, [2024, 2025, 2026]);
  t = await buildTestApp({ database, clock: () => NOW });
  cookie = (await createStaff(t, ['analyst'], { level: 'country' }, NOW)).cookie;
}, 300_000);
afterAll(async () => {
  await t.app.close();
  await database.close();
});

async function reportJson(year: number): Promise<NationalReport> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/analytics/national-report/${year}?format=json&regionId=${ALMATY}`,
    headers: { cookie },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function reportPdf(year: number, language: Language): Promise<Buffer> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/analytics/national-report/${year}?format=pdf&regionId=${ALMATY}&lang=${language}`,
    headers: { cookie },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.rawPayload;
}

interface Run {
  page: number;
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** Every run of text as PDF.js reads it, in drawing order (y up, in points). */
async function readRuns(pdf: Uint8Array): Promise<Run[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  const runs: Run[] = [];
  for (let page = 1; page <= document.numPages; page++) {
    const content = await (await document.getPage(page)).getTextContent();
    for (const item of content.items as TextItem[]) {
      if (item.str?.trim())
        runs.push({ page, text: item.str, x: item.transform[4], y: item.transform[5], width: item.width, size: item.height });
    }
  }
  await document.destroy();
  return runs;
}

const oneSpace = (text: string) => text.replace(/\s+/gu, ' ').trim();

/**
 * The text in reading order, runs and lines joined by a space: PDF.js trims the spaces at the ends
 * of runs, and pdfkit breaks runs and lines only at spaces.
 */
function flowText(runs: readonly Run[]): string {
  const lines: string[] = [];
  runs.forEach((run, i) => {
    const previous = runs[i - 1];
    if (previous && previous.page === run.page && Math.abs(previous.y - run.y) < 1) lines[lines.length - 1] += ` ${run.text}`;
    else lines.push(run.text);
  });
  return oneSpace(lines.join(' '));
}

/** The bar chart as drawn: month labels on one baseline under the bars, each value above its bar. */
function readChart(runs: readonly Run[]): { months: string[]; values: number[] } {
  const small = runs.filter((r) => Math.round(r.size) === 6);
  const baseline = Math.min(...small.map((r) => r.y));
  const centre = (r: Run) => r.x + r.width / 2;
  const months = small.filter((r) => Math.abs(r.y - baseline) < 0.5).sort((a, b) => a.x - b.x);
  const values = small.filter((r) => Math.abs(r.y - baseline) >= 0.5);
  return {
    months: months.map((m) => m.text),
    values: months.map((m) => {
      const above = values.filter((v) => Math.abs(centre(v) - centre(m)) < 5);
      return above.length === 1 ? Number(above[0]!.text) : NaN;
    }),
  };
}

// What a reader sees, written out here rather than taken from pdf.ts, so a wrong label fails.
const READER = {
  previous: { kk: 'Бір жыл бұрынғы сол күндер', ru: 'Те же дни годом ранее', en: 'Same days a year earlier' },
  change: { kk: 'өзгеріс', ru: 'изменение', en: 'change' },
  source: { kk: 'Дереккөз', ru: 'Источник', en: 'Source' },
  noData: { kk: 'деректер жоқ', ru: 'нет данных', en: 'no data' },
  demo: { kk: 'демо', ru: 'демо', en: 'demo' },
};
const LOCALES: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

function shown(figure: Figure, value: number | null, language: Language): string {
  if (value === null) return READER.noData[language];
  const digits = figure.unit === 'count' ? 0 : 1;
  const format = new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${format.format(value)}${figure.unit === 'percent' ? '%' : ''}`;
}

function figureLine(figure: Figure, language: Language): string {
  let line = `${figure.label[language]}: ${shown(figure, figure.value, language)}`;
  if (figure.previous !== null) {
    line += ` (${READER.previous[language]}: ${shown(figure, figure.previous, language)}`;
    if (figure.change !== null) {
      const change = new Intl.NumberFormat(LOCALES[language], {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
        signDisplay: 'exceptZero',
      });
      line += `; ${READER.change[language]} ${change.format(figure.change)}%`;
    }
    line += ')';
  }
  if (figure.demo) line += ` [${READER.demo[language]}]`;
  // The source line follows every figure: it pins the end of the number, so 12 is not read as 1.
  return oneSpace(`${line} ${READER.source[language]}:`);
}

/** Everything in the PDF that differs from the JSON report it should show; empty when they agree. */
function differences(report: NationalReport, runs: readonly Run[], language: Language): string[] {
  const text = flowText(runs);
  const found: string[] = [];
  if (!text.includes(oneSpace(report.comparison.statement[language]))) found.push('the compared period');
  report.sections.forEach((section, i) => {
    if (!text.includes(oneSpace(`${i + 1}. ${section.title[language]}`))) found.push(`heading ${section.id}`);
    for (const figure of section.figures) {
      const line = figureLine(figure, language);
      if (!text.includes(line)) found.push(`${section.id}/${figure.key}: "${line}" not in the PDF`);
    }
    if (section.chart) {
      const chart = readChart(runs);
      const months = section.chart.months.map((m) => m.slice(5));
      if (JSON.stringify(chart.months) !== JSON.stringify(months)) found.push(`chart months ${chart.months.join(',')}`);
      if (JSON.stringify(chart.values) !== JSON.stringify(section.chart.values))
        found.push(`chart values ${chart.values.join(',')}`);
    }
  });
  return found;
}

async function count(from: string, to: string): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*)::int as n from incidents where region_id = ${ALMATY} and category = any(${CRIME_CATEGORIES})
      and occurred_at >= ${new Date(from)} and occurred_at < ${new Date(to)} and status not in ('new', 'cancelled', 'merged')`.execute(
    database.db,
  );
  return result.rows[0]!.n;
}

const figureOf = (report: NationalReport, key: string) => report.sections.flatMap((s) => s.figures).find((f) => f.key === key)!;

describe('National Report over the demo history', () => {
  it('compares the year under way with the same days of the last year, both counted by the queries', async () => {
    const report = await reportJson(2026);
    expect(report.comparison).toMatchObject({
      period: { from: '2026-01-01', to: '2026-06-14' },
      previousPeriod: { from: '2025-01-01', to: '2025-06-14' },
      noComparison: null,
    });
    // Almaty's days begin at 19:00 UTC the evening before (UTC+5).
    const now = await count('2025-12-31T19:00:00Z', '2026-06-14T19:00:00Z');
    const before = await count('2024-12-31T19:00:00Z', '2025-06-14T19:00:00Z');
    expect(now).toBeGreaterThan(100);
    expect(figureOf(report, 'crime-total')).toMatchObject({ value: now, previous: before });
    expect(figureOf(report, 'crime-total').change).toBeCloseTo(((now - before) / before) * 100, 9);
    // A whole previous year set against half of this one would have shown a fall of about half.
    expect(Math.abs(figureOf(report, 'crime-total').change!)).toBeLessThan(25);
    expect(report.sections[0]!.chart!.months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
  });

  it('shows no change for a year whose previous year the data cover only in part, or which they cover only in part', async () => {
    const whole = await reportJson(2025);
    expect(whole.comparison).toMatchObject({ period: { from: '2025-01-01', to: '2025-12-31' }, previousPeriod: null });
    expect(whole.comparison.noComparison).toBe('previous-not-covered');
    expect(whole.comparison.statement.en).toContain('No comparison: the previous year is not fully covered by the data.');
    expect(figureOf(whole, 'crime-total').value).toBe(await count('2024-12-31T19:00:00Z', '2025-12-31T19:00:00Z'));
    for (const figure of whole.sections.flatMap((s) => s.figures)) expect([figure.previous, figure.change]).toEqual([null, null]);
    expect((await reportJson(2024)).comparison.noComparison).toBe('year-not-covered');
  });

  it('rates akims on the change only where both periods are covered', async () => {
    const rating = async (year: number) =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/analytics/akim-rating?year=${year}`, headers: { cookie } })).json();
    const whole = await rating(2025);
    expect(whole.comparison.noComparison).toBe('previous-not-covered');
    expect(whole.inputs.find((i: { key: string }) => i.key === 'crimeChange').available).toBe(false);
    const running = await rating(2026);
    expect(running.comparison.previousPeriod).toEqual({ from: '2025-01-01', to: '2025-06-14' });
    const almaty = running.regions.find((r: { regionId: string }) => r.regionId === ALMATY);
    const change = almaty.inputs.find((i: { key: string }) => i.key === 'crimeChange').value;
    const now = await count('2025-12-31T19:00:00Z', '2026-06-14T19:00:00Z');
    const before = await count('2024-12-31T19:00:00Z', '2025-06-14T19:00:00Z');
    expect(change).toBeCloseTo(((now - before) / before) * 100, 9);
  });

  for (const year of [2025, 2026]) {
    it(
      `prints in every language the numbers, headings and period of the JSON report for ${year}`,
      { timeout: 60_000 },
      async () => {
        const report = await reportJson(year);
        for (const language of LANGUAGES) {
          const runs = await readRuns(await reportPdf(year, language));
          expect(differences(report, runs, language), language).toEqual([]);
          const text = flowText(runs);
          for (const other of LANGUAGES.filter((l) => l !== language)) {
            for (const section of report.sections) expect(text, `${language} PDF`).not.toContain(section.title[other]);
          }
        }
      },
    );
  }

  it('catches a chart drawn from another year and a table with a missing row', { timeout: 60_000 }, async () => {
    const report = await reportJson(2026);
    const lastYear = await reportJson(2025);
    const overall = report.sections[0]!;
    const wrongChart: NationalReport = {
      ...report,
      sections: [
        { ...overall, chart: { ...overall.chart!, values: lastYear.sections[0]!.chart!.values.slice(0, 6) } },
        ...report.sections.slice(1),
      ],
    };
    expect(differences(report, await readRuns(await renderReportPdf(wrongChart, 'en')), 'en')).toEqual([
      expect.stringMatching(/^chart values /),
    ]);
    const property = report.sections.find((s) => s.id === 'property')!;
    const missingRow: NationalReport = {
      ...report,
      sections: report.sections.map((s) =>
        s === property ? { ...s, figures: s.figures.filter((f) => f.key !== 'robbery') } : s,
      ),
    };
    expect(differences(report, await readRuns(await renderReportPdf(missingRow, 'ru')), 'ru')).toEqual([
      expect.stringMatching(/^property\/robbery: /),
    ]);
  });
});
