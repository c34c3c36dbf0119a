import crypto from 'node:crypto';
import fs from 'node:fs';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { almatyPlace, cameraCounts, cameraEvent, north, snapshotWithExif, storedMediaFiles } from './camera-fixtures.js';
import { CAMERA_EVENT_TYPES } from './camera-schema.js';
import { mediaStore } from './media.js';
import { registerTestDevice, signedInject, type TestDevice } from './sos-fixtures.js';
import { triageReport } from './triage.js';

const ALMATY = '750000000';
const CAMERA_EVENTS = '/api/v1/camera-events';
const now = new Date();
let t: TestApp;
let admin: TestStaff;
let operator: TestStaff;
let places = 0;

beforeAll(async () => {
  t = await buildTestApp({ clock: () => now, env: { AMAN_RATE_LIMIT_PUBLIC: '1000' } });
  admin = await createStaff(t, ['admin'], { level: 'region', regionId: ALMATY }, now);
  operator = await createStaff(t, ['operator'], { level: 'region', regionId: ALMATY }, now);
});
afterAll(async () => {
  await t.app.close();
});

/** A camera at a place of its own, far from every other test's incidents. */
async function newCamera() {
  const place = almatyPlace(places++);
  return { place, camera: await registerTestDevice(t, admin, place, 'camera') };
}

// Signed at the fake clock's time, so a slow run never makes a request stale or two alike.
const signed = (d: TestDevice, body: unknown, options: Parameters<typeof signedInject>[3] = {}) =>
  signedInject(d, CAMERA_EVENTS, body, { at: now, ...options });
const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

async function post(camera: TestDevice, body: Record<string, unknown>) {
  const response = await t.app.inject(signed(camera, body));
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { eventId: string; outcome: string; incidentId: string | null };
}

function fileReport(location: unknown, occurredAt = now) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/reports',
    payload: { category: 'other-theft', description: 'Сөмкені тартып алды', location, occurredAt: occurredAt.toISOString() },
  });
}

const storedEvent = (camera: TestDevice, eventId: string) =>
  t.database.db
    .selectFrom('camera_events')
    .selectAll()
    .where('device_id', '=', camera.id)
    .where('event_id', '=', eventId)
    .executeTakeFirstOrThrow();

const eventsOf = async (incidentId: string) =>
  (
    await sql<{ type: string; district_id: string | null; beat_id: string | null; payload: Record<string, unknown> }>`
      select type, district_id, beat_id, payload from domain_events
      where payload->>'incidentId' = ${incidentId} order by id`.execute(t.database.db)
  ).rows;

describe('registering a camera', () => {
  it('goes through the SOS-device registration with kind camera and a device key', async () => {
    const { camera } = await newCamera();
    const view = await t.app.inject({ url: `/api/v1/admin/sos-devices/${camera.id}`, headers: { cookie: admin.cookie } });
    expect(view.json()).toMatchObject({ kind: 'camera', regionId: ALMATY });
    const row = await t.database.db
      .selectFrom('sos_devices')
      .innerJoin('api_keys', 'api_keys.id', 'sos_devices.api_key_id')
      .select(['api_keys.kind as keyKind', 'api_keys.name as keyName'])
      .where('sos_devices.id', '=', camera.id)
      .executeTakeFirstOrThrow();
    expect(row.keyKind).toBe('device');
    expect(row.keyName).toMatch(/^Camera: /);
  });
});

