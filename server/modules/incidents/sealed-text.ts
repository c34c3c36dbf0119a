import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import type { FieldCrypto } from '../../secrets/field-crypto.js';
import './tables.js';

/** A person's note on a timeline, sealed as it enters; nothing written stays nothing. */
export function sealNote(fieldCrypto: FieldCrypto, note: string | null | undefined): string | null {
  return note ? fieldCrypto.encrypt(note) : null;
}

export function openSealed(fieldCrypto: FieldCrypto, sealed: string | null): string | null {
  return sealed === null ? null : fieldCrypto.decrypt(sealed);
}

// Small enough that one batch never holds many locks, large enough that a backlog clears in seconds.
const BATCH = 500;

/**
 * Seals descriptions and notes written in plain text before migration 0065 (migrations hold no
 * keys) and empties the plain columns. Idempotent: a second run finds nothing to do. Answers how
 * many rows it sealed.
 */
export async function sealPlainIncidentTexts(db: Kysely<Tables>, fieldCrypto: FieldCrypto): Promise<number> {
  let sealed = 0;
  for (;;) {
    const rows = await db
      .selectFrom('incidents')
      .select(['id', 'description'])
      .where('description', 'is not', null)
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      await db
        .updateTable('incidents')
        .set({ description_enc: fieldCrypto.encrypt(row.description!), description: null })
        .where('id', '=', row.id)
        .execute();
    }
    sealed += rows.length;
    if (rows.length < BATCH) break;
  }
  for (;;) {
    const rows = await db
      .selectFrom('incident_timeline')
      .select(['id', 'internal_note'])
      .where('internal_note', 'is not', null)
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      await db
        .updateTable('incident_timeline')
        .set({ internal_note_enc: fieldCrypto.encrypt(row.internal_note!), internal_note: null })
        .where('id', '=', row.id)
        .execute();
    }
    sealed += rows.length;
    if (rows.length < BATCH) break;
  }
  return sealed;
}
