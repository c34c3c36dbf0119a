import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstDistrictAndBeat } from '../geo/index.js';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { insertLocatedIncident, unitIn } from '../../test/dispatch-fixtures.js';
import { haversineMeters, straightLineEstimator } from './travel-time.js';

let t: TestApp;
let operator: TestStaff;
beforeAll(async () => {
  t = await buildTestApp();
  // Its own region, so units other suites leave behind are not candidates here.
  operator = await createStaff(t, ['operator'], { level: 'region', regionId: KARAGANDA });
});
afterAll(async () => {
  await t.app.close();
});

const KARAGANDA = '350000000';
const INCIDENT: [number, number] = [73.1, 49.8];
const ago = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();

/** A unit of the region whose officer reports a fix `metresEast` of the incident, `age` seconds ago. */
async function unitAt(metresEast: number, age = 5, kind?: 'foot') {
  const place = await firstDistrictAndBeat(t.database.db, KARAGANDA);
  const officer = await createStaff(t, ['officer'], { level: 'district', regionId: KARAGANDA, districtId: place.districtId });
  const unitId = await unitIn(t, KARAGANDA, [officer.id]);
  if (kind) {
    const supervisor = await createStaff(t, ['supervisor'], { level: 'region', regionId: KARAGANDA });
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${unitId}`,
      headers: { cookie: supervisor.cookie },
      payload: { kind },
    });
  }
  const lon = INCIDENT[0] + metresEast / (111_320 * Math.cos((INCIDENT[1] * Math.PI) / 180));
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/units/${unitId}/positions`,
    headers: { cookie: officer.cookie },
    payload: { fixes: [{ at: ago(age), lon, lat: INCIDENT[1] }] },
  });
  expect(response.statusCode).toBe(202);
  return { unitId, officer };
}

describe('recommended units', () => {
  it('ranks available units with fresh positions by travel time, and leaves out stale, busy and panicking ones', async () => {
    const near = await unitAt(800);
    const far = await unitAt(5000);
    const walker = await unitAt(400, 5, 'foot');
    const stale = await unitAt(100, 600);
    const busy = await unitAt(200);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/units/${busy.unitId}/status`,
      headers: { cookie: busy.officer.cookie },
      payload: { status: 'busy' },
    });
    const panicking = await unitAt(300);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/units/${panicking.unitId}/emergency`,
      headers: { cookie: panicking.officer.cookie },
      payload: { active: true },
    });
    const incidentId = await insertLocatedIncident(t, KARAGANDA, INCIDENT);

    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/incidents/${incidentId}/recommended-units?limit=5`,
      headers: { cookie: operator.cookie },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.staleAfterSeconds).toBe(120);
    const ids = body.units.map((u: { unitId: string }) => u.unitId);
    // A car 800 m away arrives before a foot patrol 400 m away, which beats a car 5 km away.
    expect(ids.slice(0, 3)).toEqual([near.unitId, walker.unitId, far.unitId]);
    expect(ids).not.toContain(stale.unitId);
    expect(ids).not.toContain(busy.unitId);
    expect(ids).not.toContain(panicking.unitId);
    const first = body.units[0];
    expect(first.distanceMeters).toBeGreaterThan(780);
    expect(first.distanceMeters).toBeLessThan(820);
    // 800 m × 1.4 at 40 km/h ≈ 101 s.
    expect(first.etaSeconds).toBeGreaterThan(95);
    expect(first.etaSeconds).toBeLessThan(106);
    expect(first.position.stale).toBe(false);
  });

  it('is refused to an officer and hides another region’s incident', async () => {
    const officer = await createStaff(t, ['officer'], { level: 'region', regionId: KARAGANDA });
    const incidentId = await insertLocatedIncident(t, KARAGANDA, INCIDENT);
    const refused = await t.app.inject({
      method: 'GET',
      url: `/api/v1/incidents/${incidentId}/recommended-units`,
      headers: { cookie: officer.cookie },
    });
    expect(refused.statusCode).toBe(403);
    const elsewhere = await insertLocatedIncident(t, '750000000');
    const hidden = await t.app.inject({
      method: 'GET',
      url: `/api/v1/incidents/${elsewhere}/recommended-units`,
      headers: { cookie: operator.cookie },
    });
    expect(hidden.statusCode).toBe(404);
  });
});

describe('straight-line travel time', () => {
  it('is distance × 1.4 at the average speed of the unit’s kind', async () => {
    const to = { lon: 76.9, lat: 43.25 };
    const from = { lon: 76.95, lat: 43.25 };
    const metres = haversineMeters(from, to);
    const [car, foot] = await straightLineEstimator.estimate(to, [
      { ...from, kind: 'patrol_car' },
      { ...from, kind: 'foot' },
    ]);
    expect(car).toBeCloseTo((metres * 1.4) / (40 / 3.6), 6);
    expect(foot! / car!).toBeCloseTo(8, 6);
  });
});