describe('a camera event', () => {
  it('becomes a camera-alert incident at the camera’s place, prioritised by what was seen', async () => {
    const { camera } = await newCamera();
    const before = await cameraCounts(t);
    const event = cameraEvent(now, { eventType: 'weapon', confidence: 0.93 });
    const receipt = await post(camera, event);
    expect(receipt).toMatchObject({ eventId: event.eventId, outcome: 'created' });
    const after = await cameraCounts(t);
    expect(after.incidents - before.incidents).toBe(1);
    expect(after.timeline - before.timeline).toBe(1);
    expect(after.cameraEvents - before.cameraEvents).toBe(1);
    expect(after.events - before.events).toBe(1);

    const device = await t.database.db
      .selectFrom('sos_devices')
      .selectAll()
      .where('id', '=', camera.id)
      .executeTakeFirstOrThrow();
    const incident = await t.database.db
      .selectFrom('incidents')
      .selectAll()
      .where('id', '=', receipt.incidentId!)
      .executeTakeFirstOrThrow();
    expect(incident).toMatchObject({
      category: 'camera-alert',
      source: 'camera',
      priority: 1,
      status: 'new',
      region_id: device.region_id,
      district_id: device.district_id,
      beat_id: device.beat_id,
      h3: device.h3,
    });
    const [created] = await eventsOf(receipt.incidentId!);
    expect(created).toMatchObject({ type: 'incident.created', district_id: device.district_id, beat_id: device.beat_id });
    expect(created!.payload).toMatchObject({ source: 'camera', priority: 1, deviceId: camera.id, eventType: 'weapon' });
    expect(await storedEvent(camera, String(event.eventId))).toMatchObject({
      outcome: 'created',
      incident_id: receipt.incidentId,
      event_type: 'weapon',
      snapshot_sha256: null,
    });
    const audit = await t.database.db
      .selectFrom('audit_inbox')
      .select('action')
      .where('target_id', '=', receipt.incidentId!)
      .unionAll(t.database.db.selectFrom('audit_log').select('action').where('target_id', '=', receipt.incidentId!))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['incident.camera_event']);
  });

  it('of a lesser kind makes a lower-priority incident', async () => {
    const { camera } = await newCamera();
    const receipt = await post(camera, cameraEvent(now, { eventType: 'loitering' }));
    const incident = await t.database.db
      .selectFrom('incidents')
      .select('priority')
      .where('id', '=', receipt.incidentId!)
      .executeTakeFirstOrThrow();
    expect(incident.priority).toBe(4);
  });

  it('joins an open report filed nearby instead of making a second incident', async () => {
    const { place, camera } = await newCamera();
    const report = await fileReport(north(place, 120));
    expect(report.statusCode, report.body).toBe(201);
    const reportId = report.json().id as string;
    const before = await cameraCounts(t);

    const receipt = await post(camera, cameraEvent(now, { eventType: 'fight' }));
    expect(receipt).toMatchObject({ outcome: 'attached', incidentId: reportId });
    const after = await cameraCounts(t);
    expect(after.incidents).toBe(before.incidents);
    expect(after.timeline - before.timeline).toBe(1);
    const timeline = await t.database.db
      .selectFrom('incident_timeline')
      .select(['status', 'system_notes', 'public_text'])
      .where('incident_id', '=', reportId)
      .orderBy('id')
      .execute();
    expect(timeline).toHaveLength(2);
    expect(timeline[1]).toMatchObject({ status: 'new', public_text: null });
    expect(timeline[1]!.system_notes).toEqual([expect.objectContaining({ kind: 'camera', eventType: 'fight' })]);
    const events = await eventsOf(reportId);
    expect(events.map((e) => e.type)).toEqual(['incident.created', 'incident.camera_event']);
    expect(events[1]!.payload).toMatchObject({ deviceId: camera.id, eventType: 'fight', priority: 1 });
    // The reporter never sees the camera.
    const tracked = await t.app.inject({ url: `/api/v1/reports/${report.json().trackingCode}` });
    expect(tracked.body).not.toContain('fight');
  });

  it('leaves a report farther than the duplicate radius, or older than its window, alone', async () => {
    const far = await newCamera();
    expect((await fileReport(north(far.place, 450))).statusCode).toBe(201);
    expect((await post(far.camera, cameraEvent(now))).outcome).toBe('created');

    const late = await newCamera();
    expect((await fileReport(late.place, new Date(now.getTime() - 70 * 60_000))).statusCode).toBe(201);
    expect((await post(late.camera, cameraEvent(now))).outcome).toBe('created');
  });

  it('joins the incident its own camera made a moment ago', async () => {
    const { camera } = await newCamera();
    const first = await post(camera, cameraEvent(now));
    const second = await post(camera, cameraEvent(now, { eventType: 'person_down' }));
    expect(second).toMatchObject({ outcome: 'attached', incidentId: first.incidentId });
  });

  it('below the confidence threshold is recorded and makes no incident, and keeps no snapshot', async () => {
    const { camera } = await newCamera();
    const files = storedMediaFiles(t).length;
    const before = await cameraCounts(t);
    const event = cameraEvent(now, { confidence: 0.59, snapshot: (await snapshotWithExif(99)).toString('base64') });
    expect(await post(camera, event)).toEqual({ eventId: event.eventId, outcome: 'below_threshold', incidentId: null });
    const after = await cameraCounts(t);
    expect({ ...after, cameraEvents: after.cameraEvents - 1, signatures: after.signatures - 1 }).toEqual(before);
    expect(storedMediaFiles(t)).toHaveLength(files);
    expect(await storedEvent(camera, String(event.eventId))).toMatchObject({ outcome: 'below_threshold', incident_id: null });

    // The threshold itself is sure enough.
    expect((await post(camera, cameraEvent(now, { confidence: 0.6 }))).outcome).toBe('created');
  });

  it('resent with its eventId answers the first outcome and creates nothing', async () => {
    const { camera } = await newCamera();
    const event = cameraEvent(now);
    const first = await post(camera, event);
    const before = await cameraCounts(t);
    // A new request (new timestamp, new signature) carrying the same event.
    const again = await t.app.inject(signed(camera, event, { at: new Date(now.getTime() + 1000) }));
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first);
    const after = await cameraCounts(t);
    expect({ ...after, signatures: after.signatures - 1 }).toEqual(before);
  });
});

