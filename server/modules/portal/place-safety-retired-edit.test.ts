import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { insertRetiredPlace, placeBody } from '../../test/place-safety-fixtures.js';

const ALMATY = '750000000';
const ADMIN = '/api/v1/portal-admin/places';

let t: TestApp;
let supervisor: TestStaff;
beforeAll(async () => {
  t = await buildTestApp();
  supervisor = await createStaff(t, ['supervisor'], { level: 'region', regionId: ALMATY });
});
afterAll(async () => {
  await t.app.close();
});

const edit = (id: string, lang = 'en') =>
  t.app.inject({
    method: 'PUT',
    url: `${ADMIN}/${id}?lang=${lang}`,
    payload: { ...placeBody(ALMATY), kind: 'station', names: { kk: 'Вокзал', ru: 'Вокзал', en: 'Station' } },
    headers: { cookie: supervisor.cookie },
  });

/** Everything an edit could change, as stored, and the place's audit trail. */
const stored = async (id: string) => ({
  place: await t.database.db
    .selectFrom('portal_places')
    .select(['kind', 'names', 'radius_m', 'area_ha', 'visitor_hours_per_month', 'updated_at', 'retired_at', 'retire_reason'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow(),
  audited: (await t.database.db.selectFrom('audit_inbox').select('action').where('target_id', '=', id).execute()).map(
    (a) => a.action,
  ),
});

describe('editing a retired place', () => {
  it('refuses with a 409 in kk, ru and en and changes nothing, until the place is restored', async () => {
    const id = await insertRetiredPlace(t, ALMATY);
    const before = await stored(id);
    const titles = {
      kk: 'Бұл орын рейтингтен алынған: оны өзгерту үшін алдымен қайтарыңыз',
      ru: 'Это место снято с рейтинга: чтобы изменить его, сначала верните его',
      en: 'This place has been retired: restore it before you edit it',
    };
    for (const [lang, title] of Object.entries(titles)) {
      const refused = await edit(id, lang);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'portal.place_retired_not_editable', title });
    }
    // The same kind, names, outline and visitor figure, still retired for the same reason, and no audit entry.
    expect(await stored(id)).toEqual(before);

    const restored = await t.app.inject({
      method: 'POST',
      url: `${ADMIN}/${id}/restore`,
      headers: { cookie: supervisor.cookie },
    });
    expect(restored.statusCode).toBe(200);
    const edited = await edit(id);
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ kind: 'station', names: { en: 'Station' }, retired: null });
  });
});
