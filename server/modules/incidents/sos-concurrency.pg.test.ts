import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../db/connection.js';
import { buildTestApp, createStaff, type TestApp } from '../../test/app.js';
import { freshTestDatabase } from '../../test/database.js';
import { registerTestDevice, signedInject, sosCounts, type TestDevice } from './sos-fixtures.js';

// With a pool, parallel requests overlap; only the primary keys of sos_signatures and
// sos_alarms keep a replayed or resent alarm from making a second incident.
let database: Database;
let t: TestApp;
let device: TestDevice;
beforeAll(async () => {
  database = await freshTestDatabase({ poolSize: 20 });
  t = await buildTestApp({ database });
  device = await registerTestDevice(t, await createStaff(t, ['admin'], { level: 'country' }));
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

it('accepts one of 10 parallel copies of a signed alarm and refuses the rest as replays', async () => {
  const options = signedInject(device, '/api/v1/sos/alarms', { alarmId: 'parallel-replay' });
  const before = await sosCounts(t);
  const responses = await Promise.all(Array.from({ length: 10 }, () => t.app.inject(options)));
  expect(responses.map((r) => r.statusCode).sort()).toEqual([201, ...Array(9).fill(409)]);
  const after = await sosCounts(t);
  expect(after.incidents - before.incidents).toBe(1);
  expect(after.events - before.events).toBe(1);
});

it('makes one incident from 10 parallel resends of one alarm, each signed anew', async () => {
  const before = await sosCounts(t);
  const responses = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      t.app.inject(
        signedInject(device, '/api/v1/sos/alarms', { alarmId: 'parallel-resend' }, { at: new Date(Date.now() - i * 1000) }),
      ),
    ),
  );
  expect(responses.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
  expect(new Set(responses.map((r) => r.json().incidentId)).size).toBe(1);
  const after = await sosCounts(t);
  expect(after.incidents - before.incidents).toBe(1);
  expect(after.timeline - before.timeline).toBe(1);
  expect(after.events - before.events).toBe(1);
});