describe('refusals', () => {
  let camera: TestDevice;
  beforeAll(async () => {
    camera = (await newCamera()).camera;
  });

  const refusals: [string, () => Promise<InjectOptions>, number, string][] = [
    ['a wrong signature', async () => signed(camera, cameraEvent(now), { secret: 'AAAA' }), 401, 'sos.signature_invalid'],
    [
      'a stale timestamp',
      async () => signed(camera, cameraEvent(now), { at: new Date(now.getTime() - 61_000) }),
      401,
      'sos.stale',
    ],
    [
      'an SOS button’s key',
      async () => {
        const button = await registerTestDevice(t, admin, almatyPlace(places++));
        return signed(button, cameraEvent(now));
      },
      403,
      'sos.device_wrong_kind',
    ],
    [
      'a snapshot that is not an image',
      async () => signed(camera, cameraEvent(now, { snapshot: Buffer.from('<html>not a frame</html>').toString('base64') })),
      415,
      'camera.snapshot_invalid',
    ],
    [
      'a JPEG snapshot cut short',
      async () => {
        const frame = await snapshotWithExif(77);
        return signed(camera, cameraEvent(now, { snapshot: frame.subarray(0, frame.length >> 1).toString('base64') }));
      },
      415,
      'camera.snapshot_invalid',
    ],
    [
      'a snapshot of a kind a camera does not send',
      async () => {
        const webp = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
          .webp()
          .toBuffer();
        return signed(camera, cameraEvent(now, { snapshot: webp.toString('base64') }));
      },
      415,
      'camera.snapshot_invalid',
    ],
  ];

  it.each(refusals)('refuses %s and stores nothing', async (_name, request, status, code) => {
    const options = await request();
    const files = storedMediaFiles(t).length;
    const before = await cameraCounts(t);
    const response = await t.app.inject(options);
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json().code).toBe(code);
    expect(await cameraCounts(t)).toEqual(before);
    expect(storedMediaFiles(t)).toHaveLength(files);
  });

  it('refuses a valid snapshot with a bad signature and keeps no file of it', async () => {
    const frame = await snapshotWithExif(123);
    const response = await t.app.inject(
      signed(camera, cameraEvent(now, { snapshot: frame.toString('base64') }), { secret: 'AAAA' }),
    );
    expect(response.statusCode).toBe(401);
    expect(fs.existsSync(mediaStore(`${t.config.dataDir}/media`).originalPath(sha256(frame)))).toBe(false);
  });

  it('refuses an SOS alarm from a camera', async () => {
    const response = await t.app.inject(signedInject(camera, '/api/v1/sos/alarms', { alarmId: 'from-a-camera' }, { at: now }));
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('sos.device_wrong_kind');
  });

  it('accepts a camera’s heartbeat', async () => {
    const response = await t.app.inject(signedInject(camera, '/api/v1/sos/heartbeats', {}, { at: now }));
    expect(response.statusCode).toBe(204);
  });
});

