import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Tables } from '../../db/tables.js';
import { eventInsertsFor, type DomainEvent } from '../../events/index.js';
import { auditInsertsFor, type AuditEntry } from '../audit/index.js';
import type { StoredResponse } from './idempotency.js';
import type { ReceivedMedia } from './media.js';
import type { NewReportRow } from './report-store.js';
import type { SystemNote } from './system-notes.js';

export interface StoredReport {
  /** Drawn by the caller, so the audit entry, the event and the receipt can name it up front. */
  id: string;
  row: NewReportRow;
  first: { status: string; internalNoteEnc: string | null; systemNotes: SystemNote[] };
  media: ReceivedMedia[];
  audit: AuditEntry;
  event: DomainEvent;
  /** With an Idempotency-Key: the key claimed together with its answer. */
  key?: { scope: string; key: string; hash: string; answer: StoredResponse };
}

function reportRows(reports: StoredReport[]): string {
  return JSON.stringify(
    reports.map(({ id, row: r, first, key }, ord) => ({
      ord,
      id,
      tracking_code: r.trackingCode,
      region_id: r.regionId,
      district_id: r.districtId,
      beat_id: r.beatId,
      h3: r.h3,
      lon: r.lon,
      lat: r.lat,
      category: r.category,
      status: first.status,
      priority: r.priority,
      source: r.source,
      description_enc: r.descriptionEnc,
      occurred_at: r.occurredAt,
      reported_at: r.reportedAt,
      anonymous: r.anonymous,
      reporter_name_enc: r.reporterNameEnc,
      reporter_phone_enc: r.reporterPhoneEnc,
      reporter_phone_hash: r.reporterPhoneHash,
      reporter_email_enc: r.reporterEmailEnc,
      internal_note_enc: first.internalNoteEnc,
      system_notes: first.systemNotes,
      key_scope: key?.scope ?? null,
      key: key?.key ?? null,
    })),
  );
}

function keyRows(reports: StoredReport[]): string {
  return JSON.stringify(
    reports.flatMap(({ key }) =>
      key ? [{ scope: key.scope, key: key.key, hash: key.hash, status: key.answer.status, body: key.answer.body }] : [],
    ),
  );
}

function mediaRows(reports: StoredReport[]): string {
  return JSON.stringify(
    reports.flatMap(({ media }, ord) =>
      media.map((m) => ({
        ord,
        sha256: m.sha256,
        media_type: m.mediaType,
        kind: m.kind,
        size_bytes: m.sizeBytes,
        public_copy: m.publicCopy,
      })),
    ),
  );
}

/**
 * Files reports in ONE statement: the keys' claims, the incidents, their first timeline entries,
 * their media, the audit entries and the outbox events. A single statement commits atomically on
 * its own, so it needs no transaction and costs one round trip and one commit however many
 * reports it carries. Each claim is stored already answered, since the answer is known before
 * the statement runs; a report whose key is already claimed writes nothing, and a request with a
 * key another statement is writing waits on the key's unique index for at most `keyWait`. A
 * tracking code already in use fails the whole statement with a unique violation.
 *
 * Answers the ids of the incidents written.
 */
export function reportsStatement(reports: StoredReport[], keyWait: string): RawBuilder<{ id: string }> {
  return sql<{ id: string }>`
    with input as (
      select * from jsonb_to_recordset(${reportRows(reports)}::jsonb) as r (ord int, id uuid, tracking_code text,
        region_id text, district_id text, beat_id text, h3 text, lon float8, lat float8, category text, status text,
        priority int, source text, description_enc text, occurred_at timestamptz, reported_at timestamptz, anonymous boolean,
        reporter_name_enc text, reporter_phone_enc text, reporter_phone_hash text, reporter_email_enc text,
        internal_note_enc text, system_notes jsonb, key_scope text, key text)),
    claim as (
      insert into idempotency_keys (scope, key, request_hash, status, response_status, response_body)
      select k.scope, k.key, k.hash, 'done', k.status, k.body
      from (select set_config('lock_timeout', ${keyWait}, true)) wait,
        jsonb_to_recordset(${keyRows(reports)}::jsonb) as k (scope text, key text, hash text, status int, body jsonb)
      on conflict (scope, key) do nothing
      returning scope, key),
    accepted as (
      select * from input i
      where i.key is null or exists (select 1 from claim c where c.scope = i.key_scope and c.key = i.key)),
    incident as (
      insert into incidents (id, tracking_code, region_id, district_id, beat_id, h3, location, category, status,
        priority, source, description_enc, occurred_at, reported_at, anonymous, reporter_name_enc, reporter_phone_enc,
        reporter_phone_hash, reporter_email_enc)
      select id, tracking_code, region_id, district_id, beat_id, h3, ST_SetSRID(ST_MakePoint(lon, lat), 4326), category,
        status, priority, source, description_enc, occurred_at, reported_at, anonymous, reporter_name_enc,
        reporter_phone_enc, reporter_phone_hash, reporter_email_enc
      from accepted
      returning id),
    timeline as (
      insert into incident_timeline (incident_id, region_id, at, status, public_text, internal_note_enc, system_notes)
      select id, region_id, reported_at, status, null, internal_note_enc, system_notes from accepted),
    media as (
      insert into incident_media (incident_id, region_id, sha256, media_type, kind, size_bytes, public_copy)
      select a.id, a.region_id, m.sha256, m.media_type, m.kind, m.size_bytes, m.public_copy
      from accepted a
      join jsonb_to_recordset(${mediaRows(reports)}::jsonb) as m (ord int, sha256 text, media_type text, kind text,
        size_bytes bigint, public_copy boolean) on m.ord = a.ord
      on conflict (incident_id, sha256) do nothing),
    audit as (${auditInsertsFor(
      'accepted',
      reports.map((r) => r.audit),
    )}),
    event as (${eventInsertsFor(
      'accepted',
      reports.map((r) => r.event),
    )})
    select id from incident`;
}

/** Runs `reportsStatement`: the set of ids written (a report missing from it found its key taken). */
export async function storeReports(db: Kysely<Tables>, reports: StoredReport[], keyWait: string): Promise<Set<string>> {
  const { rows } = await reportsStatement(reports, keyWait).execute(db);
  return new Set(rows.map((row) => row.id));
}
