import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JURISDICTION_LEVELS, STAFF_ROLES, type JurisdictionLevel } from '../../common/roles.js';
import { firstDistrictAndBeat } from '../modules/geo/index.js';
import { buildTestApp, createStaff, type TestApp } from '../test/app.js';
import { HOME_REGION, JURISDICTION_FIXTURES } from '../test/jurisdiction-fixtures.js';
import type { RouteEntry } from './access.js';

// Built from the running app's route table, so a route added later is tested without anyone
// remembering to: a staff route without a jurisdiction fixture fails here.
let t: TestApp;
const table: RouteEntry[] = await (async () => {
  const app = await buildTestApp();
  const routes = app.routes;
  await app.app.close();
  return routes;
})();

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

const key = (r: RouteEntry) => `${r.method} ${r.url}`;
const concrete = (url: string) => url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000').replace('/*', '/x');
const staffRoutes = table.filter((r) => r.access.kind === 'staff');
const keyRoutes = table.filter((r) => r.access.kind === 'apiKey');

it('has routes to test', () => {
  expect(staffRoutes.length).toBeGreaterThan(5);
});

describe.each(staffRoutes.map((r) => [key(r), r] as const))('%s', (_name, route) => {
  if (route.access.kind !== 'staff') return;
  const { roles, scope } = route.access;

  it('refuses a caller who is not signed in', async () => {
    const response = await t.app.inject({
      method: route.method as 'GET',
      url: concrete(route.url),
      payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
  });

  const otherRoles = STAFF_ROLES.filter((role) => !roles.includes(role));
  // Not registered at all where it cannot apply (a route open to every staff role): a skipped test would read as a gap.
  if (otherRoles.length > 0)
    it('refuses a caller without the role', async () => {
      const staff = await createStaff(t, otherRoles, { level: 'country' });
      const response = await t.app.inject({
        method: route.method as 'GET',
        url: concrete(route.url),
        headers: { cookie: staff.cookie },
        payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('auth.forbidden');
    });

  if (scope === 'self') return;
  const narrower = JURISDICTION_LEVELS.slice(JURISDICTION_LEVELS.indexOf(scope as JurisdictionLevel) + 1);
  if (narrower.length > 0)
    it('refuses a caller whose jurisdiction is narrower than the route needs', async () => {
      const level = narrower[0]!;
      const place = await firstDistrictAndBeat(t.database.db, HOME_REGION);
      const staff = await createStaff(t, [...roles], {
        level,
        regionId: HOME_REGION,
        districtId: place.districtId,
        beatId: level === 'beat' ? place.beatId : null,
      });
      const response = await t.app.inject({
        method: route.method as 'GET',
        url: concrete(route.url),
        headers: { cookie: staff.cookie },
        payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      });
      expect(response.statusCode).toBe(403);
    });

  if (scope === 'country') return;
  it('hides records in another region', async () => {
    const fixture = JURISDICTION_FIXTURES[key(route)];
    expect(fixture, `${key(route)} needs an entry in server/test/jurisdiction-fixtures.ts`).toBeDefined();
    const caller = await createStaff(t, [...roles], { level: 'region', regionId: HOME_REGION });
    const probe = await fixture!(t);
    if (probe.kind === 'custom') return probe.verify(caller.cookie);
    const inside = await t.app.inject({ ...probe.inside, headers: { cookie: caller.cookie } });
    const outside = await t.app.inject({ ...probe.outside, headers: { cookie: caller.cookie } });
    expect(inside.statusCode, inside.body).toBeLessThan(300);
    if (probe.kind === 'item') {
      expect(outside.statusCode).toBe(404);
    } else if (probe.kind === 'create') {
      expect(outside.statusCode).toBe(403);
      expect(outside.json().code).toBe('jurisdiction.outside');
    } else {
      const field = probe.idField ?? 'id';
      const ids = (r: typeof inside) => (r.json().items as Record<string, unknown>[]).map((item) => item[field]);
      expect(ids(inside)).toContain(probe.insideId);
      expect(ids(outside)).not.toContain(probe.outsideId);
    }
  });
});

if (keyRoutes.length > 0)
  describe.each(keyRoutes.map((r) => [key(r), r] as const))('%s', (_name, route) => {
    it('refuses a request without a valid API key', async () => {
      const response = await t.app.inject({
        method: route.method as 'GET',
        url: concrete(route.url),
        headers: { 'x-api-key': 'aman_open311_not-a-real-key' },
      });
      expect(response.statusCode).toBe(401);
    });
  });
