import type { Kysely } from 'kysely';
import { categoryByCode, CATEGORIES, type CategoryCode } from '../../../common/categories.js';
import type { Language } from '../../../common/roles.js';
import type { Tables } from '../../db/tables.js';
import { AppError } from '../../http/errors.js';
import type { FieldCrypto } from '../../secrets/field-crypto.js';
import { resolvePoint } from '../geo/index.js';
import { answerFor, isExactReplay, lookupKey, requestHash, type KeyRow } from './idempotency.js';
import type { ReceivedMedia } from './media.js';
import { findMergeTarget, findReportForTracking, MAX_MERGE_HOPS, publicTimeline } from './report-store.js';
import { createdEvent, fileIncident, type Filed } from './new-incident.js';
import type { ReportReceipt, ReportRequest, ReportStatusView } from './report-schema.js';
import { isIncidentStatus, statusText, type IncidentStatus } from './status.js';
import { normaliseTrackingCode } from './tracking-code.js';
import { triageReport } from './triage.js';
import { triageNote } from './system-notes.js';

export const REPORT_SCOPE = 'POST /api/v1/reports';
// A clock a few minutes fast on the reporter's phone is not a report from the future.
const CLOCK_SKEW_MS = 5 * 60_000;

export interface ReportDeps {
  db: Kysely<Tables>;
  fieldCrypto: FieldCrypto;
  clock: () => Date;
  /** Root of the media store (citizens' photos, audio, video). */
  mediaDir: string;
}

export interface Reporter {
  kind: 'user' | 'apiKey' | 'anonymous';
  id: string | null;
  ip: string;
}

export type FiledReport = Filed<ReportReceipt>;

/** Categories a citizen may choose, named in the reader's language. */
export function reportCategories(language: Language) {
  return CATEGORIES.filter((c) => c.citizenReportable).map((c) => ({ code: c.code, name: c.names[language] }));
}

function checkCategory(code: string): CategoryCode {
  const category = categoryByCode(code);
  if (!category) throw new AppError('category.unknown', { category: code });
  if (!category.citizenReportable) throw new AppError('category.not_reportable', { category: code });
  return category.code;
}

function sealContact(deps: ReportDeps, input: ReportRequest) {
  const reporter = input.reporter ?? {};
  const given = Object.values(reporter).some((v) => v !== undefined);
  if (input.anonymous && given) throw new AppError('report.anonymous_with_contact');
  const seal = (value: string | undefined) => (value === undefined ? null : deps.fieldCrypto.encrypt(value));
  const phone = reporter.phone?.replace(/[\s()-]/g, '');
  return {
    reporterNameEnc: seal(reporter.name),
    reporterPhoneEnc: seal(phone),
    reporterPhoneHash: phone === undefined ? null : deps.fieldCrypto.lookupHash(phone),
    reporterEmailEnc: seal(reporter.email),
  };
}

/** The citizen channels that file through here; every one is unattended until an operator takes it. */
export type ReportChannel = 'web' | 'telegram' | 'open311';

export interface Filing {
  /** Which channel the report came by (default web). */
  channel?: ReportChannel;
  idempotencyKey?: string;
  /** Whose keys these are (default: the web report route's); another client's equal key is another key. */
  keyScope?: string;
  /** What a key's request is compared by, when the channel received something other than `input`. */
  request?: unknown;
  /** The key's row if the rate limit already read it (null: no row); undefined leaves it to the statement. */
  knownKey?: KeyRow | null;
  media?: ReceivedMedia[];
}

/** A report's identity for idempotency: its parsed JSON and, when files came with it, their SHA-256s. */
export function reportHash(input: unknown, media: ReceivedMedia[] = []): string {
  return requestHash(media.length === 0 ? input : { report: input, media: media.map((m) => m.sha256) });
}

/** Was exactly this request (same key, same body) already answered? Asked by a rate limit before it refuses. */
export async function isAnsweredReport(db: Kysely<Tables>, scope: string, key: string, request: unknown): Promise<boolean> {
  return isExactReplay(await lookupKey(db, scope, key), reportHash(request));
}

/**
 * Files a citizen's web report as a new incident. With an idempotency key, the key, the
 * incident, its media, its first timeline entry, the audit entry and the outbox event commit
 * together, so a report that was answered exists exactly once and a retry gets the same answer.
 */
