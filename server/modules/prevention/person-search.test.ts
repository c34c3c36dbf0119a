import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCrypto } from '../../secrets/field-crypto.js';
import { buildTestApp, createStaff, type TestApp } from '../../test/app.js';
import { ALMATY, ASTANA, caseRequest, send, staffIn } from '../../test/prevention-fixtures.js';
import { entryIn } from '../../test/register-fixtures.js';
import { backfillIinHashes } from './index.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

type Staff = Awaited<ReturnType<typeof staffIn>>;
// Invented; passes its check digit, and is used by no other test file.
const IIN = '880315300014';
const REASON = 'Repeat call to the address; checking the aggressor';

/** A case opened by `officer` in the region, with the searched person as its aggressor. */
async function caseWithPerson(regionId: string, officer: Staff, name: string) {
  const body = await send(
    t,
    officer,
    caseRequest(regionId, [
      { role: 'victim', name: `Victim of ${name}` },
      { role: 'aggressor', name, iin: IIN },
    ]),
  );
  return body.id as string;
}

const search = (staff: Staff, payload: unknown, lang = 'en') =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/prevention/people/search?lang=${lang}`,
    payload: payload as never,
    headers: { cookie: staff.cookie },
  });

async function searchAudit(actorId: string) {
  const rows = await sql<{ details: Record<string, unknown> }>`
    select details from audit_inbox where action = 'prevention.person.search' and actor_id = ${actorId}
    union all select details from audit_log where action = 'prevention.person.search' and actor_id = ${actorId}`.execute(
    t.database.db,
  );
  return rows.rows.map((r) => r.details);
}

describe('finding a person’s cases by IIN', () => {
  it('finds every case in the area: in full where the caller may open it, masked elsewhere, none outside', async () => {
    const officer = await staffIn(t, ALMATY, ['officer']);
    const colleague = await staffIn(t, ALMATY, ['officer']);
    const own = await caseWithPerson(ALMATY, officer, 'Searched Aggressor One');
    const others = await caseWithPerson(ALMATY, colleague, 'Searched Aggressor Two');
    const astana = await caseWithPerson(ASTANA, await staffIn(t, ASTANA, ['officer']), 'Searched Aggressor Three');

    // Spaces between groups, as people write it.
    const response = await search(officer, { iin: `${IIN.slice(0, 6)} ${IIN.slice(6)}`, reason: REASON });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as Record<string, unknown>[];
    const ids = items.map((i) => i.caseId);
    expect(ids).toEqual(expect.arrayContaining([own, others]));
    expect(ids).not.toContain(astana);
    expect(items.find((i) => i.caseId === own)).toMatchObject({
      role: 'aggressor',
      access: 'team',
      canBreakGlass: false,
      people: [
        { role: 'victim', initials: 'V. O.', name: 'Victim of Searched Aggressor One' },
        { role: 'aggressor', initials: 'S. A.', name: 'Searched Aggressor One' },
      ],
    });
    const masked = items.find((i) => i.caseId === others)!;
    expect(masked).toMatchObject({ role: 'aggressor', access: null, canBreakGlass: true });
    expect(JSON.stringify(masked)).not.toContain('Searched Aggressor Two');

    // Audited with the reason and what was found — never with the IIN or its hash.
    const [entry] = await searchAudit(officer.id);
    expect(entry).toMatchObject({ reason: REASON });
    expect(entry!.found).toEqual(expect.arrayContaining([{ caseId: own, role: 'aggressor', access: 'team' }]));
    const hash = createFieldCrypto(t.keys.secretKey).lookupHash(IIN);
    const audit = await sql<{ text: string }>`
      select string_agg(details::text, ' ') as text from audit_inbox where action = 'prevention.person.search'`.execute(
      t.database.db,
    );
    expect(audit.rows[0]!.text).not.toContain(IIN);
    expect(audit.rows[0]!.text).not.toContain(hash);
    // At rest, only the keyed hash sits beside the sealed IIN.
    const stored = await sql<Record<string, unknown>>`select * from dv_case_people where case_id = ${own}`.execute(t.database.db);
    expect(JSON.stringify(stored.rows)).not.toContain(IIN);
  });

  it('shows a supervisor every case of the area in full', async () => {
    const officer = await staffIn(t, ALMATY, ['officer']);
    const id = await caseWithPerson(ALMATY, officer, 'Overseen Aggressor');
    const supervisor = await staffIn(t, ALMATY, ['supervisor']);
    const items = (await search(supervisor, { iin: IIN, reason: REASON })).json().items as Record<string, unknown>[];
    expect(items.find((i) => i.caseId === id)).toMatchObject({ access: 'oversight', canBreakGlass: false });
  });

  it('refuses a wrong check digit in the caller’s language, and bad input, recording nothing', async () => {
    const officer = await staffIn(t, ALMATY, ['officer']);
    const wrong = await search(officer, { iin: '880315300015', reason: REASON }, 'kk');
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: 'iin.invalid', title: expect.stringContaining('ЖСН') });
    expect((await search(officer, { iin: '880315300015', reason: REASON }, 'ru')).json().title).toContain('ИИН');
    for (const payload of [
      { iin: IIN },
      { iin: IIN, reason: '   ' },
      { iin: '88031530001', reason: REASON },
      { iin: `${IIN}x`, reason: REASON },
    ]) {
      expect((await search(officer, payload)).statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(await searchAudit(officer.id)).toEqual([]);
  });

  it('refuses analysts and partners, and keeps a district officer to their district', async () => {
    for (const roles of [['analyst'], ['partner']] as const) {
      const outsider = await staffIn(t, ALMATY, [...roles]);
      expect((await search(outsider, { iin: IIN, reason: REASON })).statusCode, roles[0]).toBe(403);
    }
    const officer = await staffIn(t, ALMATY, ['officer']);
    const id = await caseWithPerson(ALMATY, officer, 'District Aggressor');
    const district = await sql<{ id: string }>`
      select id from districts where region_id = ${ALMATY}
        and id <> (select district_id from dv_cases where id = ${id}) limit 1`.execute(t.database.db);
    const neighbour = await createStaff(t, ['officer'], {
      level: 'district',
      regionId: ALMATY,
      districtId: district.rows[0]!.id,
    });
    const items = (await search(neighbour, { iin: IIN, reason: REASON })).json().items as { caseId: string }[];
    expect(items.map((i) => i.caseId)).not.toContain(id);
  });

  it('finds the person’s register entries: named to those who may read them, masked to other officers of the area', async () => {
    const officer = await staffIn(t, ALMATY, ['officer']);
    const entry = await entryIn(t, ALMATY, officer, { iin: IIN, name: 'Registered Searched Person' });
    const astanaEntry = await entryIn(t, ASTANA, undefined, { iin: IIN, name: 'Registered Elsewhere' });
    const entryOf = (response: { json: () => { registerEntries: Record<string, unknown>[] } }, id = entry.id) =>
      response.json().registerEntries.find((e) => e.entryId === id);

    const own = await search(officer, { iin: IIN, reason: REASON });
    expect(own.statusCode).toBe(200);
    expect(entryOf(own)).toMatchObject({
      entryNumber: expect.any(String),
      kind: 'released-prisoner',
      status: 'active',
      districtId: entry.districtId,
      beatId: entry.beatId,
      access: 'responsible',
      name: 'Registered Searched Person',
    });
    expect(entryOf(own, astanaEntry.id)).toBeUndefined();

    const supervisor = await staffIn(t, ALMATY, ['supervisor']);
    expect(entryOf(await search(supervisor, { iin: IIN, reason: REASON }))).toMatchObject({
      access: 'supervisor',
      name: 'Registered Searched Person',
    });

    // Audited like the cases: in the search's entry, and as a read of the entry by whoever saw the name.
    const [searched] = await searchAudit(officer.id);
    expect(searched!.registerEntries).toEqual([{ entryId: entry.id, access: 'responsible' }]);
    const reads = await sql<{ actor_id: string; details: Record<string, unknown> }>`
      select actor_id, details from audit_inbox where action = 'prevention.register.read' and target_id = ${entry.id}
      union all select actor_id, details from audit_log where action = 'prevention.register.read' and target_id = ${entry.id}`.execute(
      t.database.db,
    );
    const bySearch = reads.rows.filter((r) => r.details.purpose === 'person-search');
    expect(bySearch.map((r) => [r.actor_id, r.details.access]).sort()).toEqual(
      [
        [officer.id, 'responsible'],
        [supervisor.id, 'supervisor'],
      ].sort(),
    );

    // Another officer of the area learns the entry exists, as the register's list shows them, not whom it names.
    const colleague = await staffIn(t, ALMATY, ['officer']);
    const masked = await search(colleague, { iin: IIN, reason: REASON });
    expect(entryOf(masked)).toMatchObject({ access: null, kind: 'released-prisoner' });
    expect(entryOf(masked)).not.toHaveProperty('name');
    expect(masked.body).not.toContain('Registered Searched Person');
    expect((await searchAudit(colleague.id))[0]!.registerEntries).toEqual([{ entryId: entry.id, access: null }]);
  });

  it('shows no register entry to an officer of another district, nor to a prosecutor', async () => {
    const officer = await staffIn(t, ALMATY, ['officer']);
    const entry = await entryIn(t, ALMATY, officer, { iin: IIN, name: 'Registered District Person' });
    const district = await sql<{ id: string }>`
      select id from districts where region_id = ${ALMATY} and id <> ${entry.districtId} limit 1`.execute(t.database.db);
    const neighbour = await createStaff(t, ['officer'], {
      level: 'district',
      regionId: ALMATY,
      districtId: district.rows[0]!.id,
    });
    const prosecutor = await staffIn(t, ALMATY, ['prosecutor']);
    for (const caller of [neighbour, prosecutor]) {
      const response = await search(caller, { iin: IIN, reason: REASON });
      expect(response.statusCode).toBe(200);
      const ids = (response.json().registerEntries as { entryId: string }[]).map((e) => e.entryId);
      expect(ids).not.toContain(entry.id);
      expect(response.body).not.toContain('Registered District Person');
    }
    expect((await search(prosecutor, { iin: IIN, reason: REASON })).json().registerEntries).toEqual([]);
  });

  it('backfills the lookup hash of a sealed IIN that lacks one', async () => {
    const officer = await staffIn(t, ALMATY, ['officer']);
    const id = await caseWithPerson(ALMATY, officer, 'Backfilled Aggressor');
    await sql`update dv_case_people set iin_hash = null where case_id = ${id}`.execute(t.database.db);
    const before = (await search(officer, { iin: IIN, reason: REASON })).json().items as { caseId: string }[];
    expect(before.map((i) => i.caseId)).not.toContain(id);
    expect(await backfillIinHashes(t.database.db, createFieldCrypto(t.keys.secretKey))).toBeGreaterThanOrEqual(1);
    const after = (await search(officer, { iin: IIN, reason: REASON })).json().items as { caseId: string }[];
    expect(after.map((i) => i.caseId)).toContain(id);
    expect(await backfillIinHashes(t.database.db, createFieldCrypto(t.keys.secretKey))).toBe(0);
  });
});
