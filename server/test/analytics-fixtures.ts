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
};
