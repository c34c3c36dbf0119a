import { sql, type Insertable, type Kysely } from 'kysely';
import type { Tables } from '../db/tables.js';
import { expect } from 'vitest';
import type { TestApp } from './app.js';

// The same two regions as jurisdiction-fixtures.ts (Almaty answers, Astana is hidden).
const HOME = '750000000';
const OTHER = '710000000';
const POINTS: Record<string, [number, number]> = { [HOME]: [76.9458, 43.2383], [OTHER]: [71.4304, 51.1282] };

/**
 * Burglaries in both regions inside an hour of the past that no other test uses, so an
 * analysis of that hour sees exactly these.
 */
export async function plantBurglaries(t: TestApp, perRegion: Record<string, number>): Promise<{ from: string; to: string }> {
  const from = new Date(Date.UTC(1990, 0, 1) + Math.floor(Math.random() * 200_000) * 3_600_000);
  for (const [regionId, count] of Object.entries(perRegion)) {
    const [lon, lat] = POINTS[regionId]!;
    for (let i = 0; i < count; i++) {
      await sql`
        insert into incidents (region_id, category, status, priority, source, occurred_at, reported_at, location)
        values (${regionId}, 'burglary', 'triaged', 3, 'test', ${new Date(from.getTime() + i * 60_000)}, now(),
          ST_SetSRID(ST_MakePoint(${lon + i * 0.0005}, ${lat}), 4326))`.execute(t.database.db);
    }
  }
  return { from: from.toISOString(), to: new Date(from.getTime() + 3_600_000).toISOString() };
}

export const FORECAST_HOT_SPOT: [number, number] = [76.9458, 43.2383];

/**
 * A random instant of 1800–1835, years no other test plants in (clearance uses 1962, other
 * fixtures 1900–2013), with no incident in the year around it: this fixture runs more than once.
 */
async function freeYearBefore(t: TestApp): Promise<Date> {
  for (;;) {
    const start = new Date(Date.UTC(1800, 0, 1) + Math.floor(Math.random() * 35 * 365) * 86_400_000);
    const taken = await sql<{ n: number }>`
      select count(*)::int as n from incidents
      where occurred_at >= ${new Date(start.getTime() - 400 * 86_400_000)}
        and occurred_at < ${new Date(start.getTime() + 30 * 86_400_000)}`.execute(t.database.db);
    if (taken.rows[0]!.n === 0) return start;
  }
}

/**
 * Fifty weeks of burglaries before a free random instant (see `freeYearBefore`): every week two at one hot spot in Almaty and one somewhere else in the city, and one
 * in Astana. Returns the instant, the start of the next period to forecast.
 */
export async function plantWeeklyBurglaries(t: TestApp): Promise<string> {
  const start = await freeYearBefore(t);
  const rows: [string, number, number, Date][] = [];
  for (let week = 1; week <= 50; week++) {
    const at = (days: number) => new Date(start.getTime() - (week * 7 - days) * 86_400_000);
    const [lon, lat] = FORECAST_HOT_SPOT;
    rows.push([HOME, lon, lat, at(1)], [HOME, lon + 0.0001, lat, at(3.5)]);
    // Elsewhere: a different place each week, 2–5 km from the hot spot.
    rows.push([HOME, lon + 0.025 + 0.003 * (week % 10), lat + 0.02 + 0.003 * Math.floor(week / 10), at(5)]);
    rows.push([OTHER, ...POINTS[OTHER]!, at(2)]);
  }
  for (const [regionId, lon, lat, at] of rows) {
    await sql`
      insert into incidents (region_id, category, status, priority, source, occurred_at, reported_at, location)
      values (${regionId}, 'burglary', 'closed', 3, 'test', ${at}, ${at}, ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326))`.execute(
      t.database.db,
    );
  }
  return start.toISOString();
}

