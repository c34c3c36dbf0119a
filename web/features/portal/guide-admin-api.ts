import { api } from '../../src/api.js';
import type { Language } from '../../src/i18n.js';
import type { GuideText } from './portal-api.js';

// TODO: take these from the portal module's guide schemas once they are shared through common/.

export type GuideState = 'draft' | 'in_review' | 'published';
export type GuideContent = Partial<Record<Language, GuideText>>;

export interface StaffGuideSummary {
  id: string;
  slug: string;
  kind: 'advice' | 'what-to-do';
  quickExit: boolean;
  title: string;
  latestVersion: number;
  latestState: GuideState;
  publishedVersion: number | null;
}

export interface StaffGuide {
  id: string;
  slug: string;
  kind: 'advice' | 'what-to-do';
  quickExit: boolean;
  versions: { version: number; state: GuideState; createdAt: string; submittedAt: string | null; publishedAt: string | null }[];
  latest: { version: number; state: GuideState; content: GuideContent };
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
export const publishVersion = (id: string, version: number) =>
  api.post<StaffGuide>(`${ADMIN}/${encodeURIComponent(id)}/versions/${version}/publish`);
