import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createFieldCrypto } from '../../secrets/field-crypto.js';
import { buildTestApp, createStaff, type TestApp } from '../../test/app.js';
import { insertLocatedIncident } from '../../test/dispatch-fixtures.js';
import { sealPlainIncidentTexts } from './sealed-text.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

const ALMATY = '750000000';

it('seals descriptions and notes written in plain text before 0065, once, and staff still read them', async () => {
  const id = await insertLocatedIncident(t, ALMATY);
  // As the rows written before the sealed columns existed look.
  await sql`update incidents set description = 'Written before: Айгерім, +77010000000' where id = ${id}`.execute(t.database.db);
  await sql`
    insert into incident_timeline (incident_id, region_id, at, status, internal_note)
    values (${id}, ${ALMATY}, now(), 'new', 'Noted before: flat 12')`.execute(t.database.db);
  const fieldCrypto = createFieldCrypto(t.keys.secretKey);

  expect(await sealPlainIncidentTexts(t.database.db, fieldCrypto)).toBeGreaterThanOrEqual(2);
  const stored = await sql<{ description: string | null; description_enc: string; internal_note: string | null }>`
    select i.description, i.description_enc, tl.internal_note
    from incidents i join incident_timeline tl on tl.incident_id = i.id where i.id = ${id}`.execute(t.database.db);
  expect(stored.rows).toEqual([{ description: null, description_enc: expect.stringMatching(/^v1\./), internal_note: null }]);
  // Run again, nothing is left to seal, and what was sealed is not sealed twice.
  expect(await sealPlainIncidentTexts(t.database.db, fieldCrypto)).toBe(0);

  const operator = await createStaff(t, ['operator'], { level: 'region', regionId: ALMATY });
  const detail = await t.app.inject({
    method: 'GET',
    url: `/api/v1/incidents/${id}/detail`,
    headers: { cookie: operator.cookie },
  });
  expect(detail.json()).toMatchObject({
    description: 'Written before: Айгерім, +77010000000',
    timeline: [expect.objectContaining({ internalNote: 'Noted before: flat 12' })],
  });
});