describe('a snapshot', () => {
  it('is kept unaltered under its SHA-256 on the incident, with a public copy without EXIF', async () => {
    const { camera } = await newCamera();
    const frame = await snapshotWithExif();
    expect((await sharp(frame).metadata()).exif).toBeDefined();
    const event = cameraEvent(now, { snapshot: frame.toString('base64') });
    const receipt = await post(camera, event);
    expect((await storedEvent(camera, String(event.eventId))).snapshot_sha256).toBe(sha256(frame));

    const headers = { cookie: operator.cookie };
    const list = await t.app.inject({ url: `/api/v1/incidents/${receipt.incidentId}/media`, headers });
    expect(list.json()).toMatchObject({
      items: [{ sha256: sha256(frame), mediaType: 'image/jpeg', kind: 'photo', sizeBytes: frame.length, publicCopy: true }],
    });
    const original = await t.app.inject({ url: `/api/v1/incidents/${receipt.incidentId}/media/${sha256(frame)}`, headers });
    expect(original.rawPayload.equals(frame)).toBe(true);
    const copy = await t.app.inject({
      url: `/api/v1/incidents/${receipt.incidentId}/media/${sha256(frame)}?copy=public`,
      headers,
    });
    const meta = await sharp(copy.rawPayload).metadata();
    expect(meta.exif).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([64, 48]);
  });

  it('of an event that joins an incident is added to that incident', async () => {
    const { place, camera } = await newCamera();
    const report = await fileReport(north(place, 50));
    const frame = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#0a0' } })
      .png()
      .toBuffer();
    const receipt = await post(camera, cameraEvent(now, { snapshot: frame.toString('base64') }));
    expect(receipt.incidentId).toBe(report.json().id);
    const rows = await t.database.db
      .selectFrom('incident_media')
      .selectAll()
      .where('incident_id', '=', report.json().id)
      .execute();
    expect(rows).toMatchObject([{ sha256: sha256(frame), media_type: 'image/png' }]);
  });

  it('larger than 2 MiB is refused', async () => {
    const { camera } = await newCamera();
    const huge = Buffer.alloc(2 * 1024 * 1024 + 3, 1).toString('base64');
    const response = await t.app.inject(signed(camera, cameraEvent(now, { snapshot: huge })));
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('request.invalid');
  });
});

describe('camera triage and settings', () => {
  it.each(['weapon', 'fight', 'person_down', 'fire_smoke'] as const)('makes %s a P1', (eventType) => {
    expect(
      triageReport({ category: 'camera-alert', description: eventType, source: 'camera', cameraEvent: eventType }).priority,
    ).toBe(1);
  });

  it('gives every other event type a lower priority', () => {
    const others = CAMERA_EVENT_TYPES.filter((e) => !['weapon', 'fight', 'person_down', 'fire_smoke'].includes(e));
    for (const eventType of others) {
      expect(
        triageReport({ category: 'camera-alert', description: eventType, source: 'camera', cameraEvent: eventType }).priority,
      ).toBeGreaterThan(1);
    }
  });

  it('reads AMAN_CAMERA_MIN_CONFIDENCE as a fraction, 0.6 by default', () => {
    expect(loadConfig({}).cameraMinConfidence).toBe(0.6);
    expect(loadConfig({ AMAN_CAMERA_MIN_CONFIDENCE: '0.85' }).cameraMinConfidence).toBe(0.85);
    expect(() => loadConfig({ AMAN_CAMERA_MIN_CONFIDENCE: '85' })).toThrow(ConfigError);
    expect(() => loadConfig({ AMAN_CAMERA_MIN_CONFIDENCE: 'high' })).toThrow(ConfigError);
  });
});
