import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAll } from '../audit/index.js';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { compatibleCategories } from './duplicates.js';
import { advanceIncident } from './lifecycle.js';
import { validReport } from './report-fixtures.js';

let t: TestApp;
let operator: TestStaff;
beforeAll(async () => {
  t = await buildTestApp({ env: { AMAN_RATE_LIMIT_PUBLIC: '1000', AMAN_RATE_LIMIT_TRACKING: '1000' } });
  operator = await createStaff(t, ['operator'], { level: 'region', regionId: '750000000' });
});
afterAll(async () => {
  await t.app.close();
});

// Each test works around its own spot in Almaty, so earlier tests' reports are never near.
let spot = 0;
function place() {
  spot += 1;
  const lon = 76.9 + spot * 0.01;
  const lat = 43.24;
  return { at: (northMetres = 0) => ({ type: 'Point', coordinates: [lon, lat + northMetres / 111_000] }) };
}

async function report(location: unknown, overrides: Record<string, unknown> = {}) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/reports',
    payload: validReport({ location, ...overrides }),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; trackingCode: string };
}

async function duplicatesOf(id: string) {
  const response = await t.app.inject({ url: `/api/v1/incidents/${id}/duplicates`, headers: { cookie: operator.cookie } });
  expect(response.statusCode).toBe(200);
  return (response.json() as { items: { id: string; distanceMetres: number }[] }).items;
}

function merge(source: string, into: string, cookie = operator.cookie) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/incidents/${source}/merge`,
    headers: { cookie },
    payload: { into, reason: 'two callers, one fight' },
  });
}

describe('duplicate reports', () => {
  it('proposes reports close in place and time with a compatible category, nearest first', async () => {
    const here = place();
    const first = await report(here.at());
    const near = await report(here.at(120), { category: 'robbery' });
    const nearer = await report(here.at(40));
    await report(here.at(2_000)); // too far
    await report(here.at(60), { category: 'road-accident' }); // another kind of event
    const earlier = await report(here.at(30), { occurredAt: new Date(Date.now() - 3 * 3_600_000).toISOString() });

    const candidates = await duplicatesOf(first.id);
    expect(candidates.map((c) => c.id)).toEqual([nearer.id, near.id]);
    expect(candidates[0]!.distanceMetres).toBeGreaterThanOrEqual(35);
    expect(candidates[0]!.distanceMetres).toBeLessThanOrEqual(45);
    expect(candidates.map((c) => c.id)).not.toContain(earlier.id);
  });

  it('treats an SOS alarm or a camera alert as compatible with anything, and a road accident not with a theft', () => {
    expect(compatibleCategories('emergency-sos', 'road-accident')).toBe(true);
    expect(compatibleCategories('other-theft', 'camera-alert')).toBe(true);
    expect(compatibleCategories('other-theft', 'road-accident')).toBe(false);
  });

  it('merges on the operator’s word; the merged report’s reporter then follows the incident kept', async () => {
    const here = place();
    const kept = await report(here.at());
    const merged = await report(here.at(50));
    const response = await merge(merged.id, kept.id);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ id: merged.id, status: 'merged', mergedInto: kept.id });
    expect((await duplicatesOf(kept.id)).map((c) => c.id)).not.toContain(merged.id);

    await t.database.db.transaction().execute((trx) =>
      advanceIncident(trx, {
        incidentId: kept.id,
        to: 'dispatched',
        at: new Date(Date.now() + 1000),
        actor: { kind: 'system', id: null },
      }),
    );
    const tracked = await t.app.inject({ url: `/api/v1/reports/${merged.trackingCode}?lang=en` });
    expect(tracked.json()).toMatchObject({ trackingCode: merged.trackingCode, status: 'dispatched' });
    expect(tracked.json().timeline.map((e: { status: string }) => e.status)).toEqual(['new', 'merged', 'dispatched']);
    expect(tracked.body).not.toContain('two callers');

    await sealAll(t.database.db, t.keys.auditKey);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'incident.merge')
      .where('target_id', '=', merged.id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ into: kept.id });
    const event = await t.database.db
      .selectFrom('domain_events')
      .select('payload')
      .where('type', '=', 'incident.merged')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(event.payload).toEqual({ incidentId: merged.id, into: kept.id });
  });

  it('refuses to merge a report into itself, into a merged one, or one already merged, and changes nothing', async () => {
    const here = place();
    const a = await report(here.at());
    const b = await report(here.at(10));
    const c = await report(here.at(20));
    expect((await merge(a.id, a.id)).statusCode).toBe(409);
    expect((await merge(b.id, a.id)).statusCode).toBe(200);
    const intoMerged = await merge(c.id, b.id);
    expect(intoMerged.statusCode).toBe(409);
    expect(intoMerged.json().code).toBe('incident.merge_invalid');
    expect((await merge(b.id, c.id)).statusCode).toBe(409);
    const rows = await t.database.db
      .selectFrom('incidents')
      .select(['id', 'status', 'merged_into'])
      .where('id', 'in', [a.id, b.id, c.id])
      .orderBy('reported_at')
      .execute();
    expect(rows.map((r) => [r.status, r.merged_into])).toEqual([
      ['new', null],
      ['merged', a.id],
      ['new', null],
    ]);
  });

  it('does not let an operator of another region see or merge', async () => {
    const here = place();
    const a = await report(here.at());
    const b = await report(here.at(10));
    const astana = await createStaff(t, ['operator'], { level: 'region', regionId: '710000000' });
    expect((await merge(b.id, a.id, astana.cookie)).statusCode).toBe(404);
    const seen = await t.app.inject({ url: `/api/v1/incidents/${a.id}/duplicates`, headers: { cookie: astana.cookie } });
    expect(seen.statusCode).toBe(404);
  });
});
