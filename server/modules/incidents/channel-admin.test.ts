import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { cameraEvent } from './camera-fixtures.js';
import { checkSosDevices } from './sos-alarms.js';
import { ALMATY_POINT, ASTANA_POINT, registerTestDevice, signedInject, type TestDevice } from './sos-fixtures.js';

const ALMATY = '750000000';
const ASTANA = '710000000';
let now = new Date();
let t: TestApp;
let admin: TestStaff;
let astanaAdmin: TestStaff;
let operator: TestStaff;

beforeAll(async () => {
  t = await buildTestApp({ clock: () => now });
  admin = await createStaff(t, ['admin'], { level: 'region', regionId: ALMATY }, now);
  astanaAdmin = await createStaff(t, ['admin'], { level: 'region', regionId: ASTANA }, now);
  operator = await createStaff(t, ['operator'], { level: 'region', regionId: ALMATY }, now);
});
afterAll(async () => {
  await t.app.close();
});

const tick = () => {
  now = new Date(now.getTime() + 1000);
};
const press = (device: TestDevice, options: Parameters<typeof signedInject>[3] = {}) => {
  tick();
  return t.app.inject(
    signedInject(device, '/api/v1/sos/alarms', { alarmId: `a-${Math.random().toString(36).slice(2)}` }, { at: now, ...options }),
  );
};
const as = (staff: TestStaff, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie: staff.cookie }, payload: payload as Record<string, unknown> });

async function auditActions(targetId: string): Promise<string[]> {
  const rows = await sql<{ action: string }>`
    select action from audit_inbox where target_id = ${targetId}
    union all select action from audit_log where target_id = ${targetId}`.execute(t.database.db);
  return rows.rows.map((r) => r.action);
}

describe('revoking a device', () => {
  it('refuses its presses from then on, with its key revoked, and is audited', async () => {
    const device = await registerTestDevice(t, admin);
    expect((await press(device)).statusCode).toBe(201);
    const revoked = await as(admin, 'POST', `/api/v1/admin/sos-devices/${device.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ id: device.id, status: 'revoked' });
    expect(revoked.json().revokedAt).toBeTruthy();
    const refused = await press(device);
    expect(refused.statusCode).toBe(401);
    expect(await auditActions(device.id)).toContain('sos_device.revoke');
    const listed = await as(admin, 'GET', `/api/v1/admin/sos-devices/${device.id}`);
    expect(listed.json().status).toBe('revoked');
  });

  it('cannot be revoked, renamed or given a new secret again', async () => {
    const device = await registerTestDevice(t, admin);
    await as(admin, 'POST', `/api/v1/admin/sos-devices/${device.id}/revoke`);
    for (const [method, suffix, body] of [
      ['POST', '/revoke', undefined],
      ['POST', '/rotate-secret', undefined],
      ['PATCH', '', { name: 'Again' }],
    ] as const) {
      const response = await as(admin, method, `/api/v1/admin/sos-devices/${device.id}${suffix}`, body);
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('sos.device_revoked');
    }
  });

  it('is refused to an admin of another region as if the device did not exist', async () => {
    const device = await registerTestDevice(t, admin);
    const response = await as(astanaAdmin, 'POST', `/api/v1/admin/sos-devices/${device.id}/revoke`);
    expect(response.statusCode).toBe(404);
    expect((await press(device)).statusCode).toBe(201);
  });

  it('is refused to an operator, and to no one signed in', async () => {
    const device = await registerTestDevice(t, admin);
    expect((await as(operator, 'POST', `/api/v1/admin/sos-devices/${device.id}/revoke`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/admin/sos-devices/${device.id}/revoke` })).statusCode).toBe(401);
    expect((await press(device)).statusCode).toBe(201);
  });
});

describe('rotating a device’s secret', () => {
  it('shows the new secret once; the old secret is refused and the new one accepted', async () => {
    const device = await registerTestDevice(t, admin);
    const rotated = await as(admin, 'POST', `/api/v1/admin/sos-devices/${device.id}/rotate-secret`);
    expect(rotated.statusCode).toBe(200);
    const { secret, device: view } = rotated.json();
    expect(secret).not.toBe(device.secret);
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(view.rotatedAt).toBeTruthy();
    const old = await press(device);
    expect(old.statusCode).toBe(401);
    expect(old.json().code).toBe('sos.signature_invalid');
    expect((await press(device, { secret })).statusCode).toBe(201);
    expect(await auditActions(device.id)).toContain('sos_device.rotate');
    const again = await as(admin, 'GET', `/api/v1/admin/sos-devices/${device.id}`);
    expect(again.body).not.toContain(secret);
  });

  it('changes nothing when an admin of another region asks', async () => {
    const device = await registerTestDevice(t, admin);
    const response = await as(astanaAdmin, 'POST', `/api/v1/admin/sos-devices/${device.id}/rotate-secret`);
    expect(response.statusCode).toBe(404);
    expect((await press(device)).statusCode).toBe(201);
  });
});

