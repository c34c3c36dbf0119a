import { api } from '../../src/api.js';
import type { Page } from '../../src/paging.js';
import type { Language } from '../../src/i18n.js';

// TODO: take these from the portal module's chief-report schemas once they are shared through common/.

interface Area {
  regionId: string;
  regionName: string;
  districtId: string | null;
  districtName: string | null;
}

export interface ReportSummary extends Area {
  id: string;
  periodStart: string;
  periodEnd: string;
  title: string;
  publishedAt: string;
  answeredQuestions: number;
}

export interface PublicQuestion {
  id: string;
  displayName: string | null;
  text: string;
  askedAt: string;
  answer: string | null;
  answeredAt: string | null;
}

export interface Report extends Area {
  /** An asker may leave an e-mail to be told of the answer (the server can send mail). */
  answersByEmail: boolean;
  id: string;
  periodStart: string;
  periodEnd: string;
  publishedAt: string;
  title: string;
  body: string;
  questions: PublicQuestion[];
}

export type QuestionState = 'pending' | 'published' | 'answered' | 'not-published';

export interface QuestionReceipt {
  trackingCode: string;
  status: QuestionState;
  reportId: string;
}

export interface QuestionStatus {
  status: QuestionState;
  reportId: string;
  askedAt: string;
}

export const fetchReports = (area: { region?: string; district?: string }, signal?: AbortSignal) =>
  api.get<Page<ReportSummary>>('/api/v1/portal/chief-reports', { query: { ...area, limit: 100 }, signal });
export const fetchReport = (id: string, signal?: AbortSignal) =>
  api.get<Report>(`/api/v1/portal/chief-reports/${encodeURIComponent(id)}`, { signal });
export const askQuestion = (reportId: string, body: { text: string; displayName?: string; email?: string }) =>
  api.post<QuestionReceipt>(`/api/v1/portal/chief-reports/${encodeURIComponent(reportId)}/questions`, body);
export const fetchQuestionStatus = (code: string, signal?: AbortSignal) =>
  api.get<QuestionStatus>(`/api/v1/portal/chief-report-questions/${encodeURIComponent(code)}`, { signal });

export type ReportContent = Partial<Record<Language, { title: string; body: string }>>;

export interface StaffReportSummary extends Area {
  id: string;
  periodStart: string;
  periodEnd: string;
  state: 'draft' | 'published';
  title: string;
  publishedAt: string | null;
  pendingQuestions: number;
}

export interface StaffReport extends Area {
  id: string;
  periodStart: string;
  periodEnd: string;
  state: 'draft' | 'published';
  content: ReportContent;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  pendingQuestions: number;
}

export interface StaffQuestion {
  id: string;
  reportId: string;
  displayName: string | null;
  text: string;
  language: string;
  flags: string[];
  state: 'pending' | 'approved' | 'rejected';
  askedAt: string;
  hasEmail: boolean;
  rejectReason: string | null;
  answer: string | null;
  answeredAt: string | null;
}

const ADMIN = '/api/v1/portal-admin/chief-reports';
const QUESTIONS = '/api/v1/portal-admin/chief-report-questions';

export const listStaffReports = (signal?: AbortSignal) =>
  api.get<Page<StaffReportSummary>>(ADMIN, { query: { limit: 500 }, signal });
export const getStaffReport = (id: string, signal?: AbortSignal) =>
  api.get<StaffReport>(`${ADMIN}/${encodeURIComponent(id)}`, { signal });
export const createReport = (body: {
  regionId: string;
  districtId: string | null;
  periodStart: string;
  periodEnd: string;
  content: ReportContent;
}) => api.post<StaffReport>(ADMIN, body);
export const saveReport = (id: string, body: { periodStart: string; periodEnd: string; content: ReportContent }) =>
  api.put<StaffReport>(`${ADMIN}/${encodeURIComponent(id)}`, body);
export const publishReport = (id: string) => api.post<StaffReport>(`${ADMIN}/${encodeURIComponent(id)}/publish`);
export const listQuestions = (reportId: string, signal?: AbortSignal) =>
  api.get<StaffQuestion[]>(`${ADMIN}/${encodeURIComponent(reportId)}/questions`, { signal });
export const approveQuestion = (id: string) => api.post<StaffQuestion>(`${QUESTIONS}/${encodeURIComponent(id)}/approve`);
export const rejectQuestion = (id: string, reason: string) =>
  api.post<StaffQuestion>(`${QUESTIONS}/${encodeURIComponent(id)}/reject`, reason ? { reason } : {});
export const answerQuestion = (id: string, answer: string) =>
  api.post<StaffQuestion>(`${QUESTIONS}/${encodeURIComponent(id)}/answer`, { answer });
