import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import type { TestApp, TestStaff } from '../../test/app.js';
import { signSosRequest } from './sos-signature.js';

// For tests: a point in central Almaty and one in Astana.
export const ALMATY_POINT = { type: 'Point' as const, coordinates: [76.9458, 43.2383] };
export const ASTANA_POINT = { type: 'Point' as const, coordinates: [71.4304, 51.1282] };

export interface TestDevice {
  id: string;
  apiKey: string;
  secret: string;
}

export async function registerTestDevice(
  t: TestApp,
  admin: TestStaff,
  location = ALMATY_POINT,
  kind: 'sos-button' | 'camera' = 'sos-button',
): Promise<TestDevice> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/admin/sos-devices',
    headers: { cookie: admin.cookie },
    payload: { name: `Bus stop ${Math.random().toString(36).slice(2, 8)}`, location, kind },
  });
  if (response.statusCode !== 201) throw new Error(`device registration failed: ${response.body}`);
  const body = response.json();
  return { id: body.device.id, apiKey: body.apiKey, secret: body.secret };
}

/** A request as a device makes it: body, timestamp and signature over both. */
export function signedInject(
  device: TestDevice,
  url: string,
  body: unknown,
  options: { at?: Date; secret?: string; apiKey?: string; remoteAddress?: string } = {},
): InjectOptions {
  const payload = JSON.stringify(body);
  const timestamp = String(Math.floor((options.at ?? new Date()).getTime() / 1000));
  return {
    method: 'POST',
    url,
    payload,
    remoteAddress: options.remoteAddress,
    headers: {
      'content-type': 'application/json',
      'x-api-key': options.apiKey ?? device.apiKey,
      'x-aman-timestamp': timestamp,
      'x-aman-signature': signSosRequest(options.secret ?? device.secret, timestamp, payload),
    },
  };
}

export interface SosCounts {
  incidents: number;
  timeline: number;
  events: number;
  signatures: number;
  alarms: number;
}

/** Row counts of every table an alarm writes, to show that a refusal wrote nothing. */
export async function sosCounts(t: TestApp): Promise<SosCounts> {
  const result = await sql<SosCounts>`
    select
      (select count(*)::int from incidents) as incidents,
      (select count(*)::int from incident_timeline) as timeline,
      (select count(*)::int from domain_events) as events,
      (select count(*)::int from sos_signatures) as signatures,
      (select count(*)::int from sos_alarms) as alarms`.execute(t.database.db);
  return result.rows[0]!;
}
