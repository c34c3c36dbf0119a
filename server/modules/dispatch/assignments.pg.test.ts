import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../db/connection.js';
import { buildTestApp, createStaff, type TestApp } from '../../test/app.js';
import { freshTestDatabase } from '../../test/database.js';
import { insertLocatedIncident, unitIn } from '../../test/dispatch-fixtures.js';

// With a pool, assignments overlap for real; only the partial unique index on active
// assignments keeps one unit from being sent to two incidents at once.
let database: Database;
let t: TestApp;
beforeAll(async () => {
  database = await freshTestDatabase({ poolSize: 20 });
  t = await buildTestApp({ database });
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

it('sends a unit to exactly one of 10 incidents assigned in parallel; the others hear a 409 problem', async () => {
  const operators = await Promise.all(
    Array.from({ length: 10 }, () => createStaff(t, ['operator'], { level: 'region', regionId: '750000000' })),
  );
  const unitId = await unitIn(t, '750000000');
  const incidents: string[] = [];
  for (let i = 0; i < 10; i++) incidents.push(await insertLocatedIncident(t, '750000000'));

  const responses = await Promise.all(
    incidents.map((incidentId, i) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/incidents/${incidentId}/assignments`,
        headers: { cookie: operators[i]!.cookie },
        payload: { unitId },
      }),
    ),
  );

  expect(responses.map((r) => r.statusCode).sort()).toEqual([201, ...Array(9).fill(409)]);
  for (const refused of responses.filter((r) => r.statusCode === 409)) {
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(refused.json().code).toBe('dispatch.unit_busy');
  }
  const active = await database.db
    .selectFrom('unit_assignments')
    .select('incident_id')
    .where('unit_id', '=', unitId)
    .where('ended_at', 'is', null)
    .execute();
  expect(active).toHaveLength(1);
  const winner = responses.findIndex((r) => r.statusCode === 201);
  expect(active[0]!.incident_id).toBe(incidents[winner]);
  const statuses = await database.db.selectFrom('incidents').select(['id', 'status']).where('id', 'in', incidents).execute();
  expect(statuses.filter((s) => s.status === 'dispatched').map((s) => s.id)).toEqual([incidents[winner]]);
  const unit = await database.db.selectFrom('units').select('status').where('id', '=', unitId).executeTakeFirstOrThrow();
  expect(unit.status).toBe('dispatched');
});
