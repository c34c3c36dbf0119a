import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDistricts } from '../geo/index.js';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { ALMATY, ASTANA, staffIn } from '../../test/prevention-fixtures.js';
import { entryIn, type TestEntry } from '../../test/register-fixtures.js';
import { setPartnerAgency } from './conference-store.js';
import { moveResponsibility } from './register-handover-store.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

const REASON = 'Inspector Amanov moved to the Medeu district';

function inject(staff: TestStaff | null, method: 'GET' | 'POST', url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: staff ? { cookie: staff.cookie } : {},
    payload: payload as Record<string, unknown>,
  });
}

const entryUrl = (entry: TestEntry, suffix = '') => `/api/v1/prevention/register/entries/${entry.id}${suffix}`;
const handOver = (by: TestStaff | null, entry: TestEntry, officerId: string, reason = REASON) =>
  inject(by, 'POST', entryUrl(entry, '/responsibility'), { officerId, reason });

async function responsibleOf(entry: TestEntry): Promise<string | null> {
  const row = await sql<{ responsible_officer_id: string | null }>`
    select responsible_officer_id from prevention_register_entries where id = ${entry.id}`.execute(t.database.db);
  return row.rows[0]!.responsible_officer_id;
}

async function handoverRows(entry: TestEntry) {
  const rows = await sql<Record<string, unknown>>`
    select * from prevention_register_handovers where entry_id = ${entry.id} order by handed_at`.execute(t.database.db);
  return rows.rows;
}

async function handoverAudit(entry: TestEntry) {
  const rows = await sql<{ actor_id: string; details: Record<string, unknown> }>`
    select actor_id, details from audit_inbox where action = 'prevention.register.handover' and target_id = ${entry.id}
    union all
    select actor_id, details from audit_log where action = 'prevention.register.handover' and target_id = ${entry.id}`.execute(
    t.database.db,
  );
  return rows.rows;
}

/** Nothing about the entry's responsibility changed: the same officer, no history, no audit entry. */
async function expectUnchanged(entry: TestEntry) {
  expect(await responsibleOf(entry)).toBe(entry.officer.id);
  expect(await handoverRows(entry)).toHaveLength(0);
  expect(await handoverAudit(entry)).toHaveLength(0);
}

async function beatOfficer(entry: TestEntry): Promise<TestStaff> {
  return createStaff(t, ['officer'], { level: 'beat', regionId: ALMATY, districtId: entry.districtId, beatId: entry.beatId });
}

