import crypto from 'node:crypto';
import { cellToLatLng, getResolution } from 'h3-js';
import { categoryByCode } from '../../../common/categories.js';
import type { Db } from '../../db/connection.js';
import { listBeats, listDistricts, type District } from '../geo/index.js';
import { recordedIncidentsForMonth, type RecordedIncident } from '../incidents/index.js';
import { forgetSnapshot } from './aggregate-cache.js';
import { anonymisedCells } from './anonymise.js';
import { recordTruePoints } from './place-safety-store.js';
import { publishedAreaCounts, type AreaGeography } from './area-counts.js';
import { SENSITIVE_CATEGORIES, STREET_CATEGORIES, onOrNear, outcomeOf } from './police-uk.js';
import * as store from './store.js';

export interface PublishDeps {
  db: Db;
  /** AMAN_SECRET_KEY: persistent ids and the choice of hidden cells are keyed with it, so neither can be recomputed outside. */
  secretKey: Buffer;
  clock: () => Date;
}

export interface PublicationGeography extends AreaGeography {
  districts: readonly District[];
}

/** Every district and beat, read once for a run of publications. */
export async function loadPublicationGeography(db: Db): Promise<PublicationGeography> {
  const districts = await listDistricts(db);
  const beats = [];
  for (const d of districts) {
    for (const b of (await listBeats(db, d.id, 'en')) ?? []) beats.push({ id: b.id, districtId: b.districtId });
  }
  return { districts, beats };
}

function subkey(secretKey: Buffer, purpose: string): Buffer {
  return crypto.createHmac('sha256', secretKey).update(`aman portal ${purpose}`).digest();
}

/** A crime's persistent id from its incident's id, keyed so that it cannot be recomputed outside. */
export function persistentIdsOf(secretKey: Buffer): (incidentId: string) => string {
  const idKey = subkey(secretKey, 'persistent id');
  return (incidentId) => crypto.createHmac('sha256', idKey).update(incidentId).digest('hex');
}

interface Prepared {
  locations: store.LocationInsert[];
  crimes: (Omit<store.CrimeInsert, 'locationId'> & { cell: string | null; truePoint: [number, number] | null })[];
  areaCounts: ReturnType<typeof publishedAreaCounts>;
}

