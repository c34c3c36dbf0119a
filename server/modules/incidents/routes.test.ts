import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, type TestApp } from '../../test/app.js';
import { insertIncident } from '../../test/jurisdiction-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

describe('incidents', () => {
  it('records every read of an incident in the audit log', async () => {
    const officer = await createStaff(t, ['officer'], { level: 'region', regionId: '750000000' });
    const id = await insertIncident(t, '750000000');
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${id}`, headers: { cookie: officer.cookie } });
    expect(response.statusCode).toBe(200);
    const entries = await sql<{ action: string; actor_id: string }>`
      select action, actor_id from audit_inbox where target_type = 'incident' and target_id = ${id}
      union all select action, actor_id from audit_log where target_type = 'incident' and target_id = ${id}`.execute(
      t.database.db,
    );
    expect(entries.rows).toEqual([{ action: 'incident.read', actor_id: officer.id }]);
  });

  it('pages newest first with a cursor that neither repeats nor skips', async () => {
    const officer = await createStaff(t, ['analyst'], { level: 'region', regionId: '790000000' });
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add(await insertIncident(t, '790000000'));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/incidents?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.app.inject({ method: 'GET', url, headers: { cookie: officer.cookie } })).json();
      seen.push(...page.items.map((i: { id: string }) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of ids) expect(seen).toContain(id);
  });

  it('refuses a damaged cursor', async () => {
    const officer = await createStaff(t, ['analyst'], { level: 'country' });
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/incidents?cursor=not-a-cursor',
      headers: { cookie: officer.cookie },
    });
    expect(response.statusCode).toBe(400);
    // Well-formed base64 JSON whose time is not a time is as damaged as noise.
    const forged = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
    const second = await t.app.inject({
      method: 'GET',
      url: `/api/v1/incidents?cursor=${forged}`,
      headers: { cookie: officer.cookie },
    });
    expect(second.statusCode).toBe(400);
  });

  it('lists the category catalogue in the request language', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/categories?lang=ru' });
    expect(response.statusCode).toBe(200);
    const burglary = response.json().find((c: { code: string }) => c.code === 'burglary');
    expect(burglary.name).toBe(burglary.names.ru);
    expect(
      response
        .json()
        .filter((c: { sensitive: boolean }) => c.sensitive)
        .map((c: { code: string }) => c.code)
        .sort(),
    ).toEqual(['domestic-violence', 'offences-against-children', 'sexual-offences']);
  });
});