/** A year no other test uses, with one survey result per region (60% of 1,000 in Almaty, 30% of 500 in Astana). */
export async function plantSurveyYear(t: TestApp): Promise<number> {
  for (;;) {
    const year = 2030 + Math.floor(Math.random() * 70);
    const taken = await sql<{ n: number }>`select count(*)::int as n from indicator_observations where year = ${year}`.execute(
      t.database.db,
    );
    if (taken.rows[0]!.n > 0) continue;
    await sql`
      insert into indicator_observations (indicator, region_id, year, kind, numerator, denominator, source, demo)
      values ('trust-in-police', ${HOME}, ${year}, 'survey', 600, 1000, 'test', false),
             ('trust-in-police', ${OTHER}, ${year}, 'survey', 150, 500, 'test', false)`.execute(t.database.db);
    return year;
  }
}

function trustOf(body: { indicators: { id: string; value: number | null }[] }): number | null {
  return body.indicators.find((i) => i.id === 'trust-in-police')!.value;
}

/** An analyst in Almaty sees Almaty's incidents in the analysis, never Astana's. */
export const ANALYTICS_FIXTURES = {
  'GET /api/v1/analytics/hotspots': async (t: TestApp) => ({
    kind: 'custom' as const,
    async verify(cookie: string) {
      const { from, to } = await plantBurglaries(t, { [HOME]: 3, [OTHER]: 2 });
      const url = `/api/v1/analytics/hotspots?categories=burglary&from=${from}&to=${to}`;
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().incidents).toBe(3);
      const outside = await t.app.inject({ method: 'GET', url: `${url}&regionId=${OTHER}`, headers: { cookie } });
      expect(outside.json().code).toBe('jurisdiction.outside');
    },
  }),
  'POST /api/v1/analytics/near-repeat': async (t: TestApp) => ({
    kind: 'custom' as const,
    async verify(cookie: string) {
      const { from, to } = await plantBurglaries(t, { [HOME]: 3, [OTHER]: 2 });
      const payload = { categories: ['burglary'], from, to };
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/analytics/near-repeat', headers: { cookie }, payload });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().incidents).toBe(3);
      const outside = await t.app.inject({
        method: 'POST',
        url: '/api/v1/analytics/near-repeat',
        headers: { cookie },
        payload: { ...payload, regionId: OTHER },
      });
      expect(outside.json().code).toBe('jurisdiction.outside');
    },
  }),
  'GET /api/v1/analytics/forecast': async (t: TestApp) => ({
    kind: 'custom' as const,
    async verify(cookie: string) {
      const start = await plantWeeklyBurglaries(t);
      const url = `/api/v1/analytics/forecast?categories=burglary&start=${start}&periods=2`;
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().incidents).toBe(150);
      const outside = await t.app.inject({ method: 'GET', url: `${url}&regionId=${OTHER}`, headers: { cookie } });
      expect(outside.json().code).toBe('jurisdiction.outside');
    },
  }),
  'GET /api/v1/analytics/situation': async (t: TestApp) => ({
    kind: 'custom' as const,
    async verify(cookie: string) {
      const openNow = async () => {
        const response = await t.app.inject({ method: 'GET', url: '/api/v1/analytics/situation', headers: { cookie } });
        expect(response.statusCode, response.body).toBe(200);
        return response.json().totals.open as number;
      };
      const before = await openNow();
      for (const regionId of [HOME, OTHER]) {
        await sql`
          insert into incidents (region_id, category, status, priority, source, occurred_at, reported_at)
          values (${regionId}, 'other-theft', 'new', 1, 'test', now(), now())`.execute(t.database.db);
      }
      expect(await openNow()).toBe(before + 1);
      const outside = await t.app.inject({
        method: 'GET',
        url: `/api/v1/analytics/situation?regionId=${OTHER}`,
        headers: { cookie },
      });
      expect(outside.json().code).toBe('jurisdiction.outside');
    },
  }),
  'GET /api/v1/analytics/clearance': async (t: TestApp) => ({
    kind: 'custom' as const,
    async verify(cookie: string) {
      // An hour of 1900–1940 no other test uses: two closed reports in Almaty, one in Astana.
      const from = new Date(Date.UTC(1900, 0, 1) + Math.floor(Math.random() * 350_000) * 3_600_000);
      for (const regionId of [HOME, HOME, OTHER]) {
        await sql`
          insert into incidents (region_id, category, status, priority, source, occurred_at, reported_at)
          values (${regionId}, 'other-theft', 'closed', 3, 'test', ${from}, ${from})`.execute(t.database.db);
      }
      const to = new Date(from.getTime() + 3_600_000).toISOString();
      const url = `/api/v1/analytics/clearance?from=${from.toISOString()}&to=${to}`;
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().totals.reported).toBe(2);
      const outside = await t.app.inject({ method: 'GET', url: `${url}&regionId=${OTHER}`, headers: { cookie } });
      expect(outside.json().code).toBe('jurisdiction.outside');
    },
  }),
  'GET /api/v1/analytics/time-patterns': async (t: TestApp) => ({
    kind: 'custom' as const,
    async verify(cookie: string) {
      const { from, to } = await plantBurglaries(t, { [HOME]: 3, [OTHER]: 2 });
      const url = `/api/v1/analytics/time-patterns?categories=burglary&from=${from}&to=${to}`;
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().incidents).toBe(3);
      const outside = await t.app.inject({ method: 'GET', url: `${url}&regionId=${OTHER}`, headers: { cookie } });
      expect(outside.json().code).toBe('jurisdiction.outside');
    },
  }),
  'GET /api/v1/analytics/indicators': async (t: TestApp) => ({
    kind: 'custom' as const,
    async verify(cookie: string) {
      const year = await plantSurveyYear(t);
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/analytics/indicators?year=${year}`,
        headers: { cookie },
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().regionId).toBe(HOME);
      expect(trustOf(response.json())).toBeCloseTo(60, 6);
      const outside = await t.app.inject({
        method: 'GET',
        url: `/api/v1/analytics/indicators?year=${year}&regionId=${OTHER}`,
        headers: { cookie },
      });
      expect(outside.json().code).toBe('jurisdiction.outside');
    },
  }),
  'GET /api/v1/analytics/national-report/:year': async (t: TestApp) => ({
    kind: 'custom' as const,
    async verify(cookie: string) {
      const year = await plantSurveyYear(t);
      const url = `/api/v1/analytics/national-report/${year}?format=json`;
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().regionId).toBe(HOME);
      const indicators = response.json().sections.find((s: { id: string }) => s.id === 'indicators');
      expect(indicators.figures.find((f: { key: string }) => f.key === 'trust-in-police').value).toBeCloseTo(60, 6);
      const outside = await t.app.inject({ method: 'GET', url: `${url}&regionId=${OTHER}`, headers: { cookie } });
      expect(outside.json().code).toBe('jurisdiction.outside');
    },
  }),
};

/**
 * One incident as the analysis read models see it (no place, no text), for suites that count
 * exactly on their own database: status `closed` and 10 March 2025 unless given, `columns` for
 * what the suite records on it.
 */
export async function insertCountedIncident(
  db: Kysely<Tables>,
  regionId: string,
  category: string,
  fields: { status?: string; occurredAt?: string; columns?: Partial<Insertable<Tables['incidents']>> } = {},
): Promise<void> {
  const at = new Date(fields.occurredAt ?? '2025-03-10T12:00:00Z');
  await db
    .insertInto('incidents')
    .values({
      region_id: regionId,
      district_id: null,
      beat_id: null,
      h3: null,
      category,
      status: fields.status ?? 'closed',
      priority: 2,
      source: 'test',
      occurred_at: at,
      reported_at: at,
      location: null,
      tracking_code: null,
      description_enc: null,
      reporter_name_enc: null,
      reporter_phone_enc: null,
      reporter_phone_hash: null,
      reporter_email_enc: null,
      ...fields.columns,
    })
    .execute();
}
