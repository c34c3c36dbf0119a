import type { Language } from '../../../common/roles.js';
import type { Db } from '../../db/connection.js';
import { boundaries, listBeats, listDistricts, listRegions, type District, type Names, type Region } from '../geo/index.js';

/** A neighbourhood is a police beat; data.police.uk's "force" is the region's police department. */
export interface Neighbourhood {
  id: string;
  number: number;
  name: string;
  district: District;
  region: Region;
  /** The district's population shared equally among its beats: beats have no census of their own. */
  population: number;
}

const FORCE_NAMES: Record<Language, (region: string) => string> = {
  kk: (region) => `${region} полиция департаменті`,
  ru: (region) => `Департамент полиции: ${region}`,
  en: (region) => `${region} Police Department`,
};

export function forceName(region: { names: Names }, language: Language): string {
  return FORCE_NAMES[language](region.names[language]);
}

// Reference geography changes only with a release, so it is read once per process.
const regionCache = new WeakMap<Db, Promise<Region[]>>();

export function regions(db: Db): Promise<Region[]> {
  let cached = regionCache.get(db);
  if (!cached) {
    cached = listRegions(db);
    regionCache.set(db, cached);
    cached.catch(() => regionCache.delete(db));
  }
  return cached;
}

export async function findRegion(db: Db, regionId: string): Promise<Region | undefined> {
  return (await regions(db)).find((r) => r.id === regionId);
}

const neighbourhoodCache = new WeakMap<Db, Map<string, Promise<Neighbourhood[] | undefined>>>();

/** The beats of a region with their districts, by district and number; undefined for an unknown region. Cached. */
export function regionNeighbourhoods(db: Db, regionId: string, language: Language): Promise<Neighbourhood[] | undefined> {
  let cache = neighbourhoodCache.get(db);
  if (!cache) neighbourhoodCache.set(db, (cache = new Map()));
  const key = `${regionId}:${language}`;
  let answer = cache.get(key);
  if (!answer) {
    answer = loadNeighbourhoods(db, regionId, language);
    cache.set(key, answer);
    answer.catch(() => cache.delete(key));
  }
  return answer;
}

async function loadNeighbourhoods(db: Db, regionId: string, language: Language): Promise<Neighbourhood[] | undefined> {
  const region = await findRegion(db, regionId);
  if (!region) return undefined;
  const result: Neighbourhood[] = [];
  for (const district of await listDistricts(db, regionId)) {
    const beats = (await listBeats(db, district.id, language)) ?? [];
    for (const beat of beats) {
      result.push({
        id: beat.id,
        number: beat.number,
        name: `${beat.name}, ${district.names[language]}`,
        district,
        region,
        population: Math.round(district.population / beats.length),
      });
    }
  }
  return result;
}

/** One beat, when it lies in the region (or in any region when none is given). */
export async function findNeighbourhood(
  db: Db,
  beatId: string,
  language: Language,
  regionId?: string,
): Promise<Neighbourhood | undefined> {
  const candidates = regionId ? [regionId] : (await regions(db)).map((r) => r.id);
  for (const id of candidates) {
    const found = (await regionNeighbourhoods(db, id, language))?.find((n) => n.id === beatId);
    if (found) return found;
  }
  return undefined;
}

/** The outer ring of the beat's largest part, [lon, lat] pairs, open (not repeating its first point). */
export async function neighbourhoodRing(db: Db, neighbourhood: Neighbourhood, language: Language): Promise<[number, number][]> {
  const collection = await boundaries(db, 'beat', language, neighbourhood.region.id);
  const feature = collection.features.find((f) => f.id === neighbourhood.id);
  if (!feature) return [];
  const { type, coordinates } = feature.geometry;
  const polygons = (type === 'MultiPolygon' ? coordinates : [coordinates]) as [number, number][][][];
  const rings = polygons.map((p) => p[0] ?? []);
  const largest = rings.reduce((a, b) => (b.length > a.length ? b : a), []);
  return largest.slice(0, -1);
}
