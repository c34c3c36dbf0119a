import { api } from '../../src/api.js';
import type { Language } from '../../src/i18n.js';
import type { GuideText } from './portal-api.js';

// TODO: take these from the portal module's guide schemas once they are shared through common/.

export type GuideState = 'draft' | 'in_review' | 'approved' | 'published';
export type GuideContent = Partial<Record<Language, GuideText>>;

export interface StaffGuideSummary {
  id: string;
  slug: string;
  kind: 'advice' | 'what-to-do';
  quickExit: boolean;
  title: string;
  latestVersion: number;
  latestState: GuideState;
  /** Who wrote the newest version; null for the project's seeded text. */
  latestAuthor: string | null;
  publishedVersion: number | null;
}

export interface GuideVersionMeta {
  version: number;
  state: GuideState;
  createdAt: string;
  author: string | null;
  /** The signed-in editor wrote it, so may not approve it. */
  writtenByViewer: boolean;
  submittedAt: string | null;
  approvedAt: string | null;
  approver: string | null;
  publishedAt: string | null;
}

export interface StaffGuide {
  id: string;
  slug: string;
  kind: 'advice' | 'what-to-do';
  quickExit: boolean;
  versions: GuideVersionMeta[];
  latest: { version: number; state: GuideState; content: GuideContent; author: string | null; writtenByViewer: boolean };
  publishedVersion: number | null;
}

const ADMIN = '/api/v1/portal-admin/guides';

export const listGuides = (signal?: AbortSignal) => api.get<StaffGuideSummary[]>(ADMIN, { signal });
export const getGuide = (id: string, signal?: AbortSignal) =>
  api.get<StaffGuide>(`${ADMIN}/${encodeURIComponent(id)}`, { signal });
export const createGuide = (body: { slug: string; kind: 'advice' | 'what-to-do'; quickExit: boolean; content: GuideContent }) =>
  api.post<StaffGuide>(ADMIN, body);
export const saveVersion = (id: string, basedOn: number, content: GuideContent) =>
  api.post<StaffGuide>(`${ADMIN}/${encodeURIComponent(id)}/versions`, { basedOn, content });
export const submitVersion = (id: string, version: number) =>
  api.post<StaffGuide>(`${ADMIN}/${encodeURIComponent(id)}/versions/${version}/submit`);
export const approveVersion = (id: string, version: number) =>
  api.post<StaffGuide>(`${ADMIN}/${encodeURIComponent(id)}/versions/${version}/approve`);
export const publishVersion = (id: string, version: number) =>
  api.post<StaffGuide>(`${ADMIN}/${encodeURIComponent(id)}/versions/${version}/publish`);
