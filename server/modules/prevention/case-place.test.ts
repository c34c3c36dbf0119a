import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, type TestApp } from '../../test/app.js';
import { firstDistrictAndBeat } from '../geo/index.js';
import { ALMATY, ASTANA, LEGAL_BASIS, pointIn, staffIn } from '../../test/prevention-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

const people = [
  { role: 'victim', name: 'Test Victim' },
  { role: 'aggressor', name: 'Test Aggressor' },
];

describe('placing a new case by its beat', () => {
  it('opens the case in the beat the officer chose from their own area', async () => {
    const place = await firstDistrictAndBeat(t.database.db, ALMATY);
    const inspector = await createStaff(t, ['officer'], { level: 'beat', regionId: ALMATY, ...place });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/prevention/cases',
      headers: { cookie: inspector.cookie },
      payload: { beatId: place.beatId, legalBasis: LEGAL_BASIS, people },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ beatId: place.beatId, districtId: place.districtId, access: 'team' });
    expect(response.json().people.map((p: { role: string }) => p.role)).toEqual(['victim', 'aggressor']);
  });

  it('refuses a beat outside the officer’s area, an unknown beat, and a place given twice or not at all', async () => {
    const officer = await staffIn(t, ALMATY, ['officer']);
    const astana = await firstDistrictAndBeat(t.database.db, ASTANA);
    const before = await t.database.db
      .selectFrom('dv_cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    const post = (payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/prevention/cases?lang=en',
        headers: { cookie: officer.cookie },
        payload: { legalBasis: LEGAL_BASIS, people, ...payload },
      });
    expect((await post({ beatId: astana.beatId })).statusCode).toBe(403);
    expect((await post({ beatId: 'no-such-beat' })).statusCode).toBe(422);
    const both = await post({ beatId: astana.beatId, location: pointIn(ALMATY) });
    expect(both.statusCode).toBe(400);
    expect(both.headers['content-type']).toContain('application/problem+json');
    expect((await post({})).statusCode).toBe(400);
    const after = await t.database.db
      .selectFrom('dv_cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    expect(Number(after?.n)).toBe(Number(before?.n));
  });
});
