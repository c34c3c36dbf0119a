import fs from 'node:fs';
import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import type { MediaStore, ReceivedMedia } from './media.js';
import './tables.js';

export async function insertMedia(
  trx: Kysely<Tables>,
  incident: { id: string; regionId: string },
  media: ReceivedMedia[],
): Promise<void> {
  if (media.length === 0) return;
  await trx
    .insertInto('incident_media')
    .values(
      media.map((m) => ({
        incident_id: incident.id,
        region_id: incident.regionId,
        sha256: m.sha256,
        media_type: m.mediaType,
        kind: m.kind,
        size_bytes: m.sizeBytes,
        public_copy: m.publicCopy,
      })),
    )
    // The same photo twice on one report is one piece of evidence.
    .onConflict((oc) => oc.columns(['incident_id', 'sha256']).doNothing())
    .execute();
}

export function listMedia(db: Kysely<Tables>, incidentId: string) {
  return db
    .selectFrom('incident_media')
    .select(['id', 'sha256', 'media_type', 'kind', 'size_bytes', 'public_copy', 'created_at'])
    .where('incident_id', '=', incidentId)
    .orderBy('id')
    .execute();
}

export function findMedia(db: Kysely<Tables>, incidentId: string, sha256: string) {
  return db
    .selectFrom('incident_media')
    .select(['sha256', 'media_type', 'kind', 'public_copy'])
    .where('incident_id', '=', incidentId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
}

/**
 * Files of a refused report are removed unless another report holds the same bytes: the store
 * is content-addressed, so the check is by hash, after the refusal is final.
 */
export async function discardUnreferenced(db: Kysely<Tables>, store: MediaStore, media: ReceivedMedia[]): Promise<void> {
  if (media.length === 0) return;
  const kept = await db
    .selectFrom('incident_media')
    .select('sha256')
    .where(
      'sha256',
      'in',
      media.map((m) => m.sha256),
    )
    .execute();
  const referenced = new Set(kept.map((r) => r.sha256));
  for (const m of media) {
    if (referenced.has(m.sha256)) continue;
    fs.rmSync(store.originalPath(m.sha256), { force: true });
    fs.rmSync(store.publicPath(m.sha256), { force: true });
  }
}