describe('handing a register entry to another officer', () => {
  it('moves the entry to the new officer, keeps the handover in its history with a sealed reason and audits it', async () => {
    const entry = await entryIn(t, ALMATY);
    const supervisor = await staffIn(t, ALMATY, ['supervisor']);
    const next = await staffIn(t, ALMATY, ['officer']);

    const response = await handOver(supervisor, entry, next.id);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      previousOfficerId: entry.officer.id,
      previousOfficerName: `Test ${entry.officer.username}`,
      newOfficerId: next.id,
      newOfficerName: `Test ${next.username}`,
      handedById: supervisor.id,
      reason: REASON,
    });

    // The new officer now answers for it; the old one (not the beat's inspector) no longer sees who it is about.
    const read = await inject(next, 'GET', entryUrl(entry));
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      access: 'responsible',
      responsibleOfficerId: next.id,
      responsibleOfficerName: `Test ${next.username}`,
      handovers: [{ previousOfficerId: entry.officer.id, newOfficerId: next.id, handedById: supervisor.id, reason: REASON }],
    });
    const old = await inject(entry.officer, 'GET', entryUrl(entry));
    expect(old.statusCode).toBe(403);
    expect(old.json().code).toBe('prevention.register_team_only');

    const [stored] = await handoverRows(entry);
    expect(JSON.stringify(stored)).not.toContain('Amanov');
    expect(stored!.reason_enc).toMatch(/\S/);
    const [audit] = await handoverAudit(entry);
    expect(audit).toMatchObject({
      actor_id: supervisor.id,
      details: { previousOfficerId: entry.officer.id, newOfficerId: next.id },
    });
    expect(JSON.stringify(audit)).not.toContain('Amanov');
  });

  it('lets the responsible officer hand over their own entry; a beat inspector who hands it on still works it', async () => {
    const entry = await entryIn(t, ALMATY);
    const inspector = await beatOfficer(entry);
    const next = await staffIn(t, ALMATY, ['officer']);
    expect((await handOver(entry.officer, entry, inspector.id)).statusCode).toBe(201);
    expect((await inject(entry.officer, 'GET', entryUrl(entry))).statusCode).toBe(403);

    expect((await handOver(inspector, entry, next.id, 'Going on leave for two months')).statusCode).toBe(201);
    const still = await inject(inspector, 'GET', entryUrl(entry));
    expect(still.statusCode).toBe(200);
    expect(still.json().access).toBe('beat-inspector');
    const history = (still.json().handovers as { previousOfficerId: string; newOfficerId: string }[]).map((h) => [
      h.previousOfficerId,
      h.newOfficerId,
    ]);
    expect(history).toEqual([
      [entry.officer.id, inspector.id],
      [inspector.id, next.id],
    ]);
  });

  it('forgets the handover’s reason when the entry is closed, keeping who handed it to whom', async () => {
    const entry = await entryIn(t, ALMATY);
    const next = await staffIn(t, ALMATY, ['officer']);
    expect((await handOver(entry.officer, entry, next.id)).statusCode).toBe(201);
    const closed = await inject(next, 'POST', entryUrl(entry, '/review'), {
      decision: 'close',
      reason: 'The basis no longer applies',
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().handovers).toMatchObject([{ previousOfficerId: entry.officer.id, newOfficerId: next.id, reason: null }]);
    expect((await handoverRows(entry))[0]!.reason_enc).toBeNull();
  });

  it('offers only active officers whose own area holds the entry’s place, by name, without the current one', async () => {
    const entry = await entryIn(t, ALMATY);
    const supervisor = await staffIn(t, ALMATY, ['supervisor']);
    const regionOfficer = await staffIn(t, ALMATY, ['officer']);
    const inspector = await beatOfficer(entry);
    const otherDistrict = (await listDistricts(t.database.db, ALMATY)).find((d) => d.id !== entry.districtId)!;
    const elsewhere = await createStaff(t, ['officer'], { level: 'district', regionId: ALMATY, districtId: otherDistrict.id });
    const astana = await staffIn(t, ASTANA, ['officer']);
    const analyst = await staffIn(t, ALMATY, ['analyst']);
    const national = await createStaff(t, ['officer'], { level: 'country' });
    const disabled = await staffIn(t, ALMATY, ['officer']);
    await sql`update users set disabled = true where id = ${disabled.id}`.execute(t.database.db);

    const response = await inject(supervisor, 'GET', entryUrl(entry, '/officers'));
    expect(response.statusCode).toBe(200);
    const items = response.json().items as Record<string, string>[];
    const ids = items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([regionOfficer.id, inspector.id]));
    for (const refused of [entry.officer, elsewhere, astana, analyst, national, disabled, supervisor]) {
      expect(ids).not.toContain(refused.id);
    }
    for (const item of items) expect(Object.keys(item).sort()).toEqual(['displayName', 'id']);
    // The responsible officer may ask too (to hand over); another officer of the area may not.
    expect((await inject(entry.officer, 'GET', entryUrl(entry, '/officers'))).statusCode).toBe(200);
    expect((await inject(regionOfficer, 'GET', entryUrl(entry, '/officers'))).statusCode).toBe(403);
  });

  it('audits the read of the officer list with the reader and whom it offered; a refused read leaves none', async () => {
    const entry = await entryIn(t, ALMATY);
    const supervisor = await staffIn(t, ALMATY, ['supervisor']);
    const other = await staffIn(t, ALMATY, ['officer']);
    const response = await inject(supervisor, 'GET', entryUrl(entry, '/officers'));
    expect(response.statusCode).toBe(200);
    expect((await inject(other, 'GET', entryUrl(entry, '/officers'))).statusCode).toBe(403);

    const rows = await sql<{ actor_id: string; region_id: string; details: Record<string, unknown> }>`
      select actor_id, region_id, details from audit_inbox where action = 'prevention.register.officers.read' and target_id = ${entry.id}
      union all
      select actor_id, region_id, details from audit_log where action = 'prevention.register.officers.read' and target_id = ${entry.id}`.execute(
      t.database.db,
    );
    expect(rows.rows).toEqual([
      {
        actor_id: supervisor.id,
        region_id: ALMATY,
        details: {
          entryNumber: expect.any(String),
          officerIds: (response.json().items as { id: string }[]).map((o) => o.id),
        },
      },
    ]);
  });
});

