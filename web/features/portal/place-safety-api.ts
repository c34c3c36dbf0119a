import { api } from '../../src/api.js';

// Shapes of server/modules/portal/place-safety-schema.ts; the chief reports' client does the same
// until the portal's schemas are shared through common/.

export const PLACE_KINDS = ['park', 'mall', 'market', 'station', 'entertainment'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];
export type Grade = 'A' | 'B' | 'C' | 'D' | 'E';

export interface Figure {
  label: 'count' | 'fewer-than-5' | 'withheld';
  count: number | null;
}

export interface Rating {
  grade: Grade | null;
  score: number | null;
  incidents: {
    score: number | null;
    total: Figure;
    rate: { kind: 'exact' | 'below' | 'hidden'; basis: 'visitor-hours' | 'area'; value: number | null } | null;
    months: number;
    comparedWith: number;
  };
  reviews: { score: number | null; stars: number | null; count: number };
}

export interface Method {
  weights: { incidents: number; reviews: number };
  priorReviews: number;
  priorStars: number;
  minPeers: number;
  months: number;
}

export interface PlaceSummary {
  id: string;
  kind: PlaceKind;
  name: string;
  regionId: string;
  regionName: string;
  districtId: string;
  districtName: string;
  centre: { lon: number; lat: number };
  rating: Rating;
}

export interface VisitorFigure {
  hoursPerMonth: number;
  source: string;
  asOf: string;
}

export interface PlaceDetail extends PlaceSummary {
  areaHa: number;
  visitors: VisitorFigure | null;
  outline: { type: 'MultiPolygon'; coordinates: [number, number][][][] };
  breakdown: { category: string; name: string; value: Figure }[];
  reviews: { id: string; stars: number; text: string | null; displayName: string | null; receivedAt: string }[];
  method: Method;
}

export interface PlaceFilters {
  kind?: PlaceKind;
  region?: string;
  district?: string;
  q?: string;
  sort?: 'grade' | 'name';
}

export type Outline =
  { type: 'Polygon'; coordinates: [number, number][][] } | { type: 'Circle'; centre: [number, number]; radiusM: number };

export interface PlaceWrite {
  kind: PlaceKind;
  names: { kk: string; ru: string; en: string };
  outline: Outline;
  visitors: VisitorFigure | null;
}

export interface StaffPlace extends PlaceWrite {
  id: string;
  regionId: string;
  regionName: string;
  districtId: string;
  districtName: string;
  beatId: string | null;
  areaHa: number;
  pendingReviews: number;
  updatedAt: string;
  /** Set while the place is off the public pages. */
  retired: { at: string; reason: string } | null;
}

export type ReviewState = 'pending' | 'approved' | 'rejected';

export interface StaffReview {
  id: string;
  placeId: string;
  placeName: string;
  stars: number;
  text: string | null;
  displayName: string | null;
  language: string;
  flags: string[];
  state: ReviewState;
  receivedAt: string;
  moderatedAt: string | null;
  rejectReason: string | null;
}

const PUBLIC = '/api/v1/portal/places';
const ADMIN = '/api/v1/portal-admin/places';
const REVIEWS = '/api/v1/portal-admin/place-reviews';

export const fetchPlaces = (filters: PlaceFilters, signal?: AbortSignal) =>
  api.get<{ items: PlaceSummary[]; method: Method }>(PUBLIC, { query: { ...filters }, signal });
export const fetchPlace = (id: string, signal?: AbortSignal) =>
  api.get<PlaceDetail>(`${PUBLIC}/${encodeURIComponent(id)}`, { signal });
export const sendReview = (id: string, body: { stars: number; text?: string; displayName?: string }) =>
  api.post<{ id: string; status: 'published' | 'pending' }>(`${PUBLIC}/${encodeURIComponent(id)}/reviews`, body);

export const fetchStaffPlaces = (signal?: AbortSignal) => api.get<{ items: StaffPlace[] }>(ADMIN, { signal });
export const fetchStaffPlace = (id: string, signal?: AbortSignal) =>
  api.get<StaffPlace>(`${ADMIN}/${encodeURIComponent(id)}`, { signal });
export const createPlace = (body: PlaceWrite) => api.post<StaffPlace>(ADMIN, body);
export const savePlace = (id: string, body: PlaceWrite) => api.put<StaffPlace>(`${ADMIN}/${encodeURIComponent(id)}`, body);
export const retirePlace = (id: string, reason: string) =>
  api.post<StaffPlace>(`${ADMIN}/${encodeURIComponent(id)}/retire`, { reason });
export const restorePlace = (id: string) => api.post<StaffPlace>(`${ADMIN}/${encodeURIComponent(id)}/restore`, {});
export const fetchReviews = (state: ReviewState, signal?: AbortSignal) =>
  api.get<{ items: StaffReview[] }>(REVIEWS, { query: { state }, signal });
export const approveReview = (id: string) => api.post<StaffReview>(`${REVIEWS}/${encodeURIComponent(id)}/approve`, {});
export const rejectReview = (id: string, reason: string) =>
  api.post<StaffReview>(`${REVIEWS}/${encodeURIComponent(id)}/reject`, reason ? { reason } : {});
