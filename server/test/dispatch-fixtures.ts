import { sql } from 'kysely';
import type { InjectOptions } from 'fastify';
import { firstDistrictAndBeat } from '../modules/geo/index.js';
import { expect } from 'vitest';
import { createStaff, type TestApp } from './app.js';

// The same two regions as jurisdiction-fixtures.ts (Almaty answers, Astana is hidden).
const HOME = '750000000';
const OTHER = '710000000';
const POINTS: Record<string, [number, number]> = { [HOME]: [76.9458, 43.2383], [OTHER]: [71.4304, 51.1282] };

type Probe =
  | {
      kind: 'item' | 'list' | 'create';
      inside: InjectOptions;
      outside: InjectOptions;
      insideId?: string;
      outsideId?: string;
    }
  | { kind: 'custom'; verify(callerCookie: string): Promise<void> };

/** An incident with a location, as the recommendation needs one. */
export async function insertLocatedIncident(
  t: TestApp,
  regionId: string,
  at: [number, number] = POINTS[regionId]!,
): Promise<string> {
  const place = await firstDistrictAndBeat(t.database.db, regionId);
  const row = await sql<{ id: string }>`
    insert into incidents (region_id, district_id, beat_id, category, status, priority, source, occurred_at, reported_at, location)
    values (${regionId}, ${place.districtId}, ${place.beatId}, 'other-theft', 'new', 2, 'test', now(), now(),
      ST_SetSRID(ST_MakePoint(${at[0]}, ${at[1]}), 4326))
    returning id`.execute(t.database.db);
  return row.rows[0]!.id;
}

/** An available unit made through the route by a supervisor of its region. */
export async function unitIn(t: TestApp, regionId: string, memberIds: string[] = []): Promise<string> {
  const supervisor = await createStaff(t, ['supervisor'], { level: 'region', regionId });
  const { districtId } = await firstDistrictAndBeat(t.database.db, regionId);
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/units',
    headers: { cookie: supervisor.cookie },
    payload: {
      callSign: `T-${Math.random().toString(36).slice(2, 10)}`,
      agency: 'police',
      kind: 'patrol_car',
      districtId,
      status: 'available',
      memberIds,
    },
  });
  if (response.statusCode !== 201) throw new Error(`unit: ${response.body}`);
  return (response.json() as { id: string }).id;
}

/** An incident with one unit assigned to it, made through the route by an operator of its region. */
export async function assignmentIn(t: TestApp, regionId: string): Promise<{ incidentId: string; assignmentId: string }> {
  const operator = await createStaff(t, ['operator'], { level: 'region', regionId });
  const incidentId = await insertLocatedIncident(t, regionId);
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/incidents/${incidentId}/assignments`,
    headers: { cookie: operator.cookie },
    payload: { unitId: await unitIn(t, regionId) },
  });
  if (response.statusCode !== 201) throw new Error(`assignment: ${response.body}`);
  return { incidentId, assignmentId: (response.json() as { id: string }).id };
}

const item = async (url: (regionId: string) => Promise<string>, method: 'GET' | 'POST' | 'PATCH' = 'GET', payload?: object) =>
  ({
    kind: 'item',
    inside: { method, url: await url(HOME), payload },
    outside: { method, url: await url(OTHER), payload },
  }) satisfies Probe;

/** Dispatch's and the incident lifecycle's scoped routes, spread into JURISDICTION_FIXTURES. */
export const DISPATCH_FIXTURES: Record<string, (t: TestApp) => Promise<Probe>> = {
  'GET /api/v1/units': async (t) => {
    const insideId = await unitIn(t, HOME);
    const outsideId = await unitIn(t, OTHER);
    const req = { method: 'GET' as const, url: '/api/v1/units?limit=500' };
    return { kind: 'list', inside: req, outside: req, insideId, outsideId };
  },
  'GET /api/v1/units/:id': (t) => item(async (r) => `/api/v1/units/${await unitIn(t, r)}`),
  'PATCH /api/v1/units/:id': (t) => item(async (r) => `/api/v1/units/${await unitIn(t, r)}`, 'PATCH', { kind: 'foot' }),
  'POST /api/v1/units/:id/status': (t) =>
    item(async (r) => `/api/v1/units/${await unitIn(t, r)}/status`, 'POST', { status: 'busy' }),
  'POST /api/v1/units/:id/emergency': (t) =>
    item(async (r) => `/api/v1/units/${await unitIn(t, r)}/emergency`, 'POST', { active: false }),
  'POST /api/v1/units': async (t) => {
    const body = async (regionId: string) => ({
      callSign: `N-${Math.random().toString(36).slice(2, 10)}`,
      agency: 'national_guard',
      kind: 'foot',
      districtId: (await firstDistrictAndBeat(t.database.db, regionId)).districtId,
    });
    return {
      kind: 'create',
      inside: { method: 'POST', url: '/api/v1/units', payload: await body(HOME) },
      outside: { method: 'POST', url: '/api/v1/units', payload: await body(OTHER) },
    };
  },
  'GET /api/v1/incidents/:id/recommended-units': (t) =>
    item(async (r) => `/api/v1/incidents/${await insertLocatedIncident(t, r)}/recommended-units`),
  'POST /api/v1/incidents/:id/assignments': async (t) => ({
    kind: 'item',
    inside: {
      method: 'POST',
      url: `/api/v1/incidents/${await insertLocatedIncident(t, HOME)}/assignments`,
      payload: { unitId: await unitIn(t, HOME) },
    },
    outside: {
      method: 'POST',
      url: `/api/v1/incidents/${await insertLocatedIncident(t, OTHER)}/assignments`,
      payload: { unitId: await unitIn(t, OTHER) },
    },
  }),
  'POST /api/v1/incidents/:id/assignments/:assignmentId/cancel': (t) =>
    item(
      async (r) => {
        const { incidentId, assignmentId } = await assignmentIn(t, r);
        return `/api/v1/incidents/${incidentId}/assignments/${assignmentId}/cancel`;
      },
      'POST',
      { reason: 'sent by mistake' },
    ),
  // Figures, not records: one incident in each region reported at the same odd instant, and only Almaty's is counted.
  'GET /api/v1/dispatch/response-times': async (t) => ({
    kind: 'custom',
    async verify(cookie) {
      const at = new Date(Date.UTC(2012, 0, 1) + Math.floor(Math.random() * 3e10));
      for (const regionId of [HOME, OTHER]) {
        const place = await firstDistrictAndBeat(t.database.db, regionId);
        await sql`
          insert into incidents (region_id, district_id, category, status, priority, source, occurred_at, reported_at)
          values (${regionId}, ${place.districtId}, 'other-theft', 'new', 2, 'test', ${at}, ${at})`.execute(t.database.db);
      }
      const to = new Date(at.getTime() + 1000).toISOString();
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/dispatch/response-times?from=${at.toISOString()}&to=${to}`,
        headers: { cookie },
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().overall.incidents).toBe(1);
      expect(response.json().byDistrict.map((d: { regionId: string }) => d.regionId)).toEqual([HOME]);
    },
  }),
  'POST /api/v1/incidents/:id/triage': (t) =>
    item(async (r) => `/api/v1/incidents/${await insertLocatedIncident(t, r)}/triage`, 'POST', { priority: 1 }),
  'POST /api/v1/incidents/:id/status': (t) =>
    item(async (r) => `/api/v1/incidents/${await insertLocatedIncident(t, r)}/status`, 'POST', {
      status: 'cancelled',
      reason: 'duplicate call',
    }),
};
