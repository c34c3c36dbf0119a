import { randomBytes } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import type { TestApp } from './app.js';
import type { JurisdictionProbe } from './jurisdiction-fixtures.js';
import { resolvePoint } from '../modules/geo/index.js';

// Helpers for the place-safety tests, writing rows through the module's store: the routes that
// make them have their own tests. The same two regions as jurisdiction-fixtures.ts: Almaty answers, Astana is hidden.
const HOME = '750000000';
const OTHER = '710000000';

/** A point in central Almaty and one in central Astana, each inside a demo beat. */
export const CENTRES: Record<string, [number, number]> = {
  [HOME]: [76.9458, 43.2383],
  [OTHER]: [71.4304, 51.1282],
};

type Kind = 'park' | 'mall' | 'market' | 'station' | 'entertainment';

/** A circular place of the given kind around a city's centre point (or the one given), written directly. */
export async function insertPlace(
  t: TestApp,
  regionId: string,
  options: { kind?: Kind; centre?: [number, number]; radiusM?: number; visitors?: number | null } = {},
): Promise<string> {
  const [lon, lat] = options.centre ?? CENTRES[regionId]!;
  const located = await resolvePoint(t.database.db, { lon, lat });
  if (!located?.districtId) throw new Error(`no district at ${lon},${lat}`);
  const radiusM = options.radiusM ?? 100;
  const tag = randomBytes(3).toString('hex');
  const names = JSON.stringify({ kk: `Саябақ ${tag}`, ru: `Парк ${tag}`, en: `Park ${tag}` });
  const visitors = options.visitors ?? null;
  const { rows } = await sql<{ id: string }>`
    with o as (
      select ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)::geography, ${radiusM}, 24)::geometry) as g)
    insert into portal_places (kind, names, region_id, district_id, beat_id, geom, centre, radius_m, area_ha,
      visitor_hours_per_month, visitor_source, visitor_as_of, created_at, updated_at)
    select ${options.kind ?? 'park'}, ${names}::jsonb, ${located.regionId}, ${located.districtId}, ${located.beatId},
      g, ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326), ${radiusM}, ST_Area(g::geography) / 10000,
      ${visitors}::integer, ${visitors === null ? null : 'test count'}, ${visitors === null ? null : '2026-10-01'}::date,
      now(), now()
    from o
    returning id`.execute(t.database.db);
  return rows[0]!.id;
}

/** A place of the region, retired with a reason (as the retire route would leave it). */
export async function insertRetiredPlace(t: TestApp, regionId: string): Promise<string> {
  const id = await insertPlace(t, regionId);
  await t.database.db
    .updateTable('portal_places')
    .set({ retired_at: new Date(), retire_reason: 'Closed for rebuilding' })
    .where('id', '=', id)
    .execute();
  return id;
}

/** A review held for moderation on a new place of the region. */
export async function insertHeldReview(t: TestApp, regionId: string): Promise<string> {
  const placeId = await insertPlace(t, regionId);
  const row = await t.database.db
    .insertInto('portal_place_reviews')
    .values({
      place_id: placeId,
      stars: 1,
      text: `Visit www.example.com ${randomBytes(3).toString('hex')}`,
      display_name: null,
      text_hash: null,
      language: 'en',
      flags: ['link'],
      state: 'pending',
      received_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const ADMIN = '/api/v1/portal-admin/places';
const REVIEWS = '/api/v1/portal-admin/place-reviews';

/** A place's body for the editor routes: a circle at the city's centre. */
export function placeBody(regionId: string) {
  const [lon, lat] = CENTRES[regionId]!;
  return {
    kind: 'park',
    names: { kk: 'Жаңа саябақ', ru: 'Новый парк', en: 'New park' },
    outline: { type: 'Circle', centre: [lon, lat], radiusM: 120 },
    visitors: { hoursPerMonth: 40_000, source: 'turnstiles', asOf: '2026-10-01' },
  };
}

function onPlaces(build: (id: string) => InjectOptions) {
  return async (t: TestApp): Promise<JurisdictionProbe> => ({
    kind: 'item',
    inside: build(await insertPlace(t, HOME)),
    outside: build(await insertPlace(t, OTHER)),
  });
}

function onReviews(action: string, payload: object) {
  return async (t: TestApp): Promise<JurisdictionProbe> => ({
    kind: 'item',
    inside: { method: 'POST', url: `${REVIEWS}/${await insertHeldReview(t, HOME)}/${action}`, payload },
    outside: { method: 'POST', url: `${REVIEWS}/${await insertHeldReview(t, OTHER)}/${action}`, payload },
  });
}

/** Jurisdiction probes for the place-safety staff routes (spread into JURISDICTION_FIXTURES). */
export const PLACE_SAFETY_FIXTURES: Record<string, (t: TestApp) => Promise<JurisdictionProbe>> = {
  [`GET ${ADMIN}`]: async (t) => {
    const req = { method: 'GET' as const, url: ADMIN };
    return {
      kind: 'list',
      inside: req,
      outside: req,
      insideId: await insertPlace(t, HOME),
      outsideId: await insertPlace(t, OTHER),
    };
  },
  [`POST ${ADMIN}`]: async () => ({
    kind: 'create',
    inside: { method: 'POST', url: ADMIN, payload: placeBody(HOME) },
    outside: { method: 'POST', url: ADMIN, payload: placeBody(OTHER) },
  }),
  [`GET ${ADMIN}/:id`]: onPlaces((id) => ({ method: 'GET', url: `${ADMIN}/${id}` })),
  [`PUT ${ADMIN}/:id`]: onPlaces((id) => ({ method: 'PUT', url: `${ADMIN}/${id}`, payload: placeBody(HOME) })),
  [`POST ${ADMIN}/:id/retire`]: onPlaces((id) => ({
    method: 'POST',
    url: `${ADMIN}/${id}/retire`,
    payload: { reason: 'The market closed for good' },
  })),
  [`POST ${ADMIN}/:id/restore`]: async (t) => ({
    kind: 'item',
    inside: { method: 'POST', url: `${ADMIN}/${await insertRetiredPlace(t, HOME)}/restore` },
    outside: { method: 'POST', url: `${ADMIN}/${await insertRetiredPlace(t, OTHER)}/restore` },
  }),
  [`GET ${REVIEWS}`]: async (t) => {
    const req = { method: 'GET' as const, url: REVIEWS };
    return {
      kind: 'list',
      inside: req,
      outside: req,
      insideId: await insertHeldReview(t, HOME),
      outsideId: await insertHeldReview(t, OTHER),
    };
  },
  [`POST ${REVIEWS}/:id/approve`]: onReviews('approve', {}),
  [`POST ${REVIEWS}/:id/reject`]: onReviews('reject', { reason: 'spam' }),
};
