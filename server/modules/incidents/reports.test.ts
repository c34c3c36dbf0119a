import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorTitle } from '../../http/errors.js';
import { createFieldCrypto } from '../../secrets/field-crypto.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { intakeCounts, validReport } from './report-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

const post = (payload: unknown, query = '', headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1/reports${query}`, payload: payload as object, headers });

describe('report categories', () => {
  it('lists only what a citizen may report, named in the request language', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/report-categories?lang=ru' });
    expect(response.statusCode).toBe(200);
    const list = response.json() as { code: string; name: string }[];
    expect(list.find((c) => c.code === 'burglary')).toEqual({
      code: 'burglary',
      name: 'Кража с проникновением в жилище или помещение',
    });
    expect(list.map((c) => c.code)).not.toContain('camera-alert');
    const kk = await t.app.inject({ method: 'GET', url: '/api/v1/report-categories', headers: { 'accept-language': 'kk' } });
    expect(kk.json().find((c: { code: string }) => c.code === 'noise').name).toBe('Шу және тыныштықты бұзу');
  });
});

describe('filing a report', () => {
  it('creates a new incident with its timeline, audit entry and outbox event', async () => {
    const response = await post(validReport({ category: 'burglary', occurredAt: '2026-01-02T03:04:05Z' }));
    expect(response.statusCode, response.body).toBe(201);
    const receipt = response.json();
    expect(Object.keys(receipt).sort()).toEqual(['id', 'status', 'trackingCode']);
    expect(receipt.status).toBe('new');
    expect(receipt.trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);

    const incident = await t.database.db
      .selectFrom('incidents')
      .selectAll()
      .where('id', '=', receipt.id)
      .executeTakeFirstOrThrow();
    expect(incident).toMatchObject({
      tracking_code: receipt.trackingCode,
      region_id: '750000000',
      category: 'burglary',
      status: 'new',
      priority: 2,
      source: 'web',
      anonymous: false,
    });
    expect(incident.district_id).not.toBeNull();
    expect(incident.beat_id).not.toBeNull();
    expect(incident.occurred_at.toISOString()).toBe('2026-01-02T03:04:05.000Z');

    const timeline = await t.database.db
      .selectFrom('incident_timeline')
      .selectAll()
      .where('incident_id', '=', receipt.id)
      .execute();
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({
      status: 'new',
      public_text: null,
      internal_note: null,
      system_notes: [{ kind: 'triage', reasons: ['category:burglary:P2'] }],
    });

    const audit = await sql<{ action: string; actor_kind: string }>`
      select action, actor_kind from audit_inbox where target_id = ${receipt.id}
      union all select action, actor_kind from audit_log where target_id = ${receipt.id}`.execute(t.database.db);
    expect(audit.rows).toEqual([{ action: 'incident.report', actor_kind: 'anonymous' }]);

    const events = await sql<{ type: string; region_id: string; payload: Record<string, unknown> }>`
      select type, region_id, payload from domain_events where payload->>'incidentId' = ${receipt.id}`.execute(t.database.db);
    expect(events.rows).toEqual([
      {
        type: 'incident.created',
        region_id: '750000000',
        payload: expect.objectContaining({ incidentId: receipt.id, priority: 2, category: 'burglary' }),
      },
    ]);
  });

  it('makes a report that mentions a child P1', async () => {
    const response = await post(validReport({ category: 'noise', description: 'За стеной всю ночь кричит ребёнок' }));
    const row = await t.database.db
      .selectFrom('incidents')
      .select('priority')
      .where('id', '=', response.json().id)
      .executeTakeFirstOrThrow();
    expect(row.priority).toBe(1);
  });

  it('stores the reporter’s contact encrypted, with a keyed hash of the phone', async () => {
    const reporter = { name: 'Әйгерім Сейітқызы', phone: '+7 701 555-12-34', email: 'aigerim@example.kz' };
    const response = await post(validReport({ reporter }));
    expect(response.statusCode).toBe(201);
    const row = await t.database.db
      .selectFrom('incidents')
      .select(['reporter_name_enc', 'reporter_phone_enc', 'reporter_phone_hash', 'reporter_email_enc'])
      .where('id', '=', response.json().id)
      .executeTakeFirstOrThrow();
    const crypto = createFieldCrypto(t.keys.secretKey);
    for (const [column, plain] of [
      ['reporter_name_enc', reporter.name],
      ['reporter_phone_enc', '+77015551234'],
      ['reporter_email_enc', reporter.email],
    ] as const) {
      const raw = row[column]!;
      expect(raw).toMatch(/^v1\./);
      expect(raw).not.toContain(plain);
      expect(crypto.decrypt(raw)).toBe(plain);
    }
    expect(row.reporter_phone_hash).toBe(crypto.lookupHash('+77015551234'));
  });

  it('files an anonymous report without any contact', async () => {
    const response = await post(validReport({ anonymous: true }));
    expect(response.statusCode).toBe(201);
    const row = await t.database.db
      .selectFrom('incidents')
      .select(['anonymous', 'reporter_name_enc', 'reporter_phone_enc'])
      .where('id', '=', response.json().id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ anonymous: true, reporter_name_enc: null, reporter_phone_enc: null });
  });
});

const BAD: [string, unknown, number, string][] = [
  ['an unknown field', validReport({ priority: 1 }), 400, 'request.invalid'],
  ['an unknown field in reporter', validReport({ reporter: { iin: '000000000000' } }), 400, 'request.invalid'],
  ['a description of the wrong type', validReport({ description: 42 }), 400, 'request.invalid'],
  ['an empty description', validReport({ description: '   ' }), 400, 'request.invalid'],
  ['a description over 4000 characters', validReport({ description: 'а'.repeat(4001) }), 400, 'request.invalid'],
  ['a body over 256 KiB', validReport({ description: 'x'.repeat(300 * 1024) }), 413, 'request.too_large'],
  [
    'a location that is not a Point',
    validReport({
      location: {
        type: 'LineString',
        coordinates: [
          [76, 43],
          [77, 44],
        ],
      },
    }),
    400,
    'request.invalid',
  ],
  ['a location without coordinates', validReport({ location: { type: 'Point', coordinates: [76.9] } }), 400, 'request.invalid'],
  [
    'a location outside Kazakhstan',
    validReport({ location: { type: 'Point', coordinates: [74.59, 42.87] } }),
    422,
    'geo.outside_kazakhstan',
  ],
  [
    'coordinates out of range',
    validReport({ location: { type: 'Point', coordinates: [200, 95] } }),
    400,
    'geo.invalid_coordinates',
  ],
  ['an unknown category', validReport({ category: 'jaywalking' }), 400, 'category.unknown'],
  ['a category citizens cannot report', validReport({ category: 'camera-alert' }), 422, 'category.not_reportable'],
  [
    'an anonymous report with a phone',
    validReport({ anonymous: true, reporter: { phone: '+77015551234' } }),
    400,
    'report.anonymous_with_contact',
  ],
  ['a time in the future', validReport({ occurredAt: '2999-01-01T00:00:00Z' }), 400, 'report.occurred_in_future'],
  ['a time that is not a time', validReport({ occurredAt: 'yesterday' }), 400, 'request.invalid'],
  ['a bad e-mail address', validReport({ reporter: { email: 'not-an-address' } }), 400, 'request.invalid'],
];

describe.each(BAD)('refuses %s', (_name, body, status, code) => {
  it.each(['kk', 'ru', 'en'] as const)('in %s, writing nothing', async (lang) => {
    const before = await intakeCounts(t.database.db);
    const response = await post(body, `?lang=${lang}`, { 'idempotency-key': `bad-${Math.random()}` });
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.json()).toMatchObject({ code, title: errorTitle(code as never, lang) });
    expect(await intakeCounts(t.database.db)).toEqual(before);
  });
});

describe('refuses a body that is not JSON', () => {
  it('answers 415 for form data', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports?lang=en',
      payload: 'category=noise',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.statusCode).toBe(415);
  });
});
