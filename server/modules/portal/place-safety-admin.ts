import type { Language } from '../../../common/roles.js';
import type { Db } from '../../db/connection.js';
import { covers, jurisdictionFilter } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { resolvePoint } from '../geo/index.js';
import type { Staff } from './chief-reports.js';
import { areaNames, type PlaceSafetyDeps } from './place-safety.js';
import type { PlaceOutline, PlaceWrite, StaffPlace, StaffReview } from './place-safety-schema.js';
import * as store from './place-safety-store.js';

/** The largest place the editor accepts: a park or market of 100 km² is a typing mistake, not a place. */
const MAX_AREA_HA = 10_000;
const MODERATION_PAGE = 200;

type Executor = Parameters<typeof recordAudit>[0];

async function audit(
  db: Executor,
  staff: Staff,
  action: string,
  target: { type: string; id: string },
  regionId: string,
  details: Record<string, unknown>,
) {
  await recordAudit(db, {
    action,
    outcome: 'success',
    actor: { kind: 'user', id: staff.userId },
    target,
    regionId,
    ip: staff.ip,
    details,
  });
}

function isClosed(ring: readonly (readonly number[])[]): boolean {
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  return first[0] === last[0] && first[1] === last[1];
}

/**
 * The outline as SQL with its area and a point inside it, and the region, district and beat
 * that point lies in (the geo module's index). Refuses an outline that is not a valid polygon,
 * is too large, or lies outside the country.
 */
async function locateOutline(db: Db, outline: PlaceOutline) {
  if (outline.type === 'Polygon' && !outline.coordinates.every(isClosed)) {
    throw new AppError('portal.place_invalid_outline', { detail: 'ring not closed' });
  }
  const sqlOutline =
    outline.type === 'Polygon'
      ? store.polygonOutline(JSON.stringify(outline))
      : store.circleOutline(outline.centre[0], outline.centre[1], outline.radiusM);
  const measured = await store.measureOutline(db, sqlOutline);
  if (!measured.valid || !(measured.areaHa > 0) || measured.areaHa > MAX_AREA_HA) {
    throw new AppError('portal.place_invalid_outline', { areaHa: measured.areaHa });
  }
  const centre = outline.type === 'Circle' ? { lon: outline.centre[0], lat: outline.centre[1] } : measured;
  const located = await resolvePoint(db, { lon: centre.lon, lat: centre.lat });
  if (!located?.districtId) throw new AppError('portal.place_outside_country');
  return {
    outline: sqlOutline,
    areaHa: measured.areaHa,
    centre: { lon: centre.lon, lat: centre.lat },
    regionId: located.regionId,
    districtId: located.districtId,
    beatId: located.beatId,
  };
}

async function checkedWrite(db: Db, staff: Staff, input: PlaceWrite): Promise<store.PlaceWrite> {
  const where = await locateOutline(db, input.outline);
  if (!covers(staff.jurisdiction, where)) throw new AppError('jurisdiction.outside');
  return {
    kind: input.kind,
    names: { kk: input.names.kk.trim(), ru: input.names.ru.trim(), en: input.names.en.trim() },
    regionId: where.regionId,
    districtId: where.districtId,
    beatId: where.beatId,
    outline: where.outline,
    centre: where.centre,
    radiusM: input.outline.type === 'Circle' ? input.outline.radiusM : null,
    areaHa: where.areaHa,
    visitors: input.visitors && { ...input.visitors, source: input.visitors.source.trim() },
  };
}

const inArea = (staff: Staff, row: { region_id: string; district_id: string; beat_id: string | null }) =>
  covers(staff.jurisdiction, { regionId: row.region_id, districtId: row.district_id, beatId: row.beat_id });

/** A place the staff member may act on; one outside their area answers 404, exactly like none. */
async function placeFor(db: Db, staff: Staff, id: string): Promise<store.PlaceRow> {
  const row = await store.placeById(db, id);
  if (!row || !inArea(staff, row)) throw new AppError('portal.place_not_found', { id });
  return row;
}

function outlineOf(row: store.PlaceRow): PlaceOutline {
  if (row.radius_m !== null) return { type: 'Circle', centre: [row.lon, row.lat], radiusM: row.radius_m };
  const shape = JSON.parse(row.outline) as { coordinates: [number, number][][][] };
  return { type: 'Polygon', coordinates: shape.coordinates[0]! };
}

