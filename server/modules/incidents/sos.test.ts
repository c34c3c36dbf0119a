import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCrypto } from '../../secrets/field-crypto.js';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { createApiKey } from '../identity/index.js';
import { checkSosDevices } from './sos-alarms.js';
import { ALMATY_POINT, ASTANA_POINT, registerTestDevice, signedInject, sosCounts, type TestDevice } from './sos-fixtures.js';

const ALMATY = '750000000';
let now = new Date();
let t: TestApp;
let admin: TestStaff;
let device: TestDevice;

beforeAll(async () => {
  t = await buildTestApp({ clock: () => now });
  admin = await createStaff(t, ['admin'], { level: 'region', regionId: ALMATY }, now);
  device = await registerTestDevice(t, admin);
});
afterAll(async () => {
  await t.app.close();
});

// Signed at the fake clock's time, so a slow run never makes a request stale or two alike.
const signed = (d: TestDevice, url: string, body: unknown, options: Parameters<typeof signedInject>[3] = {}) =>
  signedInject(d, url, body, { at: now, ...options });
const alarm = (body: Record<string, unknown> = {}) => ({ alarmId: `alarm-${Math.random().toString(36).slice(2)}`, ...body });
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

describe('registering an SOS button', () => {
  it('places it in its region, district, beat and H3 cell and stores its secret encrypted', async () => {
    const row = await t.database.db.selectFrom('sos_devices').selectAll().where('id', '=', device.id).executeTakeFirstOrThrow();
    expect(row.region_id).toBe(ALMATY);
    expect(row.district_id).toBeTruthy();
    expect(row.beat_id).toBeTruthy();
    expect(row.h3).toMatch(/^[0-9a-f]{15}$/);
    expect(row.secret_enc).not.toContain(device.secret);
    expect(createFieldCrypto(t.keys.secretKey).decrypt(row.secret_enc)).toBe(device.secret);
    expect(Buffer.from(device.secret, 'base64url')).toHaveLength(32);
    const key = await t.database.db
      .selectFrom('api_keys')
      .select('kind')
      .where('id', '=', row.api_key_id)
      .executeTakeFirstOrThrow();
    expect(key.kind).toBe('device');
  });

  it('never shows the secret or the key again', async () => {
    const headers = { cookie: admin.cookie };
    const one = await t.app.inject({ method: 'GET', url: `/api/v1/admin/sos-devices/${device.id}`, headers });
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/admin/sos-devices?limit=500', headers });
    expect(one.statusCode).toBe(200);
    expect(list.json().items.map((d: { id: string }) => d.id)).toContain(device.id);
    for (const body of [one.body, list.body]) {
      expect(body).not.toContain(device.secret);
      expect(body).not.toContain(device.apiKey);
      expect(body).not.toMatch(/secret/i);
    }
  });

  it('refuses a place outside the admin’s jurisdiction and writes nothing', async () => {
    const before = await t.database.db
      .selectFrom('api_keys')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/sos-devices',
      headers: { cookie: admin.cookie },
      payload: { name: 'Astana square', location: ASTANA_POINT },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('jurisdiction.outside');
    const after = await t.database.db
      .selectFrom('api_keys')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses a place outside Kazakhstan', async () => {
    const national = await createStaff(t, ['admin'], { level: 'country' }, now);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/sos-devices',
      headers: { cookie: national.cookie },
      payload: { name: 'Moscow', location: { type: 'Point', coordinates: [37.6, 55.75] } },
    });
    expect(response.statusCode).toBe(422);
  });
});

