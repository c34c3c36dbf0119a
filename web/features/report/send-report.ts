import i18next from 'i18next';
import { currentLanguage } from '../../src/i18n.js';
import type { ReportReceipt, ReportRequest } from './report-api.js';
import { retryAfterMs, verdictOf, type SendOutcome } from './send-outcome.js';

/** The body: JSON alone, or multipart with the JSON as `report` and one `media` part per file. */
function bodyOf(report: ReportRequest, media: readonly File[]): { body: BodyInit; contentType: string | null } {
  if (media.length === 0) return { body: JSON.stringify(report), contentType: 'application/json' };
  const form = new FormData();
  // A plain field, not a file part: multipart parsers hand fields over as values, files as streams.
  form.append('report', JSON.stringify(report));
  for (const file of media) form.append('media', file, file.name);
  return { body: form, contentType: null }; // the browser sets the multipart boundary
}

async function problemTitle(response: Response): Promise<string> {
  try {
    const problem = (await response.json()) as { title?: unknown };
    if (typeof problem.title === 'string' && problem.title) return problem.title;
  } catch {
    // A proxy's HTML page, say: fall back to a generic message below.
  }
  return i18next.t('errors.unexpected', { status: response.status });
}

/**
 * Sends one report with its Idempotency-Key, so a resend of the same report (after a lost answer,
 * from the offline queue, from a second tab) is answered with the first receipt, never filed twice.
 * Never throws: every way it can end is a SendOutcome.
 */
export async function sendReport(report: ReportRequest, media: readonly File[], idempotencyKey: string): Promise<SendOutcome> {
  if (!navigator.onLine) return { kind: 'retry', message: null, retryAfterMs: null, isOffline: true };
  const language = currentLanguage();
  const { body, contentType } = bodyOf(report, media);
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': language,
    'Idempotency-Key': idempotencyKey,
  };
  if (contentType) headers['Content-Type'] = contentType;
  try {
    const response = await fetch(`/api/v1/reports?lang=${language}`, { method: 'POST', headers, body, credentials: 'include' });
    switch (verdictOf(response.status)) {
      case 'sent':
        return { kind: 'sent', receipt: (await response.json()) as ReportReceipt };
      case 'rejected':
        return { kind: 'rejected', message: await problemTitle(response) };
      case 'retry':
        return {
          kind: 'retry',
          message: await problemTitle(response),
          retryAfterMs: retryAfterMs(response.headers.get('Retry-After'), Date.now()),
          isOffline: false,
        };
    }
  } catch {
    // The request or its answer was cut off: the report may be filed, and a resend with the same
    // key will bring its receipt back.
    return { kind: 'retry', message: i18next.t('errors.network'), retryAfterMs: null, isOffline: true };
  }
}
