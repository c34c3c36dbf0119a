import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCrypto } from '../../secrets/field-crypto.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { storeNewIncident } from './intake-batcher.js';
import { intakeCounts, validReport } from './report-fixtures.js';
import type { StoredReport } from './report-statement.js';
import { newTrackingCode } from './tracking-code.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ env: { AMAN_RATE_LIMIT_PUBLIC: '100000' } });
});
afterAll(async () => {
  await t.app.close();
});

const post = (payload: object, key?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/reports?lang=en',
    payload,
    headers: key ? { 'idempotency-key': key } : {},
  });

describe('new incidents under a burst', () => {
  it('files each of 120 simultaneous reports once, with its own timeline entry, audit entry and event', async () => {
    const before = await intakeCounts(t.database.db);
    const bodies = Array.from({ length: 120 }, (_, i) => validReport({ description: `Burst report ${i}` }));
    const answers = await Promise.all(bodies.map((body, i) => post(body, `burst-${i}-${Math.random()}`)));
    expect(answers.map((a) => a.statusCode)).toEqual(bodies.map(() => 201));
    const after = await intakeCounts(t.database.db);
    expect(after.incidents - before.incidents).toBe(120);
    expect(after.events - before.events).toBe(120);
    expect(after.keys - before.keys).toBe(120);

    // Each answer names the incident written from that very report, and its entries name it too.
    const ids = answers.map((a) => a.json().id as string);
    const { rows } = await sql<{ id: string; description_enc: string; timeline: number; audit: number; event: number }>`
      select i.id, i.description_enc,
        (select count(*)::int from incident_timeline t where t.incident_id = i.id) timeline,
        (select count(*)::int from audit_inbox a where a.target_id = i.id::text and a.action = 'incident.report') audit,
        (select count(*)::int from domain_events e where e.payload->>'incidentId' = i.id::text) event
      from incidents i where i.id = any(${ids}::uuid[])`.execute(t.database.db);
    const fieldCrypto = createFieldCrypto(t.keys.secretKey);
    const byId = new Map(
      rows.map(({ description_enc: sealed, ...r }) => [r.id, { ...r, description: fieldCrypto.decrypt(sealed) }]),
    );
    ids.forEach((id, i) => {
      expect(byId.get(id)).toEqual({ id, description: `Burst report ${i}`, timeline: 1, audit: 1, event: 1 });
    });
  });

  it('files a report sent five times at once with one key exactly once, and gives all five its answer', async () => {
    const before = await intakeCounts(t.database.db);
    const key = `same-${Math.random()}`;
    const body = validReport({ description: 'Sent five times by a shaky connection' });
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(body, key)));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    const after = await intakeCounts(t.database.db);
    expect(after.incidents - before.incidents).toBe(1);
  });

  it('lets one failing report in a shared statement fail alone, and files the others', async () => {
    const taken = (await post(validReport({ description: 'Holds its tracking code' }))).json() as {
      id: string;
      trackingCode: string;
    };
    const place = await t.database.db
      .selectFrom('incidents')
      .select(['region_id', 'district_id', 'beat_id', 'h3'])
      .where('id', '=', taken.id)
      .executeTakeFirstOrThrow();
    const others = Array.from({ length: 12 }, (_, i) => storedReport(place, `Shares a statement ${i}`, newTrackingCode()));
    const clash = storedReport(place, 'Draws a tracking code already in use', taken.trackingCode);
    // The first few take the free slots alone; the rest, the clash among them, share a statement.
    const outcomes = await Promise.allSettled([...others, clash].map((r) => storeNewIncident(t.database.db, r)));
    expect(outcomes.slice(0, 12)).toEqual(others.map(() => ({ status: 'fulfilled', value: true })));
    expect(outcomes[12]).toMatchObject({ status: 'rejected', reason: { code: '23505' } });
    const filed = await t.database.db
      .selectFrom('incidents')
      .select('id')
      .where(
        'id',
        'in',
        [...others, clash].map((r) => r.id),
      )
      .execute();
    expect(filed).toHaveLength(12);
  });
});

interface Place {
  region_id: string;
  district_id: string | null;
  beat_id: string | null;
  h3: string | null;
}

/** A report as the filing path stores it, at a known place. */
function storedReport(place: Place, description: string, trackingCode: string): StoredReport {
  const id = crypto.randomUUID();
  const now = new Date();
  return {
    id,
    row: {
      trackingCode,
      regionId: place.region_id,
      districtId: place.district_id!,
      beatId: place.beat_id!,
      h3: place.h3!,
      lon: 76.9458,
      lat: 43.2383,
      category: 'other-theft',
      priority: 3,
      descriptionEnc: createFieldCrypto(t.keys.secretKey).encrypt(description),
      occurredAt: now,
      reportedAt: now,
      anonymous: true,
      source: 'web',
      reporterNameEnc: null,
      reporterPhoneEnc: null,
      reporterPhoneHash: null,
      reporterEmailEnc: null,
    },
    first: { status: 'new', internalNoteEnc: null, systemNotes: [] },
    media: [],
    audit: {
      action: 'incident.report',
      outcome: 'success',
      actor: { kind: 'anonymous', id: null },
      target: { type: 'incident', id },
    },
    event: { type: 'incident.created', regionId: place.region_id, payload: { incidentId: id } },
  };
}