/** Everything a month publishes, worked out before the transaction that writes it. */
function prepare(
  month: string,
  incidents: readonly RecordedIncident[],
  geography: PublicationGeography,
  secretKey: Buffer,
): Prepared {
  const persistentId = persistentIdsOf(secretKey);
  const rankKey = subkey(secretKey, 'suppression rank');
  const street: (RecordedIncident & { slug: string })[] = [];
  const sensitive: RecordedIncident[] = [];
  for (const incident of incidents) {
    const category = categoryByCode(incident.category);
    if (category?.sensitive) sensitive.push(incident);
    else if (category?.policeUk) street.push({ ...incident, slug: category.policeUk });
  }

  // A point needs a district for its "on or near" name; one without is published without a location.
  const cells = anonymisedCells(
    street.flatMap((c) => (c.lon !== null && c.lat !== null && c.districtId ? [{ id: c.id, lon: c.lon, lat: c.lat }] : [])),
  );
  const tally = new Map<string, Map<string, number>>();
  for (const crime of street) {
    const cell = cells.get(crime.id);
    if (!cell || !crime.districtId) continue;
    const districts = tally.get(cell) ?? new Map<string, number>();
    districts.set(crime.districtId, (districts.get(crime.districtId) ?? 0) + 1);
    tally.set(cell, districts);
  }
  const districtById = new Map(geography.districts.map((d) => [d.id, d]));
  const locations: store.LocationInsert[] = [];
  for (const [h3, districts] of tally) {
    // Named after the district most of its crimes were recorded in (the lowest id on a tie).
    const [districtId] = [...districts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    const district = districtById.get(districtId);
    if (!district) continue;
    const [lat, lon] = cellToLatLng(h3);
    locations.push({
      h3,
      resolution: getResolution(h3),
      lon,
      lat,
      regionId: district.regionId,
      districtId,
      names: onOrNear(district.names),
    });
  }
  const named = new Set(locations.map((l) => l.h3));

  const rank = (category: string, cellId: string) =>
    crypto.createHmac('sha256', rankKey).update(`${month}|${category}|${cellId}`).digest().readUInt32BE(0);
  const counted = (c: RecordedIncident, category: string) => ({
    category,
    regionId: c.regionId,
    districtId: c.districtId,
    beatId: c.beatId,
  });
  return {
    locations,
    crimes: street.map((c) => {
      const cell = cells.get(c.id) ?? null;
      return {
        persistentId: persistentId(c.id),
        category: c.slug,
        regionId: c.regionId,
        cell: cell && named.has(cell) ? cell : null,
        outcomeCode: outcomeOf(c.status),
        // Kept on the server, beside the snapshot, so places are counted from what was published.
        truePoint: c.lon !== null && c.lat !== null ? [c.lon, c.lat] : null,
      };
    }),
    areaCounts: [
      ...publishedAreaCounts({
        crimes: street.map((c) => counted(c, c.slug)),
        categories: STREET_CATEGORIES,
        geography,
        depth: 'beat',
        // A force's street-level crimes can be counted from crimes-street and crimes-no-location.
        publicLevels: ['country', 'region'],
        rank,
      }),
      ...publishedAreaCounts({
        crimes: sensitive.map((c) => counted(c, c.category)),
        categories: SENSITIVE_CATEGORIES,
        geography,
        depth: 'district',
        rank,
      }),
    ],
  };
}

/**
 * Publishes one month ('YYYY-MM') as a snapshot that never changes: a month already published
 * is left as it is (`published: false`). Safe to run on several nodes at once: the month's row
 * is claimed first, in the same transaction as everything written.
 */
export async function publishMonth(
  deps: PublishDeps,
  month: string,
  geography?: PublicationGeography,
): Promise<{ month: string; published: boolean; crimes: number }> {
  if (await store.isPublished(deps.db, month)) return { month, published: false, crimes: 0 };
  const prepared = prepare(
    month,
    await recordedIncidentsForMonth(deps.db, month),
    geography ?? (await loadPublicationGeography(deps.db)),
    deps.secretKey,
  );
  const result = await deps.db.transaction().execute(async (trx) => {
    if (!(await store.claimMonth(trx, month, deps.clock()))) return { month, published: false, crimes: 0 };
    const locationIds = await store.upsertLocations(trx, prepared.locations);
    await store.insertCrimes(
      trx,
      month,
      prepared.crimes.map(({ cell, truePoint: _, ...crime }) => ({
        ...crime,
        locationId: cell ? (locationIds.get(cell) ?? null) : null,
      })),
    );
    await recordTruePoints(
      trx,
      month,
      prepared.crimes.flatMap((c) => (c.truePoint ? [{ persistentId: c.persistentId, point: c.truePoint }] : [])),
    );
    await store.insertAreaCounts(trx, month, prepared.areaCounts);
    await store.setMonthTotal(trx, month, prepared.crimes.length);
    return { month, published: true, crimes: prepared.crimes.length };
  });
  // This node's public answers are made from the months published before; other nodes see it within a second.
  if (result.published) forgetSnapshot(deps.db);
  return result;
}

/** The `count` whole months before the one `now` falls in (Kazakhstan time, UTC+5), oldest first. */
export function completedMonthsBefore(now: Date, count: number): string[] {
  const local = new Date(now.getTime() + 5 * 3_600_000);
  const current = local.getUTCFullYear() * 12 + local.getUTCMonth();
  return Array.from({ length: count }, (_, i) => {
    const index = current - count + i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/** Publishes each of the `count` whole months before now that is not yet published; returns those it published. */
export async function publishCompletedMonths(deps: PublishDeps, count: number): Promise<string[]> {
  const geography = await loadPublicationGeography(deps.db);
  const done: string[] = [];
  for (const month of completedMonthsBefore(deps.clock(), count)) {
    if ((await publishMonth(deps, month, geography)).published) done.push(month);
  }
  return done;
}
