import { sql } from 'kysely';
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
