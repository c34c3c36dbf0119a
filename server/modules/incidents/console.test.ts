import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { CONSOLE_POINTS, insertQueuedIncident } from '../../test/console-fixtures.js';
import { orderIn } from '../../test/prevention-fixtures.js';

let t: TestApp;
let operator: TestStaff;
const ALMATY = '750000000';
const ASTANA = '710000000';

beforeAll(async () => {
  t = await buildTestApp();
  operator = await createStaff(t, ['operator'], { level: 'region', regionId: ALMATY });
});
afterAll(async () => {
  await t.app.close();
});

const inject = (staff: TestStaff, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: staff.cookie }, payload });

async function queueIds(staff: TestStaff = operator): Promise<string[]> {
  const response = await inject(staff, 'GET', '/api/v1/incidents/queue?limit=500');
  expect(response.statusCode).toBe(200);
  return (response.json().items as { id: string }[]).map((i) => i.id);
}

describe('GET /api/v1/incidents/queue', () => {
  it('orders open incidents by priority, then the longest waiting first', async () => {
    const base = Date.parse('2000-06-01T00:00:00Z');
    const p2old = await insertQueuedIncident(t, ALMATY, { priority: 2, reportedAt: new Date(base) });
    const p1new = await insertQueuedIncident(t, ALMATY, { priority: 1, reportedAt: new Date(base + 60_000) });
    const p1old = await insertQueuedIncident(t, ALMATY, { priority: 1, reportedAt: new Date(base - 60_000) });
    const ids = (await queueIds()).filter((id) => [p2old, p1new, p1old].includes(id));
    expect(ids).toEqual([p1old, p1new, p2old]);
  });

  it('leaves out historical records and resolved, closed, cancelled and merged incidents', async () => {
    const open = await insertQueuedIncident(t, ALMATY, { status: 'dispatched' });
    const historical = await insertQueuedIncident(t, ALMATY, { source: 'historical', status: 'triaged' });
    const ended = await Promise.all(
      ['resolved', 'closed', 'cancelled', 'merged'].map((status) => insertQueuedIncident(t, ALMATY, { status })),
    );
    const ids = await queueIds();
    expect(ids).toContain(open);
    expect(ids).not.toContain(historical);
    for (const id of ended) expect(ids).not.toContain(id);
  });

  it('pages with a cursor without skipping or repeating', async () => {
    const made = new Set<string>();
    for (let i = 0; i < 5; i++)
      made.add(await insertQueuedIncident(t, ALMATY, { reportedAt: new Date(Date.UTC(1999, 0, 1, 0, i)) }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await inject(operator, 'GET', `/api/v1/incidents/queue?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      const body = response.json() as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
    } while (cursor && seen.filter((id) => made.has(id)).length < made.size);
    expect(seen.filter((id) => made.has(id))).toHaveLength(5);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('refuses a damaged cursor and an officer', async () => {
    expect((await inject(operator, 'GET', '/api/v1/incidents/queue?cursor=bm9wZQ')).statusCode).toBe(400);
    const officer = await createStaff(t, ['officer'], { level: 'region', regionId: ALMATY });
    expect((await inject(officer, 'GET', '/api/v1/incidents/queue')).statusCode).toBe(403);
  });
});

describe('GET /api/v1/incidents/:id/detail', () => {
  it('gives the description, the reporter’s contact and the timeline with internal notes, on the record', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: {
        category: 'noise',
        description: 'Loud music at night',
        location: { type: 'Point', coordinates: CONSOLE_POINTS[ALMATY] },
        reporter: { name: 'Aigerim', phone: '+7 701 000 0000' },
      },
    });
    const { id } = response.json() as { id: string };
    const detail = await inject(operator, 'GET', `/api/v1/incidents/${id}/detail`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      id,
      description: 'Loud music at night',
      source: 'web',
      reporter: { name: 'Aigerim', phone: '+77010000000', email: null },
      timeline: [{ status: 'new', internalNote: null, systemNotes: [{ kind: 'triage', reasons: ['category:noise:P4'] }] }],
    });
    const audit = await sql<{ action: string }>`
      select action from audit_inbox where target_id = ${id} and action = 'incident.read'`.execute(t.database.db);
    expect(audit.rows).toHaveLength(1);
  });

  it('flags a place under an active protection order with a yes or no, naming nobody', async () => {
    const far = await insertQueuedIncident(t, ALMATY, { at: [76.8512, 43.2201] });
    expect((await inject(operator, 'GET', `/api/v1/incidents/${far}/detail`)).json().caution).toBe(false);
    await orderIn(t, ALMATY);
    const near = await insertQueuedIncident(t, ALMATY);
    const detail = await inject(operator, 'GET', `/api/v1/incidents/${near}/detail`);
    expect(detail.json().caution).toBe(true);
    expect(detail.body).not.toContain('Test Victim');
  });

  it('answers 404 for an incident in another region and for one that does not exist', async () => {
    const elsewhere = await insertQueuedIncident(t, ASTANA);
    expect((await inject(operator, 'GET', `/api/v1/incidents/${elsewhere}/detail`)).statusCode).toBe(404);
    expect((await inject(operator, 'GET', '/api/v1/incidents/not-an-id/detail')).statusCode).toBe(404);
  });
});

describe('POST /api/v1/incidents/:id/notes', () => {
  it('adds a staff-only note under the current status and tells the other consoles', async () => {
    const id = await insertQueuedIncident(t, ALMATY, { status: 'triaged' });
    const response = await inject(operator, 'POST', `/api/v1/incidents/${id}/notes`, { text: 'Caller rang again' });
    expect(response.statusCode).toBe(201);
    expect(response.json().timeline).toEqual([
      expect.objectContaining({ status: 'triaged', internalNote: 'Caller rang again', publicText: null }),
    ]);
    const events = await sql<{ type: string }>`
      select type from domain_events where payload->>'incidentId' = ${id}`.execute(t.database.db);
    expect(events.rows.map((e) => e.type)).toEqual(['incident.noted']);
  });

  it('refuses a note on an ended incident, and a blank one, changing nothing', async () => {
    const closed = await insertQueuedIncident(t, ALMATY, { status: 'closed' });
    expect((await inject(operator, 'POST', `/api/v1/incidents/${closed}/notes`, { text: 'late' })).statusCode).toBe(409);
    const open = await insertQueuedIncident(t, ALMATY);
    expect((await inject(operator, 'POST', `/api/v1/incidents/${open}/notes`, { text: '   ' })).statusCode).toBe(400);
    const rows = await t.database.db
      .selectFrom('incident_timeline')
      .select('id')
      .where('incident_id', 'in', [closed, open])
      .execute();
    expect(rows).toEqual([]);
  });
});

describe('POST /api/v1/incidents (call-taker)', () => {
  const call = (overrides: object = {}) => ({
    category: 'domestic-violence',
    description: 'Woman screaming next door',
    location: { type: 'Point', coordinates: CONSOLE_POINTS[ALMATY] },
    caller: { name: 'Nurlan', phone: '+7 (701) 111-22-33' },
    ...overrides,
  });

  it('records a phone call as a geocoded, triaged incident with the caller’s contact encrypted', async () => {
    const response = await inject(operator, 'POST', '/api/v1/incidents', call());
    expect(response.statusCode).toBe(201);
    const receipt = response.json() as { id: string; trackingCode: string; priority: number };
    expect(receipt).toMatchObject({ status: 'new', priority: 1 });
    expect(receipt.trackingCode).toMatch(/^[0-9A-Z]{10}$/);
    const row = await t.database.db
      .selectFrom('incidents')
      .select(['source', 'region_id', 'district_id', 'beat_id', 'h3', 'reporter_name_enc', 'reporter_phone_enc', 'anonymous'])
      .where('id', '=', receipt.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source: 'phone', region_id: ALMATY, anonymous: false });
    expect(row.district_id).toBeTruthy();
    expect(row.beat_id).toBeTruthy();
    expect(row.h3).toBeTruthy();
    expect(row.reporter_name_enc).not.toContain('Nurlan');
    expect(row.reporter_phone_enc).not.toContain('7011112233');
    const detail = await inject(operator, 'GET', `/api/v1/incidents/${receipt.id}/detail`);
    expect(detail.json().reporter).toEqual({ name: 'Nurlan', phone: '+77011112233', email: null });
    const events = await sql<{ type: string; payload: Record<string, unknown> }>`
      select type, payload from domain_events where payload->>'incidentId' = ${receipt.id}`.execute(t.database.db);
    expect(events.rows).toEqual([
      { type: 'incident.created', payload: expect.objectContaining({ source: 'phone', priority: 1 }) },
    ]);
    const audit = await sql<{ action: string }>`
      select action from audit_inbox where target_id = ${receipt.id} and action = 'incident.call'`.execute(t.database.db);
    expect(audit.rows).toHaveLength(1);
  });

  it('lets the operator’s priority override the rules, and notes it on the timeline', async () => {
    const response = await inject(
      operator,
      'POST',
      '/api/v1/incidents',
      call({ category: 'noise', description: 'Party', priority: 2 }),
    );
    expect(response.json().priority).toBe(2);
    const detail = await inject(operator, 'GET', `/api/v1/incidents/${response.json().id}/detail`);
    expect(detail.json().timeline[0].systemNotes).toContainEqual({ kind: 'priority', from: 4, to: 2, by: 'call_taker' });
  });

  it('files a call resent with its Idempotency-Key once, and refuses the key for another call or another operator’s call', async () => {
    const send = (staff: TestStaff, body: object, key: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/incidents?lang=en',
        headers: { cookie: staff.cookie, 'idempotency-key': key },
        payload: body,
      });
    const key = `call-${Math.random()}`;
    const body = call({ category: 'theft-from-the-person', description: 'Bag snatched at the bus stop' });
    const first = await send(operator, body, key);
    const again = await send(operator, body, key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const filed = await t.database.db
      .selectFrom('incidents')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('id', '=', first.json().id)
      .executeTakeFirstOrThrow();
    expect(Number(filed.n)).toBe(1);

    const changed = await send(operator, { ...body, description: 'Another call' }, key);
    expect(changed.statusCode).toBe(422);
    expect(changed.json().code).toBe('idempotency.mismatch');
    // The same key from a colleague is that colleague's own call.
    const colleague = await createStaff(t, ['operator'], { level: 'region', regionId: ALMATY });
    const theirs = await send(colleague, body, key);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(first.json().id);
  });

  it('refuses a point outside Kazakhstan, an unknown category and a malformed phone, creating nothing', async () => {
    const before = await t.database.db
      .selectFrom('incidents')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('source', '=', 'phone')
      .executeTakeFirstOrThrow();
    const outside = await inject(
      operator,
      'POST',
      '/api/v1/incidents?lang=en',
      call({ location: { type: 'Point', coordinates: [2.35, 48.85] } }),
    );
    expect(outside.statusCode).toBe(422);
    expect(outside.json()).toMatchObject({ code: 'geo.outside_kazakhstan' });
    expect(outside.headers['content-type']).toMatch(/problem\+json/);
    expect((await inject(operator, 'POST', '/api/v1/incidents', call({ category: 'alien-landing' }))).statusCode).toBe(400);
    expect((await inject(operator, 'POST', '/api/v1/incidents', call({ caller: { phone: 'call me' } }))).statusCode).toBe(400);
    const after = await t.database.db
      .selectFrom('incidents')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('source', '=', 'phone')
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('refuses a call placed outside the operator’s jurisdiction, and an officer', async () => {
    const outside = await inject(
      operator,
      'POST',
      '/api/v1/incidents',
      call({ location: { type: 'Point', coordinates: CONSOLE_POINTS[ASTANA] } }),
    );
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('jurisdiction.outside');
    const officer = await createStaff(t, ['officer'], { level: 'region', regionId: ALMATY });
    expect((await inject(officer, 'POST', '/api/v1/incidents', call())).statusCode).toBe(403);
  });

  it('refuses a caller who is not signed in', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', payload: call() });
    expect(response.statusCode).toBe(401);
  });
});
