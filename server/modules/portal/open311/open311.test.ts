import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryByCode } from '../../../../common/categories.js';
import { createFieldCrypto } from '../../../secrets/field-crypto.js';
import { buildTestApp, createStaff, type TestApp } from '../../../test/app.js';
import { createApiKey } from '../../identity/index.js';
import { OPEN311_SERVICES } from './services.js';

let t: TestApp;
let key: string;
beforeAll(async () => {
  t = await buildTestApp();
  key = (await createApiKey(t.database.db, { kind: 'open311', name: 'test client', createdBy: null })).key;
});
afterAll(async () => {
  await t.app.close();
});

const ALMATY = { lat: '43.2383', long: '76.9458' };
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (fields: Record<string, string>, format = 'json', headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}`,
    payload: form(fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });
const get = (url: string) => t.app.inject({ method: 'GET', url: `/open311/v2/${url}` });
const noiseRequest = (extra: Record<string, string> = {}) => ({
  api_key: key,
  service_code: 'noise',
  'attribute[noise_source]': 'music',
  description: `Loud music after midnight ${Math.random()}`,
  ...ALMATY,
  ...extra,
});
const xml = new XMLParser({ isArray: (name) => ['service', 'request', 'error', 'attribute', 'value'].includes(name) });

async function file(extra: Record<string, string> = {}): Promise<string> {
  const response = await post(noiseRequest(extra));
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { service_request_id: string }[])[0]!.service_request_id;
}

async function rowCounts() {
  const { rows } = await sql<{ incidents: number; requests: number }>`
    select (select count(*)::int from incidents) incidents, (select count(*)::int from open311_requests) requests`.execute(
    t.database.db,
  );
  return rows[0]!;
}

describe('services', () => {
  it('offers only non-emergency, non-sensitive categories the catalogue opens to Open311', () => {
    for (const service of OPEN311_SERVICES) {
      const category = categoryByCode(service.category);
      expect(category.open311, service.code).toBe(true);
      expect(category.sensitive, service.code).toBe(false);
      expect(category.group, service.code).not.toBe('emergency');
    }
  });

  it('lists the services in JSON with every field the spec names', async () => {
    const response = await get('services.json?lang=en');
    expect(response.statusCode).toBe(200);
    const services = response.json() as Record<string, unknown>[];
    expect(services.map((s) => s.service_code)).toEqual(OPEN311_SERVICES.map((s) => s.code));
    expect(services.find((s) => s.service_code === 'noise')).toEqual({
      service_code: 'noise',
      service_name: 'Noise',
      description: 'Noise at night, loud music, building work at forbidden hours.',
      metadata: true,
      type: 'realtime',
      keywords: 'noise, music, party, шум, шу',
      group: 'public order',
    });
    expect(services.find((s) => s.service_code === 'street-lighting')?.metadata).toBe(false);
  });

  it('lists the services in well-formed XML shaped as the spec’s example', async () => {
    const response = await get('services.xml?lang=ru');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/xml/);
    expect(response.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(XMLValidator.validate(response.body)).toBe(true);
    const services = xml.parse(response.body).services.service as Record<string, unknown>[];
    expect(services).toHaveLength(OPEN311_SERVICES.length);
    expect(services[0]).toMatchObject({
      service_code: 'noise',
      service_name: 'Шум и нарушение тишины',
      metadata: true,
      type: 'realtime',
    });
  });

  it('defines a service’s attributes in JSON and XML', async () => {
    const json = (await get('services/noise.json?lang=en')).json();
    expect(json.service_code).toBe('noise');
    expect(json.attributes[0]).toMatchObject({
      variable: true,
      code: 'noise_source',
      datatype: 'singlevaluelist',
      required: true,
      order: 1,
      description: 'What is making the noise?',
    });
    expect(json.attributes[0].values[0]).toEqual({ key: 'music', name: 'Music or a party' });
    const response = await get('services/noise.xml?lang=kk');
    expect(XMLValidator.validate(response.body)).toBe(true);
    const definition = xml.parse(response.body).service_definition;
    expect(definition.service_code).toBe('noise');
    expect(definition.attributes.attribute[0].values.value[0]).toEqual({ key: 'music', name: 'Музыка немесе той' });
  });

  it('answers 404 in the spec’s shape for an unknown service, in JSON and XML', async () => {
    const response = await get('services/parking.json');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual([{ code: 404, description: expect.stringContaining('parking') }]);
    const asXml = await get('services/parking.xml');
    expect(asXml.statusCode).toBe(404);
    expect(XMLValidator.validate(asXml.body)).toBe(true);
    expect(xml.parse(asXml.body).errors.error[0].code).toBe(404);
  });

  it('answers 404 in the spec’s shape for a path the spec does not have', async () => {
    const response = await get('nothing-here.json');
    expect(response.statusCode).toBe(404);
    expect(response.json()[0].code).toBe(404);
  });
});

describe('filing a request', () => {
  it('creates an incident on the open311 channel that appears in the operators’ queue', async () => {
    const description = `Music until 3 am ${Math.random()}`;
    const response = await post(noiseRequest({ description }), 'json', { 'accept-language': 'en' });
    expect(response.statusCode, response.body).toBe(201);
    const [created] = response.json() as Record<string, unknown>[];
    expect(Object.keys(created!).sort()).toEqual(['account_id', 'service_notice', 'service_request_id']);
    expect(created!.service_notice).toMatch(/Tracking code: [0-9A-Z]{10}/);
    expect(created!.account_id).toBeNull();

    const incident = await t.database.db
      .selectFrom('incidents')
      .selectAll()
      .where('id', '=', created!.service_request_id as string)
      .executeTakeFirstOrThrow();
    expect(incident).toMatchObject({
      source: 'open311',
      category: 'noise',
      status: 'new',
      region_id: '750000000',
      anonymous: true,
    });
    const operatorText = createFieldCrypto(t.keys.secretKey).decrypt(incident.description_enc!);
    expect(operatorText).toContain(description);
    expect(operatorText).toContain('noise_source: music');

    const operator = await createStaff(t, ['operator'], {
      level: 'beat',
      regionId: incident.region_id,
      districtId: incident.district_id,
      beatId: incident.beat_id,
    });
    const queue = await t.app.inject({
      method: 'GET',
      url: '/api/v1/incidents/queue?limit=500',
      headers: { cookie: operator.cookie },
    });
    expect(queue.statusCode).toBe(200);
    const item = (queue.json().items as { id: string; source: string }[]).find((i) => i.id === incident.id);
    expect(item?.source).toBe('open311');
  });

  it('encrypts the contact fields and never answers them on a public read', async () => {
    const contact = { email: 'aigerim@example.kz', first_name: 'Айгерім', last_name: 'Сейітова', phone: '+7 701 555 12 34' };
    const id = await file(contact);
    const row = await t.database.db
      .selectFrom('incidents')
      .select(['reporter_name_enc', 'reporter_email_enc', 'reporter_phone_enc', 'anonymous'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const crypto = createFieldCrypto(t.keys.secretKey);
    expect(row.anonymous).toBe(false);
    expect(row.reporter_email_enc).not.toContain('aigerim');
    expect(crypto.decrypt(row.reporter_email_enc!)).toBe(contact.email);
    expect(crypto.decrypt(row.reporter_name_enc!)).toBe('Айгерім Сейітова');
    expect(crypto.decrypt(row.reporter_phone_enc!)).toBe('+77015551234');

    for (const url of [
      `requests/${id}.json`,
      `requests/${id}.xml`,
      'requests.json',
      'requests.xml',
      `requests.json?service_request_id=${id}`,
    ]) {
      const body = (await get(url)).body;
      expect(body, url).toContain(id);
      for (const value of ['aigerim', 'Айгерім', 'Сейітова', '701 555', '7015551234', 'email', 'first_name', 'phone'])
        expect(body, url).not.toContain(value);
    }
  });

  it('answers the POST in XML as the spec’s example', async () => {
    const response = await post(noiseRequest(), 'xml');
    expect(response.statusCode).toBe(201);
    expect(XMLValidator.validate(response.body)).toBe(true);
    const [request] = xml.parse(response.body).service_requests.request;
    expect(request.service_request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(request).toHaveProperty('account_id');
  });

  it('places a request given only an address_string', async () => {
    const response = await post({
      api_key: key,
      service_code: 'street-lighting',
      address_string: 'Алматы',
      description: 'Dark street',
    });
    expect(response.statusCode, response.body).toBe(201);
    const id = response.json()[0].service_request_id as string;
    const incident = await t.database.db
      .selectFrom('incidents')
      .select(['region_id', 'description_enc'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(incident.region_id).toBe('750000000');
    expect(createFieldCrypto(t.keys.secretKey).decrypt(incident.description_enc!)).toContain('address_string: Алматы');
  });

  it('answers a retry with the same Idempotency-Key and form as the first time, filing nothing twice', async () => {
    const fields = noiseRequest();
    const idempotencyKey = `retry-${Math.random()}`;
    const first = await post(fields, 'json', { 'idempotency-key': idempotencyKey });
    expect(first.statusCode, first.body).toBe(201);
    const before = await rowCounts();

    // The retry may name its key as X-Api-Key instead: the same request.
    const { api_key: apiKey, ...withoutKey } = fields;
    const again = await post(withoutKey, 'json', { 'idempotency-key': idempotencyKey, 'x-api-key': apiKey });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()[0].service_request_id).toBe(first.json()[0].service_request_id);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    const other = await post({ ...fields, description: 'Another complaint entirely' }, 'json', {
      'idempotency-key': idempotencyKey,
      'accept-language': 'en',
    });
    expect(other.statusCode).toBe(422);
    expect(other.json()).toEqual([{ code: 422, description: expect.stringContaining('Idempotency-Key') }]);
    expect(await rowCounts()).toEqual(before);

    // Another client's equal key is its own.
    const otherClient = (await createApiKey(t.database.db, { kind: 'open311', name: 'second client', createdBy: null })).key;
    const theirs = await post({ ...fields, api_key: otherClient }, 'json', { 'idempotency-key': idempotencyKey });
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect(theirs.json()[0].service_request_id).not.toBe(first.json()[0].service_request_id);
    expect(await rowCounts()).toEqual({ incidents: before.incidents + 1, requests: before.requests + 1 });
  });

  it('refuses a missing or invalid api_key with 403, a missing argument with 400, an unknown service with 404, and writes nothing', async () => {
    const before = await rowCounts();
    const { api_key: _key, ...withoutKey } = noiseRequest();
    const cases: [Record<string, string>, number, string][] = [
      [withoutKey, 403, 'api_key'],
      [noiseRequest({ api_key: 'aman_open311_not-a-real-key' }), 403, 'api_key'],
      [{ ...noiseRequest(), service_code: '' }, 400, 'service_code'],
      [noiseRequest({ service_code: 'parking' }), 404, 'parking'],
      [{ api_key: key, service_code: 'noise', 'attribute[noise_source]': 'music' }, 400, 'lat'],
      [noiseRequest({ lat: '43.2', long: '' }), 400, 'long'],
      [noiseRequest({ lat: '95', long: '76.9' }), 400, 'lat'],
      [noiseRequest({ 'attribute[noise_source]': '' }), 400, 'attribute[noise_source]'],
      [noiseRequest({ 'attribute[noise_source]': 'fireworks' }), 400, 'attribute[noise_source]'],
      [noiseRequest({ 'attribute[colour]': 'red' }), 400, 'attribute[colour]'],
      [noiseRequest({ email: 'not-an-email' }), 400, 'email'],
      [noiseRequest({ phone: 'call me' }), 400, 'phone'],
      [noiseRequest({ lat: '42.87', long: '74.59' }), 400, 'Kazakhstan'],
      [
        { api_key: key, service_code: 'noise', 'attribute[noise_source]': 'music', address_string: 'zzzz qqqq xxxx' },
        400,
        'address_string',
      ],
    ];
    for (const [fields, status, mentions] of cases) {
      const response = await post(fields, 'json', { 'accept-language': 'en' });
      expect(response.statusCode, `${JSON.stringify(fields)} → ${response.body}`).toBe(status);
      expect(response.json()).toEqual([{ code: status, description: expect.stringContaining(mentions) }]);
    }
    const asXml = await post(withoutKey, 'xml');
    expect(asXml.statusCode).toBe(403);
    expect(XMLValidator.validate(asXml.body)).toBe(true);
    expect(xml.parse(asXml.body).errors.error[0].code).toBe(403);
    expect(await rowCounts()).toEqual(before);
  });

  it('takes the key as X-Api-Key too, and refuses a multipart form with 415 rather than misreading it', async () => {
    const { api_key: _key, ...withoutKey } = noiseRequest();
    expect((await post(withoutKey, 'json', { 'x-api-key': key })).statusCode).toBe(201);
    const before = await rowCounts();
    const boundary = 'open311boundary';
    const multipart = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="api_key"\r\n\r\n${key}\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(multipart.statusCode).toBe(415);
    expect(multipart.json()[0]).toMatchObject({ code: 415, description: expect.stringContaining('x-www-form-urlencoded') });
    const asXml = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.xml',
      payload: '<request/>',
      headers: { 'content-type': 'text/xml' },
    });
    expect(asXml.statusCode).toBe(415);
    expect(xml.parse(asXml.body).errors.error[0].code).toBe(415);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a key of another kind and a revoked key', async () => {
    const device = await createApiKey(t.database.db, { kind: 'device', name: 'a button', createdBy: null });
    expect((await post(noiseRequest({ api_key: device.key }))).statusCode).toBe(403);
    const revoked = await createApiKey(t.database.db, { kind: 'open311', name: 'old client', createdBy: null });
    await t.database.db.updateTable('api_keys').set({ revoked_at: new Date() }).where('id', '=', revoked.id).execute();
    expect((await post(noiseRequest({ api_key: revoked.key }))).statusCode).toBe(403);
  });

  it('refuses a key limited to one region a request elsewhere', async () => {
    const astana = await createApiKey(t.database.db, {
      kind: 'open311',
      name: 'Astana city app',
      createdBy: null,
      jurisdiction: { level: 'region', regionId: '710000000', districtId: null, beatId: null },
    });
    const response = await post(noiseRequest({ api_key: astana.key }));
    expect(response.statusCode).toBe(403);
  });
});

describe('reading requests', () => {
  it('answers one request by id in JSON and XML without the exact point', async () => {
    const id = await file();
    const response = await get(`requests/${id}.json?lang=en`);
    expect(response.statusCode).toBe(200);
    const [request] = response.json() as Record<string, unknown>[];
    expect(request).toMatchObject({
      service_request_id: id,
      status: 'open',
      status_notes: 'Report received',
      service_code: 'noise',
      service_name: 'Noise',
      address: null,
      media_url: null,
    });
    expect(request!.lat).not.toBe(43.2383);
    expect(Math.abs((request!.lat as number) - 43.2383)).toBeLessThan(0.01);
    expect(Math.abs((request!.long as number) - 76.9458)).toBeLessThan(0.01);
    const asXml = await get(`requests/${id}.xml`);
    expect(XMLValidator.validate(asXml.body)).toBe(true);
    expect(xml.parse(asXml.body).service_requests.request[0]).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'noise',
    });
  });

  it('keeps a tip-off’s description with the police', async () => {
    const response = await post({ api_key: key, service_code: 'drugs-sale', description: 'Dealer at flat 12', ...ALMATY });
    const id = response.json()[0].service_request_id as string;
    const [request] = (await get(`requests/${id}.json`)).json() as Record<string, unknown>[];
    expect(request!.description).toBeNull();
    expect((await get(`requests/${id}.xml`)).body).not.toContain('flat 12');
  });

  it('answers 404 for an unknown request and for a report that did not come through Open311', async () => {
    expect((await get('requests/00000000-0000-4000-8000-000000000000.json')).statusCode).toBe(404);
    expect((await get('requests/not-an-id.json')).json()).toEqual([{ code: 404, description: expect.any(String) }]);
    const web = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: { category: 'noise', description: 'web report', location: { type: 'Point', coordinates: [76.9458, 43.2383] } },
    });
    expect((await get(`requests/${web.json().id}.json`)).statusCode).toBe(404);
  });

  it('filters by ids, service and status, newest first', async () => {
    const first = await file();
    const second = await file();
    const lighting = await post({ api_key: key, service_code: 'street-lighting', ...ALMATY });
    const lightingId = lighting.json()[0].service_request_id as string;
    const byIds = (await get(`requests.json?service_request_id=${first},${lightingId}&service_code=noise`)).json() as {
      service_request_id: string;
    }[];
    expect(byIds.map((r) => r.service_request_id).sort()).toEqual([first, lightingId].sort());

    const noise = (await get('requests.json?service_code=noise')).json() as {
      service_request_id: string;
      service_code: string;
    }[];
    expect(noise.every((r) => r.service_code === 'noise')).toBe(true);
    expect(noise.map((r) => r.service_request_id).indexOf(second)).toBeLessThan(
      noise.map((r) => r.service_request_id).indexOf(first),
    );
    expect(noise.map((r) => r.service_request_id)).not.toContain(lightingId);

    await t.database.db.updateTable('incidents').set({ status: 'closed' }).where('id', '=', first).execute();
    const open = (await get('requests.json?status=open')).json() as { service_request_id: string; status: string }[];
    expect(open.map((r) => r.service_request_id)).not.toContain(first);
    expect(open.every((r) => r.status === 'open')).toBe(true);
    const closed = (await get('requests.json?status=closed')).json() as { service_request_id: string }[];
    expect(closed.map((r) => r.service_request_id)).toContain(first);
  });

  it('searches a window of at most 90 days and answers 400 for 91', async () => {
    const id = await file();
    const now = Date.now();
    const iso = (days: number) => new Date(now + days * 86_400_000).toISOString();
    const inside = (await get(`requests.json?start_date=${iso(-1)}&end_date=${iso(1)}`)).json() as {
      service_request_id: string;
    }[];
    expect(inside.map((r) => r.service_request_id)).toContain(id);
    const before = (await get(`requests.json?start_date=${iso(-90)}&end_date=${iso(-1)}`)).json() as {
      service_request_id: string;
    }[];
    expect(before.map((r) => r.service_request_id)).not.toContain(id);
    const tooLong = await get(`requests.json?start_date=${iso(-91)}&end_date=${iso(0)}`);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()[0].code).toBe(400);
    expect((await get('requests.xml?start_date=2026-01-01T00:00:00Z&end_date=2026-04-02T00:00:00Z')).statusCode).toBe(400);
    expect((await get('requests.json?start_date=yesterday')).statusCode).toBe(400);
    expect((await get('requests.json?status=pending')).statusCode).toBe(400);
    expect((await get('requests.json?service_code=parking')).statusCode).toBe(404);
    expect((await get('requests.json?service_code=&status=&service_request_id=')).json()).toContainEqual(
      expect.objectContaining({ service_request_id: id }),
    );
  });

  it('resolves a token to its request', async () => {
    const id = await file();
    expect((await get(`tokens/${id}.json`)).json()).toEqual([{ service_request_id: id, token: id }]);
    const asXml = await get(`tokens/${id}.xml`);
    expect(xml.parse(asXml.body).service_requests.request[0]).toEqual({ service_request_id: id, token: id });
    expect((await get('tokens/00000000-0000-4000-8000-000000000000.json')).statusCode).toBe(404);
  });
});

describe('documentation', () => {
  it('lists every Open311 route in the OpenAPI document', async () => {
    const paths = Object.keys((await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json().paths as object);
    for (const path of [
      'services.json',
      'services.xml',
      'services/{file}',
      'requests.json',
      'requests.xml',
      'requests/{file}',
      'tokens/{file}',
    ]) {
      expect(paths).toContain(`/open311/v2/${path}`);
    }
  });
});

describe('rate limit', () => {
  it('limits filing per key, so one busy client does not stop another', async () => {
    const limited = await buildTestApp({ env: { AMAN_RATE_LIMIT_PUBLIC: '2' } });
    try {
      const other = (await createApiKey(t.database.db, { kind: 'open311', name: 'other client', createdBy: null })).key;
      const send = (apiKey: string) =>
        limited.app.inject({
          method: 'POST',
          url: '/open311/v2/requests.json',
          payload: form(noiseRequest({ api_key: apiKey })),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
      expect((await send(key)).statusCode).toBe(201);
      expect((await send(key)).statusCode).toBe(201);
      const refused = await send(key);
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toEqual([{ code: 429, description: expect.any(String) }]);
      expect((await send(other)).statusCode).toBe(201);
    } finally {
      await limited.app.close();
    }
  });

  it('answers a retry of an answered request past the limit, without counting it', async () => {
    const limited = await buildTestApp({ env: { AMAN_RATE_LIMIT_PUBLIC: '2' } });
    try {
      const client = (await createApiKey(t.database.db, { kind: 'open311', name: 'retrying client', createdBy: null })).key;
      const send = (idempotencyKey: string, description = 'Loud music after midnight') =>
        limited.app.inject({
          method: 'POST',
          url: '/open311/v2/requests.json',
          payload: form(noiseRequest({ api_key: client, description })),
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': idempotencyKey },
        });
      const first = await send('first');
      expect(first.statusCode).toBe(201);
      for (let retry = 0; retry < 3; retry++) {
        const again = await send('first');
        expect(again.statusCode, again.body).toBe(201);
        expect(again.headers['idempotent-replayed']).toBe('true');
      }
      // The retries took no place: one new request still goes through, the next is refused.
      expect((await send('second', 'Another night of it')).statusCode).toBe(201);
      expect((await send('third', 'And again')).statusCode).toBe(429);
      // Over the limit, the key with another form is still not answered as a replay.
      expect((await send('first', 'Something else')).statusCode).toBe(429);
    } finally {
      await limited.app.close();
    }
  });
});
