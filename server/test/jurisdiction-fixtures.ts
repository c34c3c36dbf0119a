import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import type { Role } from '../../common/roles.js';
import { expect } from 'vitest';
import { publishEvent } from '../events/index.js';
import { recordAudit, sealAll } from '../modules/audit/index.js';
import { preventionJurisdictionFixtures } from './prevention-fixtures.js';
import { registerJurisdictionFixtures } from './register-fixtures.js';
import { programmeJurisdictionFixtures } from './programme-fixtures.js';
import { createStaff, type TestApp } from './app.js';
import { ANALYTICS_FIXTURES } from './analytics-fixtures.js';
import { TEAM_FIXTURES } from './neighbourhood-team-fixtures.js';
import { DISPATCH_FIXTURES } from './dispatch-fixtures.js';
import { CONSOLE_FIXTURES } from './console-fixtures.js';
import { CHANNELS_FIXTURES } from './channels-fixtures.js';
import { CHIEF_REPORT_FIXTURES } from './chief-report-fixtures.js';
import { PLACE_SAFETY_FIXTURES } from './place-safety-fixtures.js';
import { listening, openSse } from './sse.js';

export const HOME_REGION = '750000000'; // Almaty
export const OTHER_REGION = '710000000'; // Astana

/**
 * For every route whose records are limited to the caller's jurisdiction, how to show it: a
 * caller in Almaty asks for a record in Almaty (answered) and one in Astana (404, or absent
 * from the list). The generated access tests fail for a scoped route without an entry here.
 */
export type JurisdictionProbe = RequestProbe | CustomProbe;

/** For what one request cannot show (a live stream): the fixture checks inside and outside itself. */
export interface CustomProbe {
  kind: 'custom';
  verify(callerCookie: string): Promise<void>;
}

export interface RequestProbe {
  /** item: the outside record answers 404; list: it is absent; create: making one outside is refused. */
  kind: 'item' | 'list' | 'create';
  inside: InjectOptions;
  outside: InjectOptions;
  /** For lists: the ids that must be present (inside) or absent (outside). */
  insideId?: string;
  outsideId?: string;
  /** The field of a list item that holds the id (default `id`). */
  idField?: string;
}

type Fixture = (t: TestApp) => Promise<JurisdictionProbe>;

export async function insertIncident(t: TestApp, regionId: string): Promise<string> {
  const row = await sql<{ id: string }>`
    insert into incidents (region_id, category, status, priority, source, occurred_at, reported_at)
    values (${regionId}, 'other-theft', 'new', 3, 'test', now() + interval '1 day', now())
    returning id`.execute(t.database.db);
  return row.rows[0]!.id;
}

async function staffIn(t: TestApp, regionId: string, roles: Role[] = ['officer']) {
  return createStaff(t, roles, { level: 'region', regionId });
}

const POINTS = {
  [HOME_REGION]: { type: 'Point', coordinates: [76.9458, 43.2383] },
  [OTHER_REGION]: { type: 'Point', coordinates: [71.4304, 51.1282] },
};

/** An SOS button registered through the route by an admin of its region. */
async function sosDeviceIn(t: TestApp, regionId: typeof HOME_REGION | typeof OTHER_REGION): Promise<string> {
  const admin = await staffIn(t, regionId, ['admin']);
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/admin/sos-devices',
    headers: { cookie: admin.cookie },
    payload: { name: 'Stop', location: POINTS[regionId] },
  });
  return (response.json() as { device: { id: string } }).device.id;
}

/** An incident with one attached file, as the media routes serve it. */
async function incidentWithMedia(t: TestApp, regionId: string): Promise<{ id: string; sha256: string }> {
  const id = await insertIncident(t, regionId);
  const bytes = Buffer.from(`evidence ${id}`);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const file = path.join(t.config.dataDir, 'media', 'originals', sha256.slice(0, 2), sha256);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  await t.database.db
    .insertInto('incident_media')
    .values({
      incident_id: id,
      region_id: regionId,
      sha256,
      media_type: 'audio/ogg',
      kind: 'audio',
      size_bytes: bytes.length,
      public_copy: false,
    })
    .execute();
  return { id, sha256 };
}

