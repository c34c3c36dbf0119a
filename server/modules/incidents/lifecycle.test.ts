import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCrypto } from '../../secrets/field-crypto.js';
import { buildTestApp, createStaff, type TestApp } from '../../test/app.js';
import { insertLocatedIncident } from '../../test/dispatch-fixtures.js';
import { advanceIncident, canMoveIncident, followIncident } from './lifecycle.js';
import { openNotes, type StoredSystemNote } from './system-notes.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

const ALMATY = '750000000';
const ASTANA = '710000000';
const system = { kind: 'system' as const, id: null };

async function timeline(id: string) {
  const rows = await sql<{
    status: string;
    public_text: string | null;
    internal_note_enc: string | null;
    system_notes: StoredSystemNote[] | null;
  }>`
    select status, public_text, internal_note_enc, system_notes from incident_timeline where incident_id = ${id} order by at, id`.execute(
    t.database.db,
  );
  const fieldCrypto = createFieldCrypto(t.keys.secretKey);
  return rows.rows.map(({ internal_note_enc: sealed, system_notes: notes, ...entry }) => ({
    ...entry,
    internal_note: sealed === null ? null : fieldCrypto.decrypt(sealed),
    system_notes: notes === null ? null : openNotes(fieldCrypto, notes),
  }));
}

async function events(id: string) {
  const rows = await sql<{ type: string; payload: Record<string, unknown> }>`
    select type, payload from domain_events where payload->>'incidentId' = ${id} order by id`.execute(t.database.db);
  return rows.rows;
}

describe('incident lifecycle rules', () => {
  it('runs new → triaged → dispatched → en route → on scene → resolved → closed', () => {
    const path = ['new', 'triaged', 'dispatched', 'en_route', 'on_scene', 'resolved', 'closed'] as const;
    for (let i = 0; i + 1 < path.length; i++) expect(canMoveIncident(path[i]!, path[i + 1]!)).toBe(true);
  });

  it('lets an open incident be cancelled, and nothing leave closed, cancelled or merged', () => {
    for (const open of ['new', 'triaged', 'dispatched', 'en_route', 'on_scene', 'resolved'] as const) {
      expect(canMoveIncident(open, 'cancelled')).toBe(true);
    }
    for (const ended of ['closed', 'cancelled', 'merged'] as const) {
      expect(canMoveIncident(ended, 'new')).toBe(false);
      expect(canMoveIncident(ended, 'dispatched')).toBe(false);
    }
  });

  it('closes only a resolved incident', () => {
    expect(canMoveIncident('on_scene', 'closed')).toBe(false);
    expect(canMoveIncident('new', 'closed')).toBe(false);
  });
});

describe('advanceIncident', () => {
  it('updates the status, timestamps it on the timeline and publishes incident.status_changed', async () => {
    const id = await insertLocatedIncident(t, ALMATY);
    const at = new Date();
    await t.database.db.transaction().execute((trx) =>
      advanceIncident(trx, {
        incidentId: id,
        to: 'triaged',
        at,
        actor: system,
        internalNoteEnc: createFieldCrypto(t.keys.secretKey).encrypt('checked by phone'),
      }),
    );
    const row = await t.database.db.selectFrom('incidents').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('triaged');
    expect(await timeline(id)).toEqual([
      { status: 'triaged', public_text: null, internal_note: 'checked by phone', system_notes: null },
    ]);
    expect(await events(id)).toEqual([
      { type: 'incident.status_changed', payload: { incidentId: id, from: 'new', to: 'triaged' } },
    ]);
  });

  it('refuses a transition the rules do not allow, and changes nothing', async () => {
    const id = await insertLocatedIncident(t, ALMATY);
    await expect(
      t.database.db
        .transaction()
        .execute((trx) => advanceIncident(trx, { incidentId: id, to: 'closed', at: new Date(), actor: system })),
    ).rejects.toMatchObject({ code: 'incident.invalid_transition' });
    expect(await timeline(id)).toEqual([]);
  });

  it('refuses a cancel without a reason', async () => {
    const id = await insertLocatedIncident(t, ALMATY);
    await expect(
      t.database.db
        .transaction()
        .execute((trx) => advanceIncident(trx, { incidentId: id, to: 'cancelled', at: new Date(), actor: system })),
    ).rejects.toMatchObject({ code: 'incident.reason_required' });
  });

  it('lets a unit move an incident forward but never back', async () => {
    const id = await insertLocatedIncident(t, ALMATY);
    const step = (to: 'dispatched' | 'en_route' | 'on_scene') =>
      t.database.db.transaction().execute((trx) => followIncident(trx, { incidentId: id, to, at: new Date(), actor: system }));
    expect((await step('dispatched')).status).toBe('dispatched');
    expect((await step('en_route')).status).toBe('en_route');
    const second = await step('dispatched');
    expect(second).toMatchObject({ moved: false, status: 'en_route' });
    expect((await timeline(id)).map((e) => e.status)).toEqual(['dispatched', 'en_route', 'en_route']);
  });
});

