import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { canonicalJson } from '../../../common/canonical-json.js';
import { pruneIdempotencyKeys, requestHash } from './idempotency.js';
import { intakeCounts, validReport } from './report-fixtures.js';
import { REPORT_SCOPE } from './reports.js';

let t: TestApp;
beforeAll(async () => {
  // A low limit, so that a replay counted against it would show.
  t = await buildTestApp({ env: { AMAN_RATE_LIMIT_PUBLIC: '3' } });
});
afterAll(async () => {
  await t.app.close();
});

let address = 0;
// Each request from its own address, so only the rate-limit test meets the low limit.
const post = (payload: unknown, key: string, lang = 'en') =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/reports?lang=${lang}`,
    payload: payload as object,
    headers: { 'idempotency-key': key },
    remoteAddress: `10.0.${Math.floor(++address / 250)}.${(address % 250) + 1}`,
  });
const newKey = () => `key-${Math.random().toString(36).slice(2)}`;

describe('canonical JSON', () => {
  it('ignores the order of keys at every depth but not of array items', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
    expect(requestHash({ a: 1, b: 2 })).toBe(requestHash({ b: 2, a: 1 }));
    expect(requestHash({ a: [1, 2] })).not.toBe(requestHash({ a: [2, 1] }));
  });
});

describe('Idempotency-Key', () => {
  it('answers a retry with the first status and body, and makes one incident', async () => {
    const key = newKey();
    const body = validReport();
    const before = await intakeCounts(t.database.db);
    const first = await post(body, key);
    const second = await post(body, key);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    const after = await intakeCounts(t.database.db);
    expect(after.incidents - before.incidents).toBe(1);
    expect(after.events - before.events).toBe(1);
    expect(after.keys - before.keys).toBe(1);
  });

  it('takes the same fields in another order for the same body', async () => {
    const key = newKey();
    const body = validReport({ reporter: { name: 'Асқар', phone: '+77015550000' } });
    const first = await post(body, key);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    (reordered as { reporter: object }).reporter = { phone: '+77015550000', name: 'Асқар' };
    const second = await post(reordered, key);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
  });

  it('refuses the same key with another body, in the request language', async () => {
    const key = newKey();
    expect((await post(validReport(), key)).statusCode).toBe(201);
    const before = await intakeCounts(t.database.db);
    const other = await post(validReport(), key, 'kk');
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({
      code: 'idempotency.mismatch',
      title: 'Бұл Idempotency-Key кілті басқа сұрауға қолданылған',
    });
    expect(await intakeCounts(t.database.db)).toEqual(before);
  });

  it('answers 409 while the first request with the key is still in flight', async () => {
    const key = newKey();
    const body = validReport();
    await t.database.db
      .insertInto('idempotency_keys')
      .values({
        scope: REPORT_SCOPE,
        key,
        request_hash: requestHash(body),
        status: 'in_flight',
        response_status: null,
        response_body: null,
      })
      .execute();
    const before = await intakeCounts(t.database.db);
    const response = await post(body, key, 'ru');
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('idempotency.in_flight');
    expect(await intakeCounts(t.database.db)).toEqual(before);
  });

  it('does not spend a key on a refused request', async () => {
    const key = newKey();
    const outside = await post(validReport({ location: { type: 'Point', coordinates: [37.6, 55.75] } }), key);
    expect(outside.statusCode).toBe(422);
    expect((await post(validReport(), key)).statusCode).toBe(201);
  });
});

describe('rate limits and replays', () => {
  it('does not count a replay against the limit, but counts new reports', async () => {
    const address = '10.9.9.9';
    const send = (payload: unknown, key: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        payload: payload as object,
        headers: { 'idempotency-key': key },
        remoteAddress: address,
      });
    const key = newKey();
    const body = validReport();
    expect((await send(body, key)).statusCode).toBe(201);
    for (let i = 0; i < 5; i++) expect((await send(body, key)).statusCode).toBe(201);
    expect((await send(validReport(), newKey())).statusCode).toBe(201);
    expect((await send(validReport(), newKey())).statusCode).toBe(201);
    const limited = await send(validReport(), newKey());
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('request.rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Over the limit, a replay is still answered; a report without a key is not.
    expect((await send(body, key)).statusCode).toBe(201);
    const unkeyed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: validReport(),
      remoteAddress: address,
    });
    expect(unkeyed.statusCode).toBe(429);
  });

  it('lets no more than the limit through when many new reports arrive at once', async () => {
    const before = await intakeCounts(t.database.db);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/reports',
          payload: validReport(),
          headers: { 'idempotency-key': newKey() },
          remoteAddress: '10.9.9.10',
        }),
      ),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([201, 201, 201, 429, 429, 429, 429, 429]);
    expect((await intakeCounts(t.database.db)).incidents).toBe(before.incidents + 3);
  });
});

describe('rate limits and clients that go away', () => {
  // Sends a whole report over a real socket and hangs up without reading the answer, as a phone
  // does that loses its signal.
  const hangUp = (port: number) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify(validReport());
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end(
          `POST /api/v1/reports HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n` +
            `idempotency-key: ${newKey()}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        );
        socket.destroy();
        resolve();
      });
      socket.on('error', reject);
    });

  it('lets a report whose client hung up count once, and hold no place afterwards', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as net.AddressInfo;
    const before = (await intakeCounts(t.database.db)).incidents;
    await hangUp(port);
    await hangUp(port);
    // Each is filed or not, depending on how far it got; wait until both are settled.
    let filed = -1;
    for (let settled = 0; settled < 10;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = (await intakeCounts(t.database.db)).incidents - before;
      settled = now === filed ? settled + 1 : 0;
      filed = now;
    }
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const answer = await fetch(`http://127.0.0.1:${port}/api/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': newKey() },
        body: JSON.stringify(validReport()),
      });
      statuses.push(answer.status);
    }
    // A limit of 3 a minute: what the hung-up reports filed is counted, and nothing more is held.
    expect(statuses).toEqual([...Array(3 - filed).fill(201), ...Array(1 + filed).fill(429)]);
  });
});

describe('pruning', () => {
  it('forgets answered keys after a day, and keeps newer ones and those still in flight', async () => {
    const old = newKey();
    const fresh = newKey();
    const stuck = newKey();
    expect((await post(validReport(), old)).statusCode).toBe(201);
    expect((await post(validReport(), fresh)).statusCode).toBe(201);
    await t.database.db
      .insertInto('idempotency_keys')
      .values({
        scope: REPORT_SCOPE,
        key: stuck,
        request_hash: 'x',
        status: 'in_flight',
        response_status: null,
        response_body: null,
      })
      .execute();
    const dayAgo = new Date(Date.now() - 25 * 3_600_000);
    await t.database.db.updateTable('idempotency_keys').set({ created_at: dayAgo }).where('key', 'in', [old, stuck]).execute();

    await pruneIdempotencyKeys(t.database.db, new Date());
    const left = await t.database.db
      .selectFrom('idempotency_keys')
      .select('key')
      .where('key', 'in', [old, fresh, stuck])
      .execute();
    expect(left.map((r) => r.key).sort()).toEqual([fresh, stuck].sort());
  });
});