export const JURISDICTION_FIXTURES: Record<string, Fixture> = {
  'GET /api/v1/feedback/ratings': async (t) => {
    const rated = async (regionId: string) => {
      const id = await insertIncident(t, regionId);
      const row = await t.database.db
        .insertInto('service_ratings')
        .values({
          incident_id: id,
          region_id: regionId,
          district_id: null,
          score: 5,
          comment_enc: null,
          channel: 'web',
          unit_ids: [],
          officer_ids: [],
          rated_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    };
    const req = { method: 'GET' as const, url: '/api/v1/feedback/ratings?limit=500' };
    return { kind: 'list', inside: req, outside: req, insideId: await rated(HOME_REGION), outsideId: await rated(OTHER_REGION) };
  },
  'GET /api/v1/incidents/:id/eido': async (t) => ({
    kind: 'item',
    inside: { method: 'GET', url: `/api/v1/incidents/${await insertIncident(t, HOME_REGION)}/eido` },
    outside: { method: 'GET', url: `/api/v1/incidents/${await insertIncident(t, OTHER_REGION)}/eido` },
  }),
  'GET /api/v1/incidents/:id/duplicates': async (t) => ({
    kind: 'item',
    inside: { method: 'GET', url: `/api/v1/incidents/${await insertIncident(t, HOME_REGION)}/duplicates` },
    outside: { method: 'GET', url: `/api/v1/incidents/${await insertIncident(t, OTHER_REGION)}/duplicates` },
  }),
  'POST /api/v1/incidents/:id/merge': async (t) => {
    const [source, kept, elsewhere] = [
      await insertIncident(t, HOME_REGION),
      await insertIncident(t, HOME_REGION),
      await insertIncident(t, OTHER_REGION),
    ];
    const merge = (into: string) => ({
      method: 'POST' as const,
      url: `/api/v1/incidents/${source}/merge`,
      payload: { into, reason: 'same fight' },
    });
    // The outside attempt runs second, on a report already merged: only the jurisdiction can make it a 404.
    return { kind: 'item', inside: merge(kept), outside: merge(elsewhere) };
  },
  'GET /api/v1/incidents/:id/media': async (t) => ({
    kind: 'item',
    inside: { method: 'GET', url: `/api/v1/incidents/${(await incidentWithMedia(t, HOME_REGION)).id}/media` },
    outside: { method: 'GET', url: `/api/v1/incidents/${(await incidentWithMedia(t, OTHER_REGION)).id}/media` },
  }),
  'GET /api/v1/incidents/:id/media/:sha256': async (t) => {
    const [inside, outside] = [await incidentWithMedia(t, HOME_REGION), await incidentWithMedia(t, OTHER_REGION)];
    return {
      kind: 'item',
      inside: { method: 'GET', url: `/api/v1/incidents/${inside.id}/media/${inside.sha256}` },
      outside: { method: 'GET', url: `/api/v1/incidents/${outside.id}/media/${outside.sha256}` },
    };
  },
  ...preventionJurisdictionFixtures(HOME_REGION, OTHER_REGION),
  ...registerJurisdictionFixtures(HOME_REGION, OTHER_REGION),
  ...programmeJurisdictionFixtures(HOME_REGION, OTHER_REGION),
  ...DISPATCH_FIXTURES,
  ...CONSOLE_FIXTURES,
  ...ANALYTICS_FIXTURES,
  ...TEAM_FIXTURES,
  ...CHANNELS_FIXTURES,
  ...CHIEF_REPORT_FIXTURES,
  ...PLACE_SAFETY_FIXTURES,
  'GET /api/v1/live/events': async (t) => ({
    kind: 'custom',
    async verify(cookie) {
      const live = await openSse(`${await listening(t.app)}/api/v1/live/events`, { cookie });
      const type = `test.jurisdiction.${Math.random()}`;
      // Outside first: by the time the inside event arrives, a visible outside one would have too.
      for (const regionId of [OTHER_REGION, HOME_REGION]) {
        await t.database.db.transaction().execute((trx) => publishEvent(trx, { type, regionId, payload: {} }));
      }
      const inside = await live.waitFor((e) => e.event === type);
      live.close();
      expect(inside?.data.regionId).toBe(HOME_REGION);
      expect(live.events.filter((e) => e.event === type)).toHaveLength(1);
    },
  }),
  'GET /api/v1/incidents': async (t) => {
    const insideId = await insertIncident(t, HOME_REGION);
    const outsideId = await insertIncident(t, OTHER_REGION);
    const req = { method: 'GET' as const, url: '/api/v1/incidents?limit=500' };
    return { kind: 'list', inside: req, outside: req, insideId, outsideId };
  },
  'GET /api/v1/incidents/:id': async (t) => ({
    kind: 'item',
    inside: { method: 'GET', url: `/api/v1/incidents/${await insertIncident(t, HOME_REGION)}` },
    outside: { method: 'GET', url: `/api/v1/incidents/${await insertIncident(t, OTHER_REGION)}` },
  }),
  'GET /api/v1/admin/users': async (t) => {
    const inside = await staffIn(t, HOME_REGION);
    const outside = await staffIn(t, OTHER_REGION);
    const req = { method: 'GET' as const, url: '/api/v1/admin/users?limit=500' };
    return { kind: 'list', inside: req, outside: req, insideId: inside.id, outsideId: outside.id };
  },
  'GET /api/v1/admin/users/:id': async (t) => ({
    kind: 'item',
    inside: { method: 'GET', url: `/api/v1/admin/users/${(await staffIn(t, HOME_REGION)).id}` },
    outside: { method: 'GET', url: `/api/v1/admin/users/${(await staffIn(t, OTHER_REGION)).id}` },
  }),
  'PATCH /api/v1/admin/users/:id': async (t) => ({
    kind: 'item',
    inside: {
      method: 'PATCH',
      url: `/api/v1/admin/users/${(await staffIn(t, HOME_REGION)).id}`,
      payload: { displayName: 'Renamed' },
    },
    outside: {
      method: 'PATCH',
      url: `/api/v1/admin/users/${(await staffIn(t, OTHER_REGION)).id}`,
      payload: { displayName: 'Renamed' },
    },
  }),
  'POST /api/v1/admin/users/:id/unlock': async (t) => ({
    kind: 'item',
    inside: { method: 'POST', url: `/api/v1/admin/users/${(await staffIn(t, HOME_REGION)).id}/unlock` },
    outside: { method: 'POST', url: `/api/v1/admin/users/${(await staffIn(t, OTHER_REGION)).id}/unlock` },
  }),
  'POST /api/v1/admin/users': async () => {
    const body = (regionId: string) => ({
      username: `new-${Math.random().toString(36).slice(2, 10)}`,
      displayName: 'New Officer',
      password: 'a long enough passphrase',
      roles: ['officer'],
      jurisdiction: { level: 'region', regionId },
    });
    return {
      kind: 'create',
      inside: { method: 'POST', url: '/api/v1/admin/users', payload: body(HOME_REGION) },
      outside: { method: 'POST', url: '/api/v1/admin/users', payload: body(OTHER_REGION) },
    };
  },
  'POST /api/v1/admin/sos-devices': async () => ({
    kind: 'create',
    inside: { method: 'POST', url: '/api/v1/admin/sos-devices', payload: { name: 'Stop', location: POINTS[HOME_REGION] } },
    outside: { method: 'POST', url: '/api/v1/admin/sos-devices', payload: { name: 'Stop', location: POINTS[OTHER_REGION] } },
  }),
  'GET /api/v1/admin/sos-devices': async (t) => {
    const insideId = await sosDeviceIn(t, HOME_REGION);
    const outsideId = await sosDeviceIn(t, OTHER_REGION);
    const req = { method: 'GET' as const, url: '/api/v1/admin/sos-devices?limit=500' };
    return { kind: 'list', inside: req, outside: req, insideId, outsideId };
  },
  'GET /api/v1/admin/sos-devices/:id': async (t) => ({
    kind: 'item',
    inside: { method: 'GET', url: `/api/v1/admin/sos-devices/${await sosDeviceIn(t, HOME_REGION)}` },
    outside: { method: 'GET', url: `/api/v1/admin/sos-devices/${await sosDeviceIn(t, OTHER_REGION)}` },
  }),
  'GET /api/v1/audit': async (t) => {
    const insideId = `in-${Math.random()}`;
    const outsideId = `out-${Math.random()}`;
    for (const [id, regionId] of [
      [insideId, HOME_REGION],
      [outsideId, OTHER_REGION],
    ] as const) {
      await recordAudit(t.database.db, {
        action: 'test.probe',
        outcome: 'success',
        actor: { kind: 'system', id: null },
        target: { type: 'probe', id },
        regionId,
      });
    }
    await sealAll(t.database.db, t.keys.auditKey);
    const req = { method: 'GET' as const, url: '/api/v1/audit?targetType=probe&limit=500' };
    return { kind: 'list', inside: req, outside: req, insideId, outsideId, idField: 'targetId' };
  },
};
