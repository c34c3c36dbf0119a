import type { Jurisdiction, Language, Role } from '../../common/roles.js';

export type ApiKeyKind = 'open311' | 'device' | 'partner';

/** Who is calling. Every request has one; routes decide what each kind may do. */
export type Actor =
  | {
      kind: 'user';
      userId: string;
      username: string;
      roles: Role[];
      jurisdiction: Jurisdiction;
      language: Language;
      sessionId: string;
    }
  | { kind: 'apiKey'; keyId: string; keyKind: ApiKeyKind; name: string; jurisdiction: Jurisdiction }
  | { kind: 'anonymous' };

export const COUNTRY: Jurisdiction = { level: 'country', regionId: null, districtId: null, beatId: null };

/** Where a record sits; fields it does not have are null. */
export interface Place {
  regionId: string | null;
  districtId?: string | null;
  beatId?: string | null;
}

/** Does the jurisdiction include the place? A place without a region is national. */
export function covers(jurisdiction: Jurisdiction, place: Place): boolean {
  switch (jurisdiction.level) {
    case 'country':
      return true;
    case 'region':
      return place.regionId === jurisdiction.regionId;
    case 'district':
      return place.districtId === jurisdiction.districtId;
    case 'beat':
      return place.beatId === jurisdiction.beatId;
  }
}

/** Is `inner` the same as or inside `outer`? Used when an admin grants a jurisdiction. */
export function contains(outer: Jurisdiction, inner: Jurisdiction): boolean {
  const order = ['country', 'region', 'district', 'beat'];
  if (order.indexOf(inner.level) < order.indexOf(outer.level)) return false;
  return covers(outer, inner);
}

/** The column equalities that restrict a list to a jurisdiction; empty for the whole country. */
export function jurisdictionFilter(jurisdiction: Jurisdiction): {
  regionId?: string;
  districtId?: string;
  beatId?: string;
} {
  switch (jurisdiction.level) {
    case 'country':
      return {};
    case 'region':
      return { regionId: jurisdiction.regionId ?? '' };
    case 'district':
      return { districtId: jurisdiction.districtId ?? '' };
    case 'beat':
      return { beatId: jurisdiction.beatId ?? '' };
  }
}

export function actorId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : actor.kind === 'apiKey' ? actor.keyId : null;
}
