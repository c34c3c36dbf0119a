import type { Language } from '../../../common/roles.js';
import type { PublicNationalReport, PublicReportYears } from '../../../common/schemas/national-report.js';
import { api } from '../../src/api.js';

export type { PublicNationalReport, PublicReportFigure, PublicReportSection } from '../../../common/schemas/national-report.js';

/** The ended years with records, newest first. */
export function fetchReportYears(signal?: AbortSignal): Promise<PublicReportYears> {
  return api.get<PublicReportYears>('/api/v1/portal/national-report', { signal });
}

/** A year's public report for the country, or for one region. */
export function fetchPublicReport(year: number, regionId: string, signal?: AbortSignal): Promise<PublicNationalReport> {
  return api.get<PublicNationalReport>(`/api/v1/portal/national-report/${year}`, {
    query: { format: 'json', ...(regionId ? { regionId } : {}) },
    signal,
  });
}

/** The PDF of a year's public report in one language. */
export function publicReportPdfUrl(year: number, regionId: string, language: Language): string {
  const query = new URLSearchParams({ format: 'pdf', lang: language, ...(regionId ? { regionId } : {}) });
  return `/api/v1/portal/national-report/${year}?${query.toString()}`;
}
