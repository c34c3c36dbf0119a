import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, type TestApp } from '../../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

describe('API keys', () => {
  it('are issued once, stored only as a hash, accepted, and refused after revocation', async () => {
    const admin = await createStaff(t, ['admin'], { level: 'country' });
    const issued = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/api-keys',
      headers: { cookie: admin.cookie },
      payload: { kind: 'partner', name: 'Halyk Bank fraud desk' },
    });
    expect(issued.statusCode).toBe(201);
    const { id, key } = issued.json() as { id: string; key: string };
    expect(key).toMatch(/^aman_partner_/);

    const stored = await sql<{ key_hash: string }>`select key_hash from api_keys where id = ${id}`.execute(t.database.db);
    expect(stored.rows[0]!.key_hash).not.toContain(key.slice(13));
    expect(
      JSON.stringify(
        (await t.app.inject({ method: 'GET', url: '/api/v1/admin/api-keys', headers: { cookie: admin.cookie } })).json(),
      ),
    ).not.toContain(key);

    const whoami = await t.app.inject({ method: 'GET', url: '/api/v1/auth/key', headers: { 'x-api-key': key } });
    expect(whoami.json()).toEqual({ id, kind: 'partner', name: 'Halyk Bank fraud desk' });
    const bearer = await t.app.inject({ method: 'GET', url: '/api/v1/auth/key', headers: { authorization: `Bearer ${key}` } });
    expect(bearer.statusCode).toBe(200);

    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/admin/api-keys/${id}`, headers: { cookie: admin.cookie } }))
        .statusCode,
    ).toBe(204);
    const revoked = await t.app.inject({ method: 'GET', url: '/api/v1/auth/key?lang=en', headers: { 'x-api-key': key } });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().title).toBe('The API key is not valid');
  });

  it('cannot be issued by a regional admin', async () => {
    const admin = await createStaff(t, ['admin'], { level: 'region', regionId: '750000000' });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/api-keys',
      headers: { cookie: admin.cookie },
      payload: { kind: 'device', name: 'SOS' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('do not open staff routes', async () => {
    const admin = await createStaff(t, ['admin'], { level: 'country' });
    const { key } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/admin/api-keys',
        headers: { cookie: admin.cookie },
        payload: { kind: 'device', name: 'pole 1' },
      })
    ).json();
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/incidents', headers: { 'x-api-key': key } });
    expect(response.statusCode).toBe(401);
  });
});