describe('an SOS alarm', () => {
  it('becomes one P1 incident at the device’s place, with timeline, audit entry and event', async () => {
    const before = await sosCounts(t);
    const response = await t.app.inject(signed(device, '/api/v1/sos/alarms', alarm({ battery: 87 })));
    expect(response.statusCode, response.body).toBe(201);
    const { incidentId, status } = response.json();
    expect(status).toBe('new');
    const after = await sosCounts(t);
    expect(after.incidents - before.incidents).toBe(1);
    expect(after.timeline - before.timeline).toBe(1);
    expect(after.events - before.events).toBe(1);

    const dev = await t.database.db.selectFrom('sos_devices').selectAll().where('id', '=', device.id).executeTakeFirstOrThrow();
    const incident = await t.database.db
      .selectFrom('incidents')
      .selectAll()
      .select(sql<string>`ST_AsGeoJSON(location)`.as('geo'))
      .where('id', '=', incidentId)
      .executeTakeFirstOrThrow();
    expect(incident).toMatchObject({
      category: 'emergency-sos',
      source: 'sos',
      priority: 1,
      status: 'new',
      region_id: dev.region_id,
      district_id: dev.district_id,
      beat_id: dev.beat_id,
      h3: dev.h3,
      description: null,
    });
    // A machine's words are sealed like a person's, for one rule.
    expect(createFieldCrypto(t.keys.secretKey).decrypt(incident.description_enc!)).toBe(`SOS: ${dev.name}`);
    expect(JSON.parse(incident.geo).coordinates).toEqual(ALMATY_POINT.coordinates);
    expect(dev.battery).toBe(87);
    const event = await t.database.db
      .selectFrom('domain_events')
      .selectAll()
      .where(sql<boolean>`payload->>'incidentId' = ${incidentId}`)
      .executeTakeFirstOrThrow();
    expect(event.type).toBe('incident.created');
    expect(event.payload).toMatchObject({ priority: 1, source: 'sos', deviceId: device.id });
    const audit = await t.database.db
      .selectFrom('audit_inbox')
      .select('action')
      .where('target_id', '=', incidentId)
      .unionAll(t.database.db.selectFrom('audit_log').select('action').where('target_id', '=', incidentId))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['incident.sos_alarm']);
  });

  it('answers a resent alarm with its first incident and creates no second one', async () => {
    const body = alarm();
    const first = await t.app.inject(signed(device, '/api/v1/sos/alarms', body));
    const before = await sosCounts(t);
    // A new request (new timestamp, new signature) carrying the same alarm.
    const again = await t.app.inject(signed(device, '/api/v1/sos/alarms', body, { at: new Date(now.getTime() + 1000) }));
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().incidentId).toBe(first.json().incidentId);
    const after = await sosCounts(t);
    expect(after.incidents).toBe(before.incidents);
    expect(after.events).toBe(before.events);
  });

  const refusals: [string, () => Promise<InjectOptions>, number, string][] = [
    [
      'a wrong signature',
      async () => signed(device, '/api/v1/sos/alarms', alarm(), { secret: 'AAAA' }),
      401,
      'sos.signature_invalid',
    ],
    [
      'another device’s signature',
      async () => {
        const other = await registerTestDevice(t, admin);
        return signed(device, '/api/v1/sos/alarms', alarm(), { secret: other.secret });
      },
      401,
      'sos.signature_invalid',
    ],
    [
      'a stale timestamp',
      async () => signed(device, '/api/v1/sos/alarms', alarm(), { at: new Date(now.getTime() - 61_000) }),
      401,
      'sos.stale',
    ],
    [
      'a timestamp from the future',
      async () => signed(device, '/api/v1/sos/alarms', alarm(), { at: new Date(now.getTime() + 61_000) }),
      401,
      'sos.stale',
    ],
    [
      'a key of another kind',
      async () => {
        const key = await createApiKey(t.database.db, { kind: 'open311', name: 'not a button', createdBy: null });
        return signed(device, '/api/v1/sos/alarms', alarm(), { apiKey: key.key });
      },
      403,
      'auth.forbidden',
    ],
    [
      'a device key of no registered button',
      async () => {
        const key = await createApiKey(t.database.db, { kind: 'device', name: 'loose key', createdBy: null });
        return signed(device, '/api/v1/sos/alarms', alarm(), { apiKey: key.key });
      },
      403,
      'sos.device_unknown',
    ],
  ];

  it.each(refusals)('refuses %s and writes nothing', async (_name, request, status, code) => {
    const options = await request();
    const before = await sosCounts(t);
    const response = await t.app.inject(options);
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json().code).toBe(code);
    expect(await sosCounts(t)).toEqual(before);
  });

  it('refuses a missing signature', async () => {
    const options = signed(device, '/api/v1/sos/alarms', alarm());
    delete (options.headers as Record<string, string>)['x-aman-signature'];
    const response = await t.app.inject(options);
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('sos.signature_invalid');
  });

  it('refuses a replayed request and writes nothing the second time', async () => {
    const options = signed(device, '/api/v1/sos/alarms', alarm());
    expect((await t.app.inject(options)).statusCode).toBe(201);
    const before = await sosCounts(t);
    const replay = await t.app.inject(options);
    expect(replay.statusCode).toBe(409);
    expect(replay.json().code).toBe('sos.replay');
    expect(await sosCounts(t)).toEqual(before);
  });

  it('refuses a body that is not JSON', async () => {
    const options = signed(device, '/api/v1/sos/alarms', alarm());
    const response = await t.app.inject({ ...options, payload: '{not json' });
    expect(response.statusCode).toBe(400);
  });
});