describe('editing a camera', () => {
  it('registers the event types it sends and refuses others, signed or not', async () => {
    const response = await as(admin, 'POST', '/api/v1/admin/sos-devices', {
      name: 'Camera at the square',
      location: ALMATY_POINT,
      kind: 'camera',
      eventTypes: ['weapon', 'fight'],
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.device.eventTypes).toEqual(['weapon', 'fight']);
    const camera = { id: body.device.id, apiKey: body.apiKey, secret: body.secret };
    tick();
    const crowd = await t.app.inject(
      signedInject(camera, '/api/v1/camera-events', cameraEvent(now, { eventType: 'crowd', confidence: 0.1 }), { at: now }),
    );
    expect(crowd.statusCode).toBe(422);
    expect(crowd.json().code).toBe('camera.event_type_not_registered');
    const changed = await as(admin, 'PATCH', `/api/v1/admin/sos-devices/${camera.id}`, {
      eventTypes: ['crowd'],
      name: 'Square, north',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Square, north', eventTypes: ['crowd'] });
    tick();
    const accepted = await t.app.inject(
      signedInject(camera, '/api/v1/camera-events', cameraEvent(now, { eventType: 'crowd', confidence: 0.1 }), { at: now }),
    );
    expect(accepted.statusCode).toBe(201);
    expect(await auditActions(camera.id)).toEqual(expect.arrayContaining(['sos_device.register', 'sos_device.update']));
  });

  it('moves it to the beat of its new place, but not outside the admin’s region or Kazakhstan', async () => {
    const camera = await registerTestDevice(t, admin, ALMATY_POINT, 'camera');
    const beats = async () =>
      (
        await sql<{ device: string; key: string }>`
          select d.beat_id as device, k.beat_id as key
          from sos_devices d join api_keys k on k.id = d.api_key_id where d.id = ${camera.id}`.execute(t.database.db)
      ).rows[0]!;
    const before = await beats();
    const elsewhere = { type: 'Point', coordinates: [76.88, 43.3] };
    const moved = await as(admin, 'PATCH', `/api/v1/admin/sos-devices/${camera.id}`, { location: elsewhere });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().location.coordinates).toEqual(elsewhere.coordinates);
    // The device's key follows it to the new beat.
    const after = await beats();
    expect(after.device).not.toBe(before.device);
    expect(after.key).toBe(after.device);
    const outside = await as(admin, 'PATCH', `/api/v1/admin/sos-devices/${camera.id}`, { location: ASTANA_POINT });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('jurisdiction.outside');
    const abroad = await as(admin, 'PATCH', `/api/v1/admin/sos-devices/${camera.id}`, {
      location: { type: 'Point', coordinates: [2.35, 48.85] },
    });
    expect(abroad.statusCode).toBe(422);
    const unchanged = await as(admin, 'GET', `/api/v1/admin/sos-devices/${camera.id}`);
    expect(unchanged.json().location.coordinates).toEqual(elsewhere.coordinates);
  });

  it('refuses event types for an SOS button and an empty change, in the request’s language', async () => {
    const button = await registerTestDevice(t, admin);
    const types = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/sos-devices/${button.id}?lang=ru`,
      headers: { cookie: admin.cookie },
      payload: { eventTypes: ['fight'] },
    });
    expect(types.statusCode).toBe(400);
    expect(types.headers['content-type']).toMatch(/problem\+json/);
    expect(types.json().title).toBe('Некорректный запрос');
    expect((await as(admin, 'PATCH', `/api/v1/admin/sos-devices/${button.id}`, {})).statusCode).toBe(400);
    expect((await as(admin, 'PATCH', `/api/v1/admin/sos-devices/${button.id}`, { name: '   ' })).statusCode).toBe(400);
  });

  it('lists devices of one kind', async () => {
    const camera = await registerTestDevice(t, admin, ALMATY_POINT, 'camera');
    const button = await registerTestDevice(t, admin);
    const cameras = await as(admin, 'GET', '/api/v1/admin/sos-devices?kind=camera&limit=500');
    const ids = cameras.json().items.map((d: { id: string }) => d.id);
    expect(ids).toContain(camera.id);
    expect(ids).not.toContain(button.id);
  });
});

describe('SOS alerts', () => {
  it('lists a press with its device and place until an operator acknowledges it, once', async () => {
    const device = await registerTestDevice(t, admin);
    const pressed = await press(device);
    const incidentId = pressed.json().incidentId as string;
    const open = await as(operator, 'GET', '/api/v1/sos/alerts?limit=500');
    expect(open.statusCode).toBe(200);
    const alert = open.json().items.find((a: { incidentId: string }) => a.incidentId === incidentId);
    expect(alert).toMatchObject({ device: { id: device.id, location: ALMATY_POINT, regionId: ALMATY }, acknowledgedAt: null });
    const acknowledged = await as(operator, 'POST', `/api/v1/sos/alerts/${incidentId}/acknowledge`);
    expect(acknowledged.statusCode).toBe(200);
    expect(acknowledged.json()).toMatchObject({ incidentId, acknowledgedBy: operator.username });
    const second = await as(operator, 'POST', `/api/v1/sos/alerts/${incidentId}/acknowledge`);
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('sos.alert_acknowledged');
    const after = await as(operator, 'GET', '/api/v1/sos/alerts?limit=500');
    expect(after.json().items.map((a: { incidentId: string }) => a.incidentId)).not.toContain(incidentId);
    const all = await as(operator, 'GET', '/api/v1/sos/alerts?state=all&limit=500');
    expect(all.json().items.map((a: { incidentId: string }) => a.incidentId)).toContain(incidentId);
    expect(await auditActions(incidentId)).toContain('sos_alert.acknowledge');
    const timeline = await t.database.db
      .selectFrom('incident_timeline')
      .select('system_notes')
      .where('incident_id', '=', incidentId)
      .execute();
    expect(timeline.map((e) => e.system_notes)).toContainEqual([{ kind: 'sos_acknowledged', operator: operator.username }]);
  });

  it('hides a press in another region: not listed, and 404 to acknowledge, which changes nothing', async () => {
    const astanaDevice = await registerTestDevice(t, astanaAdmin, ASTANA_POINT);
    const incidentId = (await press(astanaDevice)).json().incidentId as string;
    const list = await as(operator, 'GET', '/api/v1/sos/alerts?state=all&limit=500');
    expect(list.json().items.map((a: { incidentId: string }) => a.incidentId)).not.toContain(incidentId);
    const refused = await as(operator, 'POST', `/api/v1/sos/alerts/${incidentId}/acknowledge`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().code).toBe('sos.alert_not_found');
    const row = await t.database.db
      .selectFrom('sos_alarms')
      .select('acknowledged_at')
      .where('incident_id', '=', incidentId)
      .executeTakeFirstOrThrow();
    expect(row.acknowledged_at).toBeNull();
  });

  it('refuses an admin (not the control centre) and a caller who is not signed in', async () => {
    expect((await as(admin, 'GET', '/api/v1/sos/alerts')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/sos/alerts' })).statusCode).toBe(401);
    expect((await as(operator, 'POST', '/api/v1/sos/alerts/not-a-uuid/acknowledge')).statusCode).toBe(404);
  });
});

describe('device status', () => {
  it('reads silent while its silence alert stands and active after a heartbeat', async () => {
    const device = await registerTestDevice(t, admin);
    now = new Date(now.getTime() + 60 * 60_000);
    await checkSosDevices(t.database.db, now, 15);
    // An hour on, the first admin's session has timed out.
    const later = await createStaff(t, ['admin'], { level: 'region', regionId: ALMATY }, now);
    expect((await as(later, 'GET', `/api/v1/admin/sos-devices/${device.id}`)).json().status).toBe('silent');
    tick();
    const beat = await t.app.inject(signedInject(device, '/api/v1/sos/heartbeats', { battery: 80 }, { at: now }));
    expect(beat.statusCode).toBe(204);
    const view = (await as(later, 'GET', `/api/v1/admin/sos-devices/${device.id}`)).json();
    expect(view).toMatchObject({ status: 'active', battery: 80 });
  });
});
