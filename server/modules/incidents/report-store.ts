import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import './tables.js';
import { storedNotes, type StoredSystemNote } from './system-notes.js';

export interface NewReportRow {
  trackingCode: string;
  regionId: string;
  districtId: string;
  beatId: string;
  h3: string;
  lon: number;
  lat: number;
  category: string;
  priority: number;
  /** Field-encrypted, like the reporter's contact. */
  descriptionEnc: string;
  occurredAt: Date;
  reportedAt: Date;
  anonymous: boolean;
  source: string;
  reporterNameEnc: string | null;
  reporterPhoneEnc: string | null;
  reporterPhoneHash: string | null;
  reporterEmailEnc: string | null;
}

export async function appendTimeline(
  trx: Kysely<Tables>,
  entry: {
    incidentId: string;
    regionId: string;
    at: Date;
    status: string;
    publicText: string | null;
    /** A person's note, field-encrypted by the caller. */
    internalNoteEnc: string | null;
    systemNotes?: StoredSystemNote[];
  },
): Promise<void> {
  await trx
    .insertInto('incident_timeline')
    .values({
      incident_id: entry.incidentId,
      region_id: entry.regionId,
      at: entry.at,
      status: entry.status,
      public_text: entry.publicText,
      internal_note_enc: entry.internalNoteEnc,
      system_notes: storedNotes(entry.systemNotes),
    })
    .execute();
}

/** What the reporter may see of a report: no location, no description, no reporter, no notes. */
export async function findReportForTracking(db: Kysely<Tables>, trackingCode: string) {
  const incident = await db
    .selectFrom('incidents')
    .select(['id', 'tracking_code', 'status', 'category', 'reported_at', 'merged_into'])
    .where('tracking_code', '=', trackingCode)
    .executeTakeFirst();
  if (!incident) return undefined;
  return { ...incident, timeline: await publicTimeline(db, incident.id) };
}

export function publicTimeline(db: Kysely<Tables>, incidentId: string, since?: Date) {
  let q = db
    .selectFrom('incident_timeline')
    .select(['at', 'status', 'public_text'])
    .where('incident_id', '=', incidentId)
    .orderBy('at')
    .orderBy('id');
  if (since) q = q.where('at', '>', since);
  return q.execute();
}

// A merged report's target can itself be merged later; a chain longer than this is not followed.
export const MAX_MERGE_HOPS = 5;

/** The incident a merged report now lives on: its status, place and merge pointer. */
export function findMergeTarget(db: Kysely<Tables>, id: string) {
  return db
    .selectFrom('incidents')
    .select(['id', 'status', 'region_id', 'district_id', 'merged_into'])
    .where('id', '=', id)
    .executeTakeFirst();
}