describe('heartbeats and silence', () => {
  it('records the heartbeat’s time and battery', async () => {
    const options = signed(device, '/api/v1/sos/heartbeats', { battery: 55 });
    const headers = { ...options.headers, 'content-type': 'application/json; charset=utf-8' };
    const response = await t.app.inject({ ...options, headers });
    expect(response.statusCode, response.body).toBe(204);
    const row = await t.database.db.selectFrom('sos_devices').selectAll().where('id', '=', device.id).executeTakeFirstOrThrow();
    expect(row.battery).toBe(55);
    expect(row.last_heartbeat_at?.toISOString()).toBe(now.toISOString());
  });

  it('raises one alert per silence, and a new one after the device recovers and falls silent again', async () => {
    const start = now;
    const quiet = await registerTestDevice(t, admin);
    const alerts = async () => {
      const rows = await t.database.db.selectFrom('sos_device_alerts').selectAll().where('device_id', '=', quiet.id).execute();
      const events = await sql<{ n: number }>`
        select count(*)::int as n from domain_events
        where type = 'sos.device_silent' and payload->>'deviceId' = ${quiet.id}`.execute(t.database.db);
      expect(events.rows[0]!.n).toBe(rows.length);
      return rows.length;
    };
    try {
      await checkSosDevices(t.database.db, minutes(10), 15);
      expect(await alerts()).toBe(0);
      await checkSosDevices(t.database.db, minutes(16), 15);
      expect(await alerts()).toBe(1);
      await checkSosDevices(t.database.db, minutes(30), 15);
      expect(await alerts()).toBe(1);

      now = new Date(start.getTime() + 31 * 60_000);
      expect((await t.app.inject(signed(quiet, '/api/v1/sos/heartbeats', {}, { at: now }))).statusCode).toBe(204);
      await checkSosDevices(t.database.db, minutes(10), 15);
      expect(await alerts()).toBe(1);
      await checkSosDevices(t.database.db, minutes(16), 15);
      expect(await alerts()).toBe(2);
      await checkSosDevices(t.database.db, minutes(40), 15);
      expect(await alerts()).toBe(2);
    } finally {
      now = start;
    }
  });
});

describe('a flood of reports', () => {
  it('is refused with 429 while an SOS alarm from the same address still gets through', async () => {
    const limited = await buildTestApp({ clock: () => now, keys: t.keys, env: { AMAN_RATE_LIMIT_PUBLIC: '2' } });
    try {
      const address = '10.77.0.1';
      const report = () =>
        limited.app.inject({
          method: 'POST',
          url: '/api/v1/reports',
          remoteAddress: address,
          payload: { category: 'other-theft', description: `flood ${Math.random()}`, location: ALMATY_POINT },
        });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await report()).statusCode);
      expect(statuses).toEqual([201, 201, 429, 429]);
      const sos = await limited.app.inject(signed(device, '/api/v1/sos/alarms', alarm(), { remoteAddress: address }));
      expect(sos.statusCode, sos.body).toBe(201);
      expect((await report()).statusCode).toBe(429);
    } finally {
      await limited.app.close();
    }
  });
});
