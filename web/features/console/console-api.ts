import type { CircumstanceField, IncidentCircumstances } from '../../../common/incident-circumstances.js';
import type { InvestigationOutcome, RecordedOutcome } from '../../../common/investigation-outcomes.js';
import { api } from '../../src/api.js';
import { allPages, type Page } from '../../src/paging.js';

// TODO: move these to common/schemas when the incidents module shares its TypeBox schemas with
// the web; until then they mirror server/modules/incidents (present.ts, incident-detail.ts,
// call-taker.ts, merge-routes.ts, media-routes.ts) and server/modules/dispatch/schema.ts.

export interface Point {
  type: 'Point';
  coordinates: number[];
}

export interface QueueIncident {
  id: string;
  category: string;
  status: string;
  priority: number;
  source: string;
  occurredAt: string;
  reportedAt: string;
  location: Point | null;
  regionId: string;
  districtId: string | null;
  beatId: string | null;
}

/** What the system said on a timeline entry, as the server keeps it (see server's system-notes.ts). */
export type SystemNote =
  | { kind: 'triage'; reasons: string[] }
  | { kind: 'priority'; from: number; to: number; by: 'call_taker' | 'operator' }
  | { kind: 'reason'; text: string }
  | { kind: 'merged_into' | 'merged_from'; incidentId: string }
  | { kind: 'camera'; camera: string; eventType: string; confidence: number; priority: number; eventId: string }
  | { kind: 'sos_alarm'; deviceId: string; alarmId: string }
  | { kind: 'sos_acknowledged'; operator: string }
  | { kind: 'circumstances'; fields: CircumstanceField[] }
  | { kind: 'outcome' }
  | { kind: 'unit'; callSign: string; step: 'assigned' | 'accepted' | 'on_scene' | 'resolved' | 'recalled' };

export interface TimelineEntry {
  at: string;
  status: string;
  publicText: string | null;
  internalNote: string | null;
  systemNotes: SystemNote[];
}

export interface IncidentDetail extends QueueIncident {
  description: string | null;
  trackingCode: string | null;
  anonymous: boolean;
  mergedInto: string | null;
  /** An active protection order covers the place: warn the units sent (no victim data). */
  caution: boolean;
  reporter: { name: string | null; phone: string | null; email: string | null };
  /** What staff recorded about the victim, the suspect and the place; null is "not recorded". */
  circumstances: IncidentCircumstances;
  /** How a crime's investigation ended and on which day; null until decided. */
  outcome: RecordedOutcome | null;
  timeline: TimelineEntry[];
}

export interface DuplicateCandidate {
  id: string;
  category: string;
  status: string;
  priority: number;
  source: string;
  occurredAt: string;
  distanceMetres: number;
  minutesApart: number;
}

export interface MediaItem {
  sha256: string;
  mediaType: string;
  kind: 'photo' | 'audio' | 'video';
  sizeBytes: number;
  createdAt: string;
}

export interface PositionView {
  location: Point;
  recordedAt: string;
  ageSeconds: number;
  stale: boolean;
}

export interface Recommendation {
  unitId: string;
  callSign: string;
  agency: 'police' | 'national_guard';
  kind: string;
  distanceMeters: number;
  etaSeconds: number;
  position: PositionView;
}

export interface Recommendations {
  incidentId: string;
  staleAfterSeconds: number;
  units: Recommendation[];
}

export interface UnitView {
  id: string;
  callSign: string;
  agency: 'police' | 'national_guard';
  status: string;
  emergency: boolean;
  position: PositionView | null;
  assignment: { id: string; incidentId: string; status: string; assignedAt: string } | null;
}

export interface CallRequest {
  category: string;
  priority?: number;
  description: string;
  location: Point;
  caller?: { name?: string; phone?: string };
}

export interface CallReceipt {
  id: string;
  trackingCode: string;
  status: 'new';
  priority: number;
}

const incident = (id: string) => `/api/v1/incidents/${encodeURIComponent(id)}`;

// A mass event may leave more open incidents than the server's 500 a page; past 10,000 the
// console is no longer the tool, and must not hang loading.
const MAX_QUEUE_PAGES = 20;

/** The whole open queue of the jurisdiction, page after page. */
export function fetchQueue(signal?: AbortSignal): Promise<QueueIncident[]> {
  return allPages(
    (cursor) => api.get<Page<QueueIncident>>('/api/v1/incidents/queue', { query: { limit: 500, cursor }, signal }),
    MAX_QUEUE_PAGES,
  );
}

export const fetchDetail = (id: string, signal?: AbortSignal) => api.get<IncidentDetail>(`${incident(id)}/detail`, { signal });

export const triage = (id: string, body: { priority?: number; internalNote?: string }) =>
  api.post<QueueIncident>(`${incident(id)}/triage`, body);

export const changeStatus = (id: string, body: { status: 'closed' | 'cancelled'; reason?: string }) =>
  api.post<QueueIncident>(`${incident(id)}/status`, body);

export const addNote = (id: string, text: string) => api.post<IncidentDetail>(`${incident(id)}/notes`, { text });

export const recordCircumstances = (id: string, circumstances: IncidentCircumstances) =>
  api.put<IncidentDetail>(`${incident(id)}/circumstances`, circumstances);

/** Both null clears the outcome. */
export const recordOutcome = (id: string, body: { outcome: InvestigationOutcome | null; decidedOn: string | null }) =>
  api.put<IncidentDetail>(`${incident(id)}/outcome`, body);

export async function fetchDuplicates(id: string, signal?: AbortSignal): Promise<DuplicateCandidate[]> {
  return (await api.get<{ items: DuplicateCandidate[] }>(`${incident(id)}/duplicates`, { signal })).items;
}

export const mergeInto = (id: string, into: string, reason: string) => api.post(`${incident(id)}/merge`, { into, reason });

export async function fetchMedia(id: string, signal?: AbortSignal): Promise<MediaItem[]> {
  return (await api.get<{ items: MediaItem[] }>(`${incident(id)}/media`, { signal })).items;
}

export const mediaUrl = (id: string, sha256: string) => `${incident(id)}/media/${sha256}`;
export const eidoUrl = (id: string) => `${incident(id)}/eido`;

export const fetchRecommendations = (id: string, signal?: AbortSignal) =>
  api.get<Recommendations>(`${incident(id)}/recommended-units`, { signal });

export const assignUnit = (id: string, unitId: string) => api.post(`${incident(id)}/assignments`, { unitId });

export const cancelAssignment = (id: string, assignmentId: string, reason: string) =>
  api.post(`${incident(id)}/assignments/${encodeURIComponent(assignmentId)}/cancel`, { reason });

/** The units of the jurisdiction now sent to this incident (their assignment names it). */
export async function fetchAssignedUnits(id: string, signal?: AbortSignal): Promise<UnitView[]> {
  const page = await api.get<Page<UnitView>>('/api/v1/units', { query: { limit: 500 }, signal });
  return page.items.filter((unit) => unit.assignment?.incidentId === id);
}

/** Records a call; a resend with the same key (after a lost answer) files nothing new. */
export const recordCall = (body: CallRequest, idempotencyKey: string) =>
  api.post<CallReceipt>('/api/v1/incidents', body, { headers: { 'Idempotency-Key': idempotencyKey } });