export async function fileReport(
  deps: ReportDeps,
  input: ReportRequest,
  who: Reporter,
  filing: Filing = {},
): Promise<FiledReport> {
  const { idempotencyKey, media = [], channel = 'web', keyScope = REPORT_SCOPE } = filing;
  const hash = reportHash(filing.request ?? input, media);
  // A key nobody read yet is left to the statement that files the report: reading it first would
  // cost every report a round trip for the few that are replays.
  if (idempotencyKey && filing.knownKey !== undefined) {
    const earlier = answerFor(filing.knownKey, hash);
    if (earlier) return { ...(earlier as FiledReport), replayed: true };
  }
  const category = checkCategory(input.category);
  const now = deps.clock();
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
  if (occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new AppError('report.occurred_in_future');
  const [lon = NaN, lat = NaN] = input.location.coordinates;
  const place = await resolvePoint(deps.db, { lon, lat });
  if (!place) throw new AppError('geo.outside_kazakhstan');
  const contact = sealContact(deps, input);
  const triage = triageReport({ category, description: input.description, source: channel });

  const first = { status: 'new', internalNoteEnc: null, systemNotes: [triageNote(triage)] };
  const row = { ...place, ...contact, lon, lat, category, priority: triage.priority, occurredAt };
  const descriptionEnc = deps.fieldCrypto.encrypt(input.description);
  return fileIncident<ReportReceipt>(
    deps.db,
    (id, trackingCode) => ({
      answer: { status: 201, body: { id, trackingCode, status: 'new' } },
      report: {
        id,
        row: { ...row, descriptionEnc, trackingCode, reportedAt: now, anonymous: input.anonymous ?? false, source: channel },
        first,
        media,
        audit: {
          action: 'incident.report',
          outcome: 'success',
          actor: { kind: who.kind, id: who.id },
          target: { type: 'incident', id },
          regionId: place.regionId,
          ip: who.ip,
          details: { source: channel, category, priority: triage.priority, media: media.map((m) => m.sha256) },
          occurredAt: now,
        },
        event: createdEvent(id, { ...place, category, priority: triage.priority, source: channel, media: media.length }),
      },
    }),
    idempotencyKey ? { scope: keyScope, key: idempotencyKey, hash } : undefined,
  );
}

/**
 * What the reporter sees when following a report by its code; undefined for a code that is no
 * report. A report merged into another follows that incident from then on: its status, and the
 * steps taken on it after the merge.
 */
type TimelineRow = { at: Date; status: string; public_text: string | null };

/**
 * The steps a reporter sees: each change of status and each message written to them. Staff's own
 * entries under an unchanged status (internal notes, units assigned, circumstances recorded) are
 * left out, so they neither repeat a status on the reporter's page nor move its "updated" time.
 */
function reporterSteps(entries: TimelineRow[]): (TimelineRow & { status: IncidentStatus })[] {
  const steps: (TimelineRow & { status: IncidentStatus })[] = [];
  for (const entry of entries) {
    const { status } = entry;
    if (!isIncidentStatus(status)) continue;
    if (entry.public_text === null && steps.at(-1)?.status === status) continue;
    steps.push({ ...entry, status });
  }
  return steps;
}

export async function trackReport(db: Kysely<Tables>, code: string, language: Language): Promise<ReportStatusView | undefined> {
  const trackingCode = normaliseTrackingCode(code);
  if (!trackingCode) return undefined;
  const row = await findReportForTracking(db, trackingCode);
  if (!row || !isIncidentStatus(row.status)) return undefined;
  let status = row.status;
  const entries = [...row.timeline];
  let next = row.merged_into;
  for (let hop = 0; next && hop < MAX_MERGE_HOPS; hop++) {
    const target = await findMergeTarget(db, next);
    if (!target || !isIncidentStatus(target.status)) break;
    status = target.status;
    entries.push(...(await publicTimeline(db, target.id, entries[entries.length - 1]?.at)));
    next = target.merged_into;
  }
  const timeline = reporterSteps(entries).map((e) => ({
    at: e.at.toISOString(),
    status: e.status,
    text: e.public_text ?? statusText(e.status, language),
  }));
  return {
    trackingCode,
    status,
    category: row.category,
    createdAt: row.reported_at.toISOString(),
    updatedAt: timeline[timeline.length - 1]?.at ?? row.reported_at.toISOString(),
    timeline,
  };
}