async function presentStaffPlace(db: Db, row: store.PlaceRow, pending: number, language: Language): Promise<StaffPlace> {
  return {
    id: row.id,
    kind: row.kind,
    names: row.names,
    ...(await areaNames(db, row, language)),
    beatId: row.beat_id,
    outline: outlineOf(row),
    areaHa: Math.round(row.area_ha * 10) / 10,
    visitors:
      row.visitor_hours_per_month === null
        ? null
        : { hoursPerMonth: row.visitor_hours_per_month, source: row.visitor_source!, asOf: row.visitor_as_of! },
    pendingReviews: pending,
    updatedAt: row.updated_at.toISOString(),
    retired: row.retired_at && { at: row.retired_at.toISOString(), reason: row.retire_reason! },
  };
}

async function pendingByPlace(db: Db, staff: Staff): Promise<Map<string, number>> {
  const pending = await store.reviewsForModeration(db, jurisdictionFilter(staff.jurisdiction), 'pending', 10_000);
  const counts = new Map<string, number>();
  for (const r of pending) counts.set(r.place_id, (counts.get(r.place_id) ?? 0) + 1);
  return counts;
}

/** The places in the staff member's area, retired ones too, by name. */
export async function listStaffPlaces(deps: PlaceSafetyDeps, staff: Staff, language: Language): Promise<StaffPlace[]> {
  const rows = await store.places(deps.db, { ...jurisdictionFilter(staff.jurisdiction), includeRetired: true });
  const pending = await pendingByPlace(deps.db, staff);
  const items = await Promise.all(rows.map((r) => presentStaffPlace(deps.db, r, pending.get(r.id) ?? 0, language)));
  return items.sort((a, b) => a.names[language].localeCompare(b.names[language], language));
}

export async function staffPlace(deps: PlaceSafetyDeps, staff: Staff, id: string, language: Language): Promise<StaffPlace> {
  const row = await placeFor(deps.db, staff, id);
  return presentStaffPlace(deps.db, row, (await pendingByPlace(deps.db, staff)).get(id) ?? 0, language);
}

/** A new place inside the staff member's area; region, district and beat come from its outline. */
export async function createPlace(deps: PlaceSafetyDeps, staff: Staff, input: PlaceWrite): Promise<string> {
  const write = await checkedWrite(deps.db, staff, input);
  return deps.db.transaction().execute(async (trx) => {
    const id = (await store.insertPlace(trx, write, { at: deps.clock(), by: staff.userId }))!;
    await audit(trx, staff, 'portal.place.created', { type: 'portal_place', id }, write.regionId, {
      kind: write.kind,
      districtId: write.districtId,
      areaHa: Math.round(write.areaHa * 10) / 10,
      visitorHoursPerMonth: write.visitors?.hoursPerMonth ?? null,
    });
    return id;
  });
}

/**
 * Replaces a place's details; a changed outline has its counts worked out again on the next read.
 * A retired place is refused (409) and left as it was: it is restored first, so a place off the
 * public pages keeps the details it was retired with until someone decides to bring it back.
 */
export async function editPlace(deps: PlaceSafetyDeps, staff: Staff, id: string, input: PlaceWrite): Promise<void> {
  const before = await placeFor(deps.db, staff, id);
  if (before.retired_at !== null) throw new AppError('portal.place_retired_not_editable', { id });
  const write = await checkedWrite(deps.db, staff, input);
  await deps.db.transaction().execute(async (trx) => {
    const locked = await store.lockPlace(trx, id);
    if (!locked) throw new AppError('portal.place_not_found', { id });
    // Retired by someone else while this edit was being checked.
    if (locked.retired_at !== null) throw new AppError('portal.place_retired_not_editable', { id });
    const moved = !(await store.sameOutline(trx, id, write.outline));
    await store.updatePlace(trx, id, write, { at: deps.clock(), by: staff.userId });
    if (moved) await store.clearCounts(trx, id);
    await audit(trx, staff, 'portal.place.updated', { type: 'portal_place', id }, write.regionId, {
      kind: write.kind,
      outlineChanged: moved,
      districtId: write.districtId,
      visitorHoursPerMonth: { before: before.visitor_hours_per_month, after: write.visitors?.hoursPerMonth ?? null },
    });
  });
}

const MIN_REASON = 10;

/**
 * Takes a place off the public list, map and page and closes it to reviews; its row, counts and
 * reviews stay, and staff still see it. The reason is not put in the audit entry, whose free
 * text could never be taken back.
 */
