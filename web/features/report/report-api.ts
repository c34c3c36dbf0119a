import { CATEGORIES } from '../../../common/categories.js';
import { api, ApiError } from '../../src/api.js';
import { currentLanguage, type Language } from '../../src/i18n.js';

/**
 * What a citizen sends: `POST /api/v1/reports`.
 * TODO: import the incidents module's report schema types once they are shared through common/.
 */
export interface ReportRequest {
  category: string;
  description: string;
  location: { type: 'Point'; coordinates: [number, number] };
  reporter?: { name?: string; phone?: string };
  anonymous?: boolean;
}

export type ReportStatus =
  'new' | 'triaged' | 'dispatched' | 'en_route' | 'on_scene' | 'resolved' | 'closed' | 'cancelled' | 'merged';

export interface ReportReceipt {
  id: string;
  trackingCode: string;
  status: ReportStatus;
}

/** What the reporter may see of a report: `GET /api/v1/reports/{trackingCode}`. */
export interface ReportStatusView {
  trackingCode: string;
  status: ReportStatus;
  category: string;
  createdAt: string;
  updatedAt: string;
  timeline: { at: string; status: ReportStatus; text: string }[];
}

export interface ReportCategory {
  code: string;
  name: string;
}

/** A place from the geocoder: `GET /api/v1/geo/search`. */
export interface PlaceMatch {
  label: string;
  kind: 'region' | 'district' | 'settlement' | 'street';
  point: { type: 'Point'; coordinates: [number, number] };
  regionId: string;
  districtId: string | null;
}

/** Where a point lies: `GET /api/v1/geo/resolve`. */
export interface ResolvedPlace {
  region: { id: string; name: string };
  district: { id: string; name: string };
}

/** The shared catalogue, for when the server cannot be reached: the form still works offline. */
function bundledCategories(language: Language): ReportCategory[] {
  return CATEGORIES.filter((category) => category.citizenReportable).map((category) => ({
    code: category.code,
    name: category.names[language],
  }));
}

/** The categories a citizen may choose, named in a language; the bundled list when offline. */
export async function fetchReportCategories(language: Language = currentLanguage()): Promise<ReportCategory[]> {
  try {
    return await api.get<ReportCategory[]>('/api/v1/report-categories');
  } catch (error) {
    if (error instanceof ApiError && error.code === 'network') return bundledCategories(language);
    throw error;
  }
}

export function fetchReportStatus(trackingCode: string, signal?: AbortSignal): Promise<ReportStatusView> {
  return api.get<ReportStatusView>(`/api/v1/reports/${encodeURIComponent(trackingCode)}`, { signal });
}

/** The reporter's rating of the service, once action has been taken on the report. */
export function rateService(trackingCode: string, rating: { score: number; comment?: string }): Promise<{ score: number }> {
  return api.post<{ score: number }>(`/api/v1/reports/${encodeURIComponent(trackingCode)}/rating`, rating);
}

export function searchPlaces(query: string, signal?: AbortSignal): Promise<PlaceMatch[]> {
  return api.get<PlaceMatch[]>('/api/v1/geo/search', { query: { q: query, limit: 8 }, signal });
}

export function resolvePlace([lon, lat]: [number, number], signal?: AbortSignal): Promise<ResolvedPlace> {
  return api.get<ResolvedPlace>('/api/v1/geo/resolve', { query: { lon, lat }, signal });
}
