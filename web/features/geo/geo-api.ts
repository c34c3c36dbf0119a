import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { api } from '../../src/api.js';
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

/** Region boundaries as GeoJSON, with names in the interface language. */
export function fetchRegionBoundaries(signal?: AbortSignal): Promise<RegionBoundaries> {
  return api.get<RegionBoundaries>('/api/v1/geo/boundaries', { query: { level: 'region' }, signal });
}

export function fetchClientConfig(signal?: AbortSignal): Promise<ClientConfig> {
  return api.get<ClientConfig>('/api/v1/client-config', { signal });
}
