import { api } from '../../src/api.js';
import type { PublicTeam } from './neighbourhood-team-api.js';

// TODO: take these from the portal module's schemas once they are shared through common/.

/** A published count: the number, or why it is not shown. */
export type Cell = { count: number; suppressed: null } | { count: null; suppressed: 'fewer-than-5' | 'withheld' };

/** Published cells added up; `hidden` cells are not in `count`, so the true total is at least `count`. */
export interface Sum {
  count: number;
  hidden: number;
}

export interface Rates {
  beat: number | null;
  district: number;
  country: number;
}

export interface NeighbourhoodSummary {
  beat: { id: string; number: number; name: string; districtId: string; regionId: string };
  months: { latest: string; from: string; count: number };
  populations: {
    beat: { population: number; estimated: true };
    district: { population: number; estimated: boolean };
    country: { population: number; estimated: boolean };
  };
  categories: {
    category: string;
    name: string;
    lastMonth: Cell;
    last24Months: Sum;
    per10000: { lastMonth: Rates; last24Months: Rates };
  }[];
  sensitive: { category: string; name: string; lastMonth: Cell; last24Months: Sum }[];
  monthly: ({ month: string } & Sum)[];
  team: PublicTeam;
}

export interface LocatedNeighbourhood {
  beat: { id: string; number: number; name: string };
  district: { id: string; name: string };
  region: { id: string; name: string };
}

export interface PlaceMatch {
  label: string;
  kind: 'region' | 'district' | 'settlement' | 'street';
  point: { type: 'Point'; coordinates: [number, number] };
}

/** A figure on the crime map, as the server labels it (the browser never works out a hidden count). */
export interface MapValue {
  count: number;
  hidden: number;
  label: 'count' | 'fewer-than-5' | 'withheld' | 'at-least';
}

export interface MapItem {
  id: string;
  name: string;
  lon: number;
  lat: number;
  value: MapValue;
}

export interface MapView {
  month: string;
  level: 'region' | 'district' | 'location';
  items: MapItem[];
}

export interface MapFilters {
  months: string[];
  categories: { url: string; name: string }[];
}

export interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface GuideSummary {
  slug: string;
  kind: 'advice' | 'what-to-do';
  quickExit: boolean;
  title: string;
  summary: string;
  publishedAt: string;
}

export interface GuideText {
  title: string;
  summary: string;
  steps: string[];
  contacts: { name: string; phone: string }[];
}

export interface Guide extends GuideText {
  slug: string;
  kind: 'advice' | 'what-to-do';
  quickExit: boolean;
  version: number;
  publishedAt: string;
}

export function searchPlaces(q: string, signal?: AbortSignal): Promise<PlaceMatch[]> {
  return api.get<PlaceMatch[]>('/api/v1/geo/search', { query: { q, limit: 8 }, signal });
}

export function locateNeighbourhood([lng, lat]: [number, number], signal?: AbortSignal): Promise<LocatedNeighbourhood> {
  return api.get<LocatedNeighbourhood>('/api/v1/portal/locate', { query: { lat, lng }, signal });
}

export function fetchNeighbourhood(beatId: string, signal?: AbortSignal): Promise<NeighbourhoodSummary> {
  return api.get<NeighbourhoodSummary>(`/api/v1/portal/neighbourhoods/${encodeURIComponent(beatId)}`, { signal });
}

/** The beat's outline, as data.police.uk gives it: latitude/longitude strings. */
export async function fetchBoundary(regionId: string, beatId: string, signal?: AbortSignal): Promise<[number, number][]> {
  const points = await api.get<{ latitude: string; longitude: string }[]>(
    `/api/v1/open/${encodeURIComponent(regionId)}/${encodeURIComponent(beatId)}/boundary`,
    { signal },
  );
  return points.map((p) => [Number(p.longitude), Number(p.latitude)]);
}

export function fetchMap(
  query: { category: string; month: string | null; zoom: number; box: Box },
  signal?: AbortSignal,
): Promise<MapView> {
  const { box, ...rest } = query;
  return api.get<MapView>('/api/v1/portal/map', { query: { ...rest, zoom: Math.floor(query.zoom), ...box }, signal });
}

export function fetchMapFilters(signal?: AbortSignal): Promise<MapFilters> {
  return api.get<MapFilters>('/api/v1/portal/map/filters', { signal });
}

export function fetchGuides(q: string, signal?: AbortSignal): Promise<GuideSummary[]> {
  return api.get<GuideSummary[]>('/api/v1/portal/guides', { query: { q }, signal });
}

export function fetchGuide(slug: string, signal?: AbortSignal): Promise<Guide> {
  return api.get<Guide>(`/api/v1/portal/guides/${encodeURIComponent(slug)}`, { signal });
}
