import { sql } from 'kysely';
import { covers } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { boundaries, normaliseJurisdiction, resolvePoint } from '../geo/index.js';
import type { PreventionDeps } from './deps.js';
import type { CreateCaseRequest } from './schema.js';
import type { Caller } from './scope.js';

export interface CasePlace {
  regionId: string;
  districtId: string;
  beatId: string;
  lon: number;
  lat: number;
}

/**
 * A point surely inside the beat (PostGIS's point on surface of its outline), for a case whose
 * officer chose the beat rather than the exact home: the case's place is then the beat, not the house.
 */
async function pointInBeat(deps: PreventionDeps, beatId: string): Promise<CasePlace | undefined> {
  const beat = await normaliseJurisdiction(deps.db, { level: 'beat', regionId: null, districtId: null, beatId });
  if (!beat?.regionId) return undefined;
  const outlines = await boundaries(deps.db, 'beat', 'en', beat.regionId);
  const outline = outlines.features.find((f) => f.properties.id === beatId);
  if (!outline) return undefined;
  const found = await sql<{ lon: number; lat: number }>`
    with p as (select ST_PointOnSurface(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(outline.geometry)}), 4326)) g)
    select ST_X(g) lon, ST_Y(g) lat from p`.execute(deps.db);
  const point = found.rows[0];
  const place = point && (await resolvePoint(deps.db, point));
  return place && place.beatId === beatId ? { ...place, lon: point.lon, lat: point.lat } : undefined;
}

/**
 * Where a new case sits: the victim's home when the officer placed it, else the chosen beat.
 * Either must lie in the officer's jurisdiction.
 */
export async function placeOfCase(deps: PreventionDeps, caller: Caller, input: CreateCaseRequest): Promise<CasePlace> {
  if ((input.location === undefined) === (input.beatId === undefined)) {
    throw new AppError('request.invalid', { detail: 'give either location or beatId' });
  }
  let place: CasePlace | undefined;
  if (input.location) {
    const [lon = NaN, lat = NaN] = input.location.coordinates;
    const resolved = await resolvePoint(deps.db, { lon, lat });
    if (!resolved) throw new AppError('geo.outside_kazakhstan');
    place = { ...resolved, lon, lat };
  } else {
    place = await pointInBeat(deps, input.beatId!);
    if (!place) throw new AppError('jurisdiction.invalid');
  }
  if (!covers(caller.user.jurisdiction, place)) throw new AppError('jurisdiction.outside');
  return place;
}