describe('operator routes', () => {
  it('triages a new incident and overrides its priority, on the record', async () => {
    const operator = await createStaff(t, ['operator'], { level: 'region', regionId: ALMATY });
    const id = await insertLocatedIncident(t, ALMATY);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${id}/triage`,
      headers: { cookie: operator.cookie },
      payload: { priority: 1, internalNote: 'child heard crying' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id, status: 'triaged', priority: 1 });
    expect((await events(id)).map((e) => e.type).sort()).toEqual(['incident.priority_changed', 'incident.status_changed']);
    const audit = await sql<{ action: string; details: Record<string, unknown> }>`
      select action, details from audit_inbox where target_id = ${id} and action = 'incident.priority'`.execute(t.database.db);
    expect(audit.rows).toEqual([{ action: 'incident.priority', details: { from: 2, to: 1 } }]);
  });

  it('cancels an open incident with a reason, which the reporter never sees', async () => {
    const operator = await createStaff(t, ['supervisor'], { level: 'region', regionId: ALMATY });
    const id = await insertLocatedIncident(t, ALMATY);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${id}/status`,
      headers: { cookie: operator.cookie },
      payload: { status: 'cancelled', reason: 'hoax call, caller known' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe('cancelled');
    const [entry] = await timeline(id);
    expect(entry).toEqual({
      status: 'cancelled',
      public_text: null,
      internal_note: null,
      system_notes: [{ kind: 'reason', text: 'hoax call, caller known' }],
    });
    // A reason names people as often as a note does: sealed at rest, and the audit entry records
    // only that one was given.
    const atRest = await sql<{ text: string }>`
      select concat_ws(' ',
        (select string_agg(system_notes::text, ' ') from incident_timeline where incident_id = ${id}),
        (select string_agg(details::text, ' ') from audit_inbox where target_id = ${id}),
        (select string_agg(details::text, ' ') from audit_log where target_id = ${id})) as text`.execute(t.database.db);
    expect(atRest.rows[0]!.text).not.toContain('caller known');
    expect(atRest.rows[0]!.text).toContain('reasonGiven');
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/v1/incidents/${id}/detail`,
      headers: { cookie: operator.cookie },
    });
    expect(detail.json().timeline.at(-1).systemNotes).toEqual([{ kind: 'reason', text: 'hoax call, caller known' }]);
  });

  it('answers a cancel without a reason with 422 and a close before resolution with 409', async () => {
    const operator = await createStaff(t, ['operator'], { level: 'region', regionId: ALMATY });
    const id = await insertLocatedIncident(t, ALMATY);
    const post = (payload: object) =>
      t.app.inject({ method: 'POST', url: `/api/v1/incidents/${id}/status`, headers: { cookie: operator.cookie }, payload });
    const noReason = await post({ status: 'cancelled' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().code).toBe('incident.reason_required');
    const early = await post({ status: 'closed' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('incident.invalid_transition');
  });

  it('hides another region’s incident and refuses an officer', async () => {
    const operator = await createStaff(t, ['operator'], { level: 'region', regionId: ALMATY });
    const officer = await createStaff(t, ['officer'], { level: 'region', regionId: ALMATY });
    const elsewhere = await insertLocatedIncident(t, ASTANA);
    const outside = await t.app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${elsewhere}/triage`,
      headers: { cookie: operator.cookie },
      payload: { priority: 1 },
    });
    expect(outside.statusCode).toBe(404);
    const here = await insertLocatedIncident(t, ALMATY);
    const wrongRole = await t.app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${here}/triage`,
      headers: { cookie: officer.cookie },
      payload: { priority: 1 },
    });
    expect(wrongRole.statusCode).toBe(403);
  });
});
