import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { createStaff, type TestApp } from './app.js';

type Probe =
  | { kind: 'item'; inside: InjectOptions; outside: InjectOptions }
  | { kind: 'list'; inside: InjectOptions; outside: InjectOptions; insideId: string; outsideId: string; idField: string };

const HOME_REGION = '750000000'; // Almaty
const OTHER_REGION = '710000000'; // Astana
const POINTS: Record<string, [number, number]> = { [HOME_REGION]: [76.9458, 43.2383], [OTHER_REGION]: [71.4304, 51.1282] };

/** A device registered through the route by an admin of its region. */
async function deviceIn(t: TestApp, regionId: string, kind: 'sos-button' | 'camera' = 'sos-button') {
  const admin = await createStaff(t, ['admin'], { level: 'region', regionId });
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/admin/sos-devices',
    headers: { cookie: admin.cookie },
    payload: { name: 'Stop', location: { type: 'Point', coordinates: POINTS[regionId] }, kind },
  });
  return (response.json() as { device: { id: string } }).device.id;
}

/** An SOS press of a new button in the region, as the alarm route records it: its incident and its alarm row. */
async function alarmIn(t: TestApp, regionId: string): Promise<string> {
  const deviceId = await deviceIn(t, regionId);
  const row = await sql<{ id: string }>`
    with device as (select * from sos_devices where id = ${deviceId}),
    incident as (
      insert into incidents (region_id, district_id, beat_id, h3, location, category, status, priority, source, occurred_at, reported_at)
      select region_id, district_id, beat_id, h3, location, 'emergency-sos', 'new', 1, 'sos', now(), now() from device
      returning id, region_id)
    insert into sos_alarms (device_id, alarm_id, region_id, incident_id, received_at)
    select ${deviceId}, 'probe', region_id, id, now() from incident
    returning incident_id as id`.execute(t.database.db);
  return row.rows[0]!.id;
}

const onDevice = (method: 'PATCH' | 'POST', suffix: string, payload?: Record<string, string>) => (id: string) => ({
  method,
  url: `/api/v1/admin/sos-devices/${id}${suffix}`,
  payload,
});

async function itemProbe(t: TestApp, request: (id: string) => InjectOptions): Promise<Probe> {
  return { kind: 'item', inside: request(await deviceIn(t, HOME_REGION)), outside: request(await deviceIn(t, OTHER_REGION)) };
}

/** Jurisdiction probes of the channel administration and SOS alert routes. */
export const CHANNELS_FIXTURES: Record<string, (t: TestApp) => Promise<Probe>> = {
  'PATCH /api/v1/admin/sos-devices/:id': (t) => itemProbe(t, onDevice('PATCH', '', { name: 'Renamed' })),
  'POST /api/v1/admin/sos-devices/:id/revoke': (t) => itemProbe(t, onDevice('POST', '/revoke')),
  'POST /api/v1/admin/sos-devices/:id/rotate-secret': (t) => itemProbe(t, onDevice('POST', '/rotate-secret')),
  'GET /api/v1/sos/alerts': async (t) => {
    const req = { method: 'GET' as const, url: '/api/v1/sos/alerts?state=all&limit=500' };
    const [insideId, outsideId] = [await alarmIn(t, HOME_REGION), await alarmIn(t, OTHER_REGION)];
    return { kind: 'list', inside: req, outside: req, insideId, outsideId, idField: 'incidentId' };
  },
  'POST /api/v1/sos/alerts/:incidentId/acknowledge': async (t) => ({
    kind: 'item',
    inside: { method: 'POST', url: `/api/v1/sos/alerts/${await alarmIn(t, HOME_REGION)}/acknowledge` },
    outside: { method: 'POST', url: `/api/v1/sos/alerts/${await alarmIn(t, OTHER_REGION)}/acknowledge` },
  }),
};
