import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../test/app.js';
import { publicAccess, staffAccess } from './access.js';
import { buildApp, type App } from './app.js';

let app: App;
const writes: unknown[] = [];

beforeAll(async () => {
  ({ app } = await buildApp({
    config: testConfig({ AMAN_RATE_LIMIT_PUBLIC: '3' }),
    authenticator: { session: async () => null, apiKey: async () => null },
    recordRefusal: async () => {},
    databaseReady: async () => true,
    logger: false,
  }));
  // A route shaped like the ones modules declare, to exercise the shared validation and errors.
  app.post(
    '/api/v1/test/people',
    {
      config: { access: publicAccess('none') },
      schema: {
        body: Type.Object(
          {
            name: Type.String({ maxLength: 100 }),
            iin: Type.String({ format: 'iin' }),
            age: Type.Optional(Type.Integer({ minimum: 0 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      writes.push(req.body);
      return reply.code(201).send({ ok: true });
    },
  );
  app.get('/api/v1/test/limited', { config: { access: publicAccess('public') } }, async () => ({ ok: true }));
  app.get('/api/v1/test/staff', { config: { access: staffAccess(['operator'], 'region') } }, async () => ({ ok: true }));
  await app.ready();
});
afterAll(async () => {
  await app.close();
});

const post = (payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/v1/test/people', payload: payload as object, headers });

describe('bad input is refused with problem+json and writes nothing', () => {
  it.each([
    ['an unknown field', { name: 'A', iin: '000000000000', extra: 1 }],
    ['a wrong type', { name: 42, iin: '000000000000' }],
    ['a missing field', { name: 'A' }],
    ['a negative number', { name: 'A', iin: '000000000000', age: -1 }],
  ])('%s', async (_label, payload) => {
    const before = writes.length;
    const response = await post(payload, { 'accept-language': 'en' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 400, code: 'request.invalid', title: 'The request is not valid' });
    expect(writes.length).toBe(before);
  });

  it('a malformed IIN, as iin.invalid', async () => {
    const response = await post({ name: 'A', iin: '123456789012' }, { 'accept-language': 'ru' });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'iin.invalid', title: 'Неверный ИИН: 12 цифр с контрольной цифрой' });
  });

  it('an oversized body', async () => {
    const response = await post({ name: 'x'.repeat(300_000), iin: '000000000000' });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('request.too_large');
  });

  it('malformed JSON', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/test/people',
      payload: '{"name":',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('request.invalid');
  });
});

describe('the language of an error', () => {
  const title = async (url: string, headers: Record<string, string> = {}) =>
    (await app.inject({ method: 'GET', url, headers })).json().title;

  it('is Kazakh by default', async () => {
    expect(await title('/api/v1/test/staff')).toBe('Жүйеге кіру қажет');
  });
  it('follows Accept-Language by its q-values', async () => {
    expect(await title('/api/v1/test/staff', { 'accept-language': 'de;q=1, ru;q=0.8, en;q=0.5' })).toBe(
      'Требуется вход в систему',
    );
  });
  it('prefers ?lang= over Accept-Language', async () => {
    expect(await title('/api/v1/test/staff?lang=en', { 'accept-language': 'ru' })).toBe('Sign-in is required');
  });
  it('answers an unknown API path with a problem in the language', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/nowhere?lang=ru' });
    expect(response.statusCode).toBe(404);
    expect(response.json().title).toBe('Не найдено');
  });
});

describe('declarations', () => {
  it('refuses to register a route that does not declare its access', async () => {
    const { app: fresh } = await buildApp({
      config: testConfig(),
      authenticator: { session: async () => null, apiKey: async () => null },
      recordRefusal: async () => {},
      databaseReady: async () => true,
      logger: false,
    });
    expect(() => fresh.get('/api/v1/test/undeclared', async () => ({}))).toThrow(/does not declare its access/);
    await fresh.close();
  });

  it('rate-limits public routes per client address', async () => {
    const hit = (ip: string) => app.inject({ method: 'GET', url: '/api/v1/test/limited?lang=en', remoteAddress: ip });
    for (let i = 0; i < 3; i++) expect((await hit('192.0.2.1')).statusCode).toBe(200);
    const limited = await hit('192.0.2.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('request.rate_limited');
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await hit('192.0.2.2')).statusCode).toBe(200);
  });
});
