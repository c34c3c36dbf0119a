import type { Db } from '../../db/connection.js';
import { recordedIncidentsForMonth } from '../incidents/index.js';
import * as store from './place-safety-store.js';
import { persistentIdsOf } from './publish.js';

/** The rating looks back over this many published months. */
export const RATING_MONTHS = 12;

export interface CountDeps {
  db: Db;
  /** AMAN_SECRET_KEY: matches incidents to the persistent ids of months published before their points were frozen. */
  secretKey: Buffer;
}

/**
 * Freezes the true points of a month published before points were frozen with the month
 * (migration 0070), once: the incidents whose persistent ids the month published, at their
 * points as they are now. A crime cancelled since then can no longer be placed and is left out;
 * every month published since is frozen whole at publication.
 */
async function freezeOlderMonth(deps: CountDeps, month: string): Promise<void> {
  const published = await store.publishedPersistentIds(deps.db, month);
  const persistentId = persistentIdsOf(deps.secretKey);
  const points = (await recordedIncidentsForMonth(deps.db, month)).flatMap((incident) => {
    const id = persistentId(incident.id);
    return published.has(id) && incident.lon !== null && incident.lat !== null
      ? [{ persistentId: id, point: [incident.lon, incident.lat] as [number, number] }]
      : [];
  });
  await deps.db.transaction().execute((trx) => store.recordTruePoints(trx, month, points));
}

/**
 * Makes sure each place has its counts for the last RATING_MONTHS published months, worked out
 * from each month's published snapshot (a new place, an edited outline, a newly published month);
 * returns the months. Incidents re-categorised or cancelled after publication change nothing.
 */
export async function ensurePlaceCounts(deps: CountDeps, places: readonly { id: string }[]): Promise<string[]> {
  const months = await store.latestPublishedMonths(deps.db, RATING_MONTHS);
  const done = await store.countedMonths(
    deps.db,
    places.map((p) => p.id),
    months,
  );
  const unfrozen = new Set(await store.monthsWithoutPoints(deps.db, months));
  for (const month of months) {
    const missing = places.filter((p) => !done.has(`${p.id}|${month}`));
    if (missing.length === 0) continue;
    if (unfrozen.has(month)) await freezeOlderMonth(deps, month);
    const counts = await store.countPublishedInside(
      deps.db,
      month,
      missing.map((p) => p.id),
    );
    await store.saveMonthCounts(
      deps.db,
      month,
      missing.map((p) => ({ placeId: p.id, byCategory: counts.get(p.id)! })),
    );
  }
  return months;
}