describe('refused handovers change nothing', () => {
  it('refuses a caller who is not signed in (401)', async () => {
    const entry = await entryIn(t, ALMATY);
    const next = await staffIn(t, ALMATY, ['officer']);
    expect((await handOver(null, entry, next.id)).statusCode).toBe(401);
    expect((await inject(null, 'GET', entryUrl(entry, '/officers'))).statusCode).toBe(401);
    await expectUnchanged(entry);
  });

  it('refuses another officer, the beat inspector, a partner and an analyst (403)', async () => {
    const entry = await entryIn(t, ALMATY, undefined, { partnerAgency: 'education' });
    const next = await staffIn(t, ALMATY, ['officer']);
    const other = await staffIn(t, ALMATY, ['officer']);
    const inspector = await beatOfficer(entry);
    const partner = await staffIn(t, ALMATY, ['partner']);
    await setPartnerAgency(t.database.db, { userId: partner.id, agency: 'education', by: partner.id, now: new Date() });
    const analyst = await staffIn(t, ALMATY, ['analyst']);

    const byOther = await handOver(other, entry, next.id);
    expect(byOther.statusCode).toBe(403);
    expect(byOther.json().code).toBe('prevention.register_team_only');
    const byInspector = await handOver(inspector, entry, next.id);
    expect(byInspector.statusCode).toBe(403);
    expect(byInspector.json().code).toBe('prevention.register_handover_forbidden');
    expect((await inject(inspector, 'GET', entryUrl(entry, '/officers'))).statusCode).toBe(403);
    for (const caller of [partner, analyst]) {
      expect((await handOver(caller, entry, next.id)).statusCode).toBe(403);
      expect((await inject(caller, 'GET', entryUrl(entry, '/officers'))).statusCode).toBe(403);
    }
    await expectUnchanged(entry);
  });

  it('hides an entry outside the caller’s jurisdiction (404)', async () => {
    const entry = await entryIn(t, ALMATY);
    const next = await staffIn(t, ALMATY, ['officer']);
    const astanaSupervisor = await staffIn(t, ASTANA, ['supervisor']);
    const response = await handOver(astanaSupervisor, entry, next.id);
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('prevention.register_entry_not_found');
    expect((await inject(astanaSupervisor, 'GET', entryUrl(entry, '/officers'))).statusCode).toBe(404);
    await expectUnchanged(entry);
  });

  it('refuses a closed entry (409)', async () => {
    const entry = await entryIn(t, ALMATY);
    const next = await staffIn(t, ALMATY, ['officer']);
    const closed = await inject(entry.officer, 'POST', entryUrl(entry, '/review'), {
      decision: 'close',
      reason: 'The basis no longer applies',
    });
    expect(closed.statusCode).toBe(200);
    const response = await handOver(entry.officer, entry, next.id);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('prevention.register_closed');
    await expectUnchanged(entry);
  });

  it('refuses a target who does not cover the place, is no active officer, or already has it (422)', async () => {
    const entry = await entryIn(t, ALMATY);
    const supervisor = await staffIn(t, ALMATY, ['supervisor']);
    const otherDistrict = (await listDistricts(t.database.db, ALMATY)).find((d) => d.id !== entry.districtId)!;
    const targets = {
      'another region': await staffIn(t, ASTANA, ['officer']),
      'another district': await createStaff(t, ['officer'], {
        level: 'district',
        regionId: ALMATY,
        districtId: otherDistrict.id,
      }),
      'an analyst': await staffIn(t, ALMATY, ['analyst']),
      'a supervisor only': supervisor,
      'a disabled officer': await staffIn(t, ALMATY, ['officer']),
    };
    await sql`update users set disabled = true where id = ${targets['a disabled officer'].id}`.execute(t.database.db);
    for (const [what, target] of Object.entries(targets)) {
      const response = await handOver(supervisor, entry, target.id);
      expect(response.statusCode, what).toBe(422);
      expect(response.json().code, what).toBe('prevention.register_handover_target');
    }
    const unknown = await handOver(supervisor, entry, '00000000-0000-4000-8000-000000000000');
    expect(unknown.json().code).toBe('prevention.register_handover_target');
    const same = await handOver(supervisor, entry, entry.officer.id);
    expect(same.statusCode).toBe(422);
    expect(same.json().code).toBe('prevention.register_handover_same_officer');
    await expectUnchanged(entry);
  });

  it('requires a reason of 10 to 1000 characters, with a clear problem (400)', async () => {
    const entry = await entryIn(t, ALMATY);
    const next = await staffIn(t, ALMATY, ['officer']);
    for (const reason of ['', 'moved', '   too short   ', 'x'.repeat(1001)]) {
      const response = await handOver(entry.officer, entry, next.id, reason);
      expect(response.statusCode, reason).toBe(400);
      expect(response.json().code, reason).toBe('prevention.register_handover_reason');
    }
    // The title is in the officer's own language (Kazakh for the test staff).
    const titled = await handOver(entry.officer, entry, next.id, 'short');
    expect(titled.json().title).toBe('Беру себебін 10–1000 таңбамен жазыңыз');
    await expectUnchanged(entry);
  });

  it('moves an entry only from the officer it was read with, so of two handovers at once one loses', async () => {
    const entry = await entryIn(t, ALMATY);
    const [first, second] = [await staffIn(t, ALMATY, ['officer']), await staffIn(t, ALMATY, ['officer'])];
    const now = new Date();
    expect(await moveResponsibility(t.database.db, { id: entry.id, from: entry.officer.id, to: first.id, now })).toBe(true);
    // The second handover read the entry while it was still the first officer's.
    expect(await moveResponsibility(t.database.db, { id: entry.id, from: entry.officer.id, to: second.id, now })).toBe(false);
    expect(await responsibleOf(entry)).toBe(first.id);
  });
});
