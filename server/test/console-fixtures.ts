import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { firstDistrictAndBeat } from '../modules/geo/index.js';
import { createFieldCrypto } from '../secrets/field-crypto.js';
import type { TestApp } from './app.js';

// Central Almaty and central Astana: the home and the other region of the jurisdiction tests.
export const CONSOLE_POINTS: Record<string, [number, number]> = {
  '750000000': [76.9458, 43.2383],
  '710000000': [71.4304, 51.1282],
};

/**
 * An open P1 incident that waits since long ago, so it heads the queue of a shared test
 * database whatever else is in it.
 */
export async function insertQueuedIncident(
  t: TestApp,
  regionId: string,
  fields: { source?: string; status?: string; priority?: number; reportedAt?: Date; at?: [number, number] } = {},
): Promise<string> {
  const place = await firstDistrictAndBeat(t.database.db, regionId);
  const [lon, lat] = fields.at ?? CONSOLE_POINTS[regionId] ?? [76.9458, 43.2383];
  const reportedAt = fields.reportedAt ?? new Date('2001-01-01T00:00:00Z');
  const row = await sql<{ id: string }>`
    insert into incidents (region_id, district_id, beat_id, category, status, priority, source, occurred_at, reported_at, location,
      description_enc)
    values (${regionId}, ${place.districtId}, ${place.beatId}, 'violent-crime', ${fields.status ?? 'new'}, ${fields.priority ?? 1},
      ${fields.source ?? 'web'}, ${reportedAt}, ${reportedAt}, ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326),
      ${createFieldCrypto(t.keys.secretKey).encrypt('A fight outside')})
    returning id`.execute(t.database.db);
  return row.rows[0]!.id;
}

type Probe = {
  kind: 'item' | 'list' | 'create';
  inside: InjectOptions;
  outside: InjectOptions;
  insideId?: string;
  outsideId?: string;
};

const HOME = '750000000';
const OTHER = '710000000';

const call = (regionId: string) => ({
  method: 'POST' as const,
  url: '/api/v1/incidents',
  payload: {
    category: 'public-order',
    description: 'Caller reports a crowd fighting',
    location: { type: 'Point', coordinates: CONSOLE_POINTS[regionId] },
  },
});

/** The console routes' jurisdiction probes, spread into JURISDICTION_FIXTURES. */
export const CONSOLE_FIXTURES: Record<string, (t: TestApp) => Promise<Probe>> = {
  'GET /api/v1/incidents/queue': async (t) => {
    const req = { method: 'GET' as const, url: '/api/v1/incidents/queue?limit=500' };
    return {
      kind: 'list',
      inside: req,
      outside: req,
      insideId: await insertQueuedIncident(t, HOME),
      outsideId: await insertQueuedIncident(t, OTHER),
    };
  },
  'GET /api/v1/incidents/:id/detail': async (t) => ({
    kind: 'item',
    inside: { method: 'GET', url: `/api/v1/incidents/${await insertQueuedIncident(t, HOME)}/detail` },
    outside: { method: 'GET', url: `/api/v1/incidents/${await insertQueuedIncident(t, OTHER)}/detail` },
  }),
  'POST /api/v1/incidents/:id/notes': async (t) => ({
    kind: 'item',
    inside: {
      method: 'POST',
      url: `/api/v1/incidents/${await insertQueuedIncident(t, HOME)}/notes`,
      payload: { text: 'Called back' },
    },
    outside: {
      method: 'POST',
      url: `/api/v1/incidents/${await insertQueuedIncident(t, OTHER)}/notes`,
      payload: { text: 'Called back' },
    },
  }),
  'PUT /api/v1/incidents/:id/circumstances': async (t) => {
    const payload = {
      victimSex: 'female',
      victimAgeBand: null,
      offenderAgeBand: null,
      offenderIntoxication: null,
      placeType: null,
    };
    return {
      kind: 'item',
      inside: { method: 'PUT', url: `/api/v1/incidents/${await insertQueuedIncident(t, HOME)}/circumstances`, payload },
      outside: { method: 'PUT', url: `/api/v1/incidents/${await insertQueuedIncident(t, OTHER)}/circumstances`, payload },
    };
  },
  'PUT /api/v1/incidents/:id/outcome': async (t) => {
    const payload = { outcome: 'sent-to-court', decidedOn: '2001-03-15' };
    return {
      kind: 'item',
      inside: { method: 'PUT', url: `/api/v1/incidents/${await insertQueuedIncident(t, HOME)}/outcome`, payload },
      outside: { method: 'PUT', url: `/api/v1/incidents/${await insertQueuedIncident(t, OTHER)}/outcome`, payload },
    };
  },
  'POST /api/v1/incidents': async () => ({ kind: 'create', inside: call(HOME), outside: call(OTHER) }),
};
