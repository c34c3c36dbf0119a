import type {
  RegisterContactRequest,
  RegisterContactView,
  RegisterEntryRequest,
  RegisterEntrySummary,
  RegisterEntryView,
  RegisterHandoverRequest,
  RegisterHandoverView,
  RegisterOfficerList,
  RegisterOutcomeRequest,
  RegisterReviewRequest,
  RegisterToday,
} from '../../../common/schemas/registers.js';
import { api } from '../../src/api.js';
import type { Page } from '../../src/paging.js';

export type {
  RegisterContactView,
  RegisterEntryRequest,
  RegisterEntrySummary,
  RegisterEntryView,
  RegisterHandoverView,
  RegisterToday,
  RegisterTodayItem,
} from '../../../common/schemas/registers.js';

const base = '/api/v1/prevention/register';

/** The preventive registers' API; the types are the server's own schemas (common/schemas/registers.ts). */
export const registerApi = {
  entries: (scope: 'mine' | 'all', signal: AbortSignal) =>
    api.get<Page<RegisterEntrySummary>>(`${base}/entries?limit=200&status=active${scope === 'mine' ? '&mine=true' : ''}`, {
      signal,
    }),
  entry: (id: string, signal: AbortSignal) => api.get<RegisterEntryView>(`${base}/entries/${encodeURIComponent(id)}`, { signal }),
  create: (body: RegisterEntryRequest) => api.post<RegisterEntryView>(`${base}/entries`, body),
  planContact: (id: string, body: RegisterContactRequest) =>
    api.post<RegisterContactView>(`${base}/entries/${encodeURIComponent(id)}/contacts`, body),
  recordOutcome: (contactId: string, body: RegisterOutcomeRequest) =>
    api.post<RegisterContactView>(`${base}/contacts/${encodeURIComponent(contactId)}/outcome`, body),
  review: (id: string, body: RegisterReviewRequest) =>
    api.post<RegisterEntryView>(`${base}/entries/${encodeURIComponent(id)}/review`, body),
  officers: (id: string, signal: AbortSignal) =>
    api.get<RegisterOfficerList>(`${base}/entries/${encodeURIComponent(id)}/officers`, { signal }),
  handOver: (id: string, body: RegisterHandoverRequest) =>
    api.post<RegisterHandoverView>(`${base}/entries/${encodeURIComponent(id)}/responsibility`, body),
  today: (signal: AbortSignal) => api.get<RegisterToday>(`${base}/today`, { signal }),
};
