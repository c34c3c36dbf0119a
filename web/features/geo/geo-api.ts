import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { api, ApiError } from '../../src/api.js';
import { currentLanguage, useLanguage, type Language } from '../../src/i18n.js';
import { useResource } from '../../src/use-resource.js';

/**
 * A first-level unit: one of the 17 oblasts or the cities of Astana, Almaty and Shymkent.
 * TODO: import the geo module's response schema type once it is shared through common/.
 */
export interface Region {
  id: string;
  /** ISO 3166-2 code, KZ-10 … KZ-79. */
  iso: string;
  /** In the request's language. */
  name: string;
  names: Record<Language, string>;
  /** The administrative centre, in the request's language. */
  capital: string;
  /** IANA time zone. */
  tz: string;
  population: number | null;
}

/**
 * A second-level unit: a district (аудан) of an oblast, a city of regional significance, or a
 * district of one of the three big cities.
 * TODO: import the geo module's response schema type once it is shared through common/.
 */
export interface District {
  id: string;
  regionId: string;
  kind: string;
  /** In the request's language. */
  name: string;
  names: Record<Language, string>;
  population: number | null;
  populationEstimated: boolean;
}

/** A police beat (учаске): its id is the district's id, a hyphen and the beat's number. */
export interface Beat {
  id: string;
  /** In the request's language. */
  name: string;
}

export interface RegionProperties {
  id: string;
  name: string;
}

export type RegionBoundaries = FeatureCollection<Polygon | MultiPolygon, RegionProperties>;

/** What the server tells the browser about the map: an optional tile server and the credits. */
export interface ClientConfig {
  /** A raster tile URL template ({z}/{x}/{y}), or null when the map runs without internet tiles. */
  mapTileUrl: string | null;
  attribution: string;
}

const regionsByLanguage = new Map<Language, Promise<Region[]>>();

/** The 20 regions in a language; fetched once per language and shared by every component. */
export function fetchRegions(language: Language = currentLanguage()): Promise<Region[]> {
  let regions = regionsByLanguage.get(language);
  if (!regions) {
    regions = api.get<Region[]>('/api/v1/geo/regions');
    regionsByLanguage.set(language, regions);
    regions.catch(() => regionsByLanguage.delete(language)); // let a later call try again
  }
  return regions;
}

/** The regions in the interface language, reloaded when the language changes. */
export function useRegions() {
  const language = useLanguage();
  return useResource(() => fetchRegions(language), [language]);
}

/** Remembers one answer per key, so that every component asking for the same list shares one request. */
function cached<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let answer = cache.get(key);
  if (!answer) {
    answer = load();
    cache.set(key, answer);
    answer.catch(() => cache.delete(key)); // let a later call try again
  }
  return answer;
}

/** Answers an empty list where the server says the region has none (404), the error otherwise. */
function emptyWhenNotFound<T>(error: unknown): T[] {
  if (error instanceof ApiError && error.status === 404) return [];
  throw error;
}

const districtsByRegion = new Map<string, Promise<District[]>>();

/** A region's districts in a language, sorted by name; fetched once per region and language. */
export function fetchDistricts(regionId: string, language: Language = currentLanguage()): Promise<District[]> {
  return cached(districtsByRegion, `${language}:${regionId}`, () =>
    api
      .get<District[]>(`/api/v1/geo/regions/${encodeURIComponent(regionId)}/districts`)
      .then((districts) => [...districts].sort((a, b) => a.name.localeCompare(b.name, language)), emptyWhenNotFound<District>),
  );
}

/** A region's districts in the interface language, reloaded when the region or the language changes. */
export function useDistricts(regionId: string) {
  const language = useLanguage();
  return useResource(() => fetchDistricts(regionId, language), [regionId, language]);
}

type BeatBoundaries = FeatureCollection<Polygon | MultiPolygon, { id: string | number; name: string }>;

const beatsByRegion = new Map<string, Promise<Beat[]>>();

/**
 * A region's police beats in a language, in the order of their ids. Only the boundaries carry
 * them, so the names are taken from the features and the geometry dropped.
 */
export function fetchBeats(regionId: string, language: Language = currentLanguage()): Promise<Beat[]> {
  return cached(beatsByRegion, `${language}:${regionId}`, () =>
    api
      .get<BeatBoundaries>('/api/v1/geo/boundaries', { query: { level: 'beat', regionId } })
      .then(
        (collection) =>
          collection.features
            .map((feature) => ({ id: String(feature.properties.id), name: feature.properties.name }))
            .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true })),
        emptyWhenNotFound<Beat>,
      ),
  );
}

/** The beats of one district: those whose id starts with the district's id and a hyphen. */
export function beatsOfDistrict(beats: readonly Beat[], districtId: string): Beat[] {
  return beats.filter((beat) => beat.id.startsWith(`${districtId}-`));
}

/** A region's beats in the interface language, reloaded when the region or the language changes. */
export function useBeats(regionId: string) {
  const language = useLanguage();
  return useResource(() => fetchBeats(regionId, language), [regionId, language]);
}

/** Region boundaries as GeoJSON, with names in the interface language. */
export function fetchRegionBoundaries(signal?: AbortSignal): Promise<RegionBoundaries> {
  return api.get<RegionBoundaries>('/api/v1/geo/boundaries', { query: { level: 'region' }, signal });
}

export function fetchClientConfig(signal?: AbortSignal): Promise<ClientConfig> {
  return api.get<ClientConfig>('/api/v1/client-config', { signal });
}