export async function retirePlace(deps: PlaceSafetyDeps, staff: Staff, id: string, reason: string): Promise<void> {
  const trimmed = reason.trim();
  if (trimmed.length < MIN_REASON) throw new AppError('request.invalid', { detail: 'reason' });
  const row = await placeFor(deps.db, staff, id);
  await deps.db.transaction().execute(async (trx) => {
    const locked = await store.lockPlace(trx, id);
    if (!locked) throw new AppError('portal.place_not_found', { id });
    if (locked.retired_at !== null) throw new AppError('portal.place_retired', { id });
    await store.setRetired(trx, id, { at: deps.clock(), by: staff.userId, reason: trimmed });
    await audit(trx, staff, 'portal.place.retired', { type: 'portal_place', id }, row.region_id, {
      districtId: row.district_id,
      reasonLength: trimmed.length,
    });
  });
}

/** Puts a retired place back on the public pages, open to reviews again. */
export async function restorePlace(deps: PlaceSafetyDeps, staff: Staff, id: string): Promise<void> {
  const row = await placeFor(deps.db, staff, id);
  await deps.db.transaction().execute(async (trx) => {
    const locked = await store.lockPlace(trx, id);
    if (!locked) throw new AppError('portal.place_not_found', { id });
    if (locked.retired_at === null) throw new AppError('portal.place_not_retired', { id });
    await store.setRetired(trx, id, null);
    await audit(trx, staff, 'portal.place.restored', { type: 'portal_place', id }, row.region_id, {
      districtId: row.district_id,
      retiredAt: locked.retired_at.toISOString(),
    });
  });
}

function presentReview(r: store.StaffReviewRow, language: Language): StaffReview {
  return {
    id: r.id,
    placeId: r.place_id,
    placeName: r.place_names[language],
    stars: r.stars,
    text: r.text,
    displayName: r.display_name,
    language: r.language,
    flags: r.flags,
    state: r.state,
    receivedAt: r.received_at.toISOString(),
    moderatedAt: r.moderated_at?.toISOString() ?? null,
    rejectReason: r.reject_reason,
  };
}

/** Reviews in the staff member's area for moderation (unmasked, so the read is audited). */
export async function listReviews(
  deps: PlaceSafetyDeps,
  staff: Staff,
  state: 'pending' | 'approved' | 'rejected',
  language: Language,
): Promise<StaffReview[]> {
  const rows = await store.reviewsForModeration(deps.db, jurisdictionFilter(staff.jurisdiction), state, MODERATION_PAGE);
  await recordAudit(deps.db, {
    action: 'portal.place_reviews.read',
    outcome: 'success',
    actor: { kind: 'user', id: staff.userId },
    target: { type: 'portal_place_reviews', id: state },
    regionId: staff.jurisdiction.regionId ?? null,
    ip: staff.ip,
    details: { state, count: rows.length },
  });
  return rows.map((r) => presentReview(r, language));
}

/** Publishes a held review, or keeps it (or a published one) off the public page. */
export async function moderateReview(
  deps: PlaceSafetyDeps,
  staff: Staff,
  id: string,
  change: { state: 'approved' | 'rejected'; reason: string | null },
  language: Language,
): Promise<StaffReview> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await store.reviewForUpdate(trx, id);
    if (!row || !inArea(staff, row)) throw new AppError('portal.review_not_found', { id });
    if (row.state === change.state || (change.state === 'approved' && row.state !== 'pending')) {
      throw new AppError('portal.review_wrong_state', { state: row.state });
    }
    await store.setReviewState(trx, id, { ...change, at: deps.clock(), by: staff.userId });
    await audit(trx, staff, `portal.place_review.${change.state}`, { type: 'portal_place_review', id }, row.region_id, {
      placeId: row.place_id,
      flags: row.flags,
      from: row.state,
    });
    return presentReview((await store.reviewForUpdate(trx, id))!, language);
  });
}

/**
 * A demo place, located like any other; one whose seed key is already taken, or whose outline
 * falls outside the demo's geography, is skipped. Returns the new place's id, or null.
 */
export async function seedPlace(db: Db, now: Date, seedKey: string, input: PlaceWrite): Promise<string | null> {
  let where;
  try {
    where = await locateOutline(db, input.outline);
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
  return store.insertPlace(
    db,
    {
      kind: input.kind,
      names: input.names,
      ...where,
      radiusM: input.outline.type === 'Circle' ? input.outline.radiusM : null,
      visitors: input.visitors,
    },
    { at: now, by: null, seedKey },
  );
}
