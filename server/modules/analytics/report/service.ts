import type { Jurisdiction, Language } from '../../../../common/roles.js';
import type { Db } from '../../../db/connection.js';
import { narrowArea } from '../area.js';
import { buildNationalReport, type NationalReport } from './build.js';
import { renderReportPdf } from './pdf.js';
import type { ReportQuery } from './schema.js';

export type ReportResult = { kind: 'json'; report: NationalReport } | { kind: 'pdf'; pdf: Buffer; filename: string };

/** The report for the caller's area: a region-level caller gets their own region, never another. */
export async function nationalReport(
  db: Db,
  jurisdiction: Jurisdiction,
  year: number,
  query: ReportQuery,
  language: Language,
  now: Date,
): Promise<ReportResult> {
  const area = narrowArea(jurisdiction, query);
  const report = await buildNationalReport(db, year, area.regionId ?? null, now);
  if (query.format === 'json') return { kind: 'json', report };
  const pdf = await renderReportPdf(report, language);
  return {
    kind: 'pdf',
    pdf,
    filename: `aman-national-report-${year}${report.regionId ? `-${report.regionId}` : ''}-${language}.pdf`,
  };
}
