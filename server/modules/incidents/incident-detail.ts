import { Type, type Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { Jurisdiction } from '../../../common/roles.js';
import type { Tables } from '../../db/tables.js';
import { AppError } from '../../http/errors.js';
import type { FieldCrypto } from '../../secrets/field-crypto.js';
import { recordAudit } from '../audit/index.js';
import { CIRCUMSTANCE_COLUMNS, CircumstancesView, presentCircumstances } from './circumstances.js';
import { OUTCOME_COLUMNS, OutcomeView, presentOutcome } from './outcome.js';
import { IncidentView, presentIncident } from './present.js';
import { openSealed } from './sealed-text.js';
import { findIncident } from './store.js';
import { openNotes, SystemNote } from './system-notes.js';

export const TimelineEntryView = Type.Object({
  at: Type.String({ format: 'date-time' }),
  status: Type.String(),
  publicText: Type.Union([Type.String(), Type.Null()]),
  internalNote: Type.Union([Type.String(), Type.Null()]),
  /** What the system said (rules, units, merges) as data, for the reader to word in their own language. */
  systemNotes: Type.Array(SystemNote),
});

export const IncidentDetailView = Type.Composite([
  IncidentView,
  Type.Object({
    description: Type.Union([Type.String(), Type.Null()]),
    trackingCode: Type.Union([Type.String(), Type.Null()]),
    anonymous: Type.Boolean(),
    mergedInto: Type.Union([Type.String(), Type.Null()]),
    /** An active protection order covers the place: warn the units sent. A yes or no, never whom it protects. */
    caution: Type.Boolean(),
    /** Decrypted for the operator who may need to call back; the read is audited. */
    reporter: Type.Object({
      name: Type.Union([Type.String(), Type.Null()]),
      phone: Type.Union([Type.String(), Type.Null()]),
      email: Type.Union([Type.String(), Type.Null()]),
    }),
    /** What staff recorded about the victim, the suspect and the place; each null until recorded. */
    circumstances: CircumstancesView,
    /** How the investigation of a crime ended and on which day; null until decided. */
    outcome: OutcomeView,
    timeline: Type.Array(TimelineEntryView),
  }),
]);
export type IncidentDetailView = Static<typeof IncidentDetailView>;

/** Whether an active protection order covers a place (the prevention module answers). */
export type CautionAt = (place: { lon: number; lat: number; regionId: string }) => Promise<boolean>;

export interface DetailReader {
  userId: string;
  jurisdiction: Jurisdiction;
  ip: string;
}

/**
 * Everything staff see of one incident: the record, its description, the reporter's contact and
 * the whole timeline with internal notes. Undefined-as-404 outside the jurisdiction; every read
 * is on record, since the contact and the place may identify a victim.
 */
export async function readIncidentDetail(
  deps: { db: Kysely<Tables>; fieldCrypto: FieldCrypto; caution: CautionAt },
  reader: DetailReader,
  id: string,
): Promise<IncidentDetailView> {
  const row = await findIncident(deps.db, reader.jurisdiction, id);
  if (!row) throw new AppError('incident.not_found');
  const [extra, timeline] = await Promise.all([
    deps.db
      .selectFrom('incidents')
      .select([
        'description_enc',
        'tracking_code',
        'anonymous',
        'merged_into',
        'reporter_name_enc',
        'reporter_phone_enc',
        'reporter_email_enc',
        ...CIRCUMSTANCE_COLUMNS,
        ...OUTCOME_COLUMNS,
      ])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow(),
    deps.db
      .selectFrom('incident_timeline')
      .select(['at', 'status', 'public_text', 'internal_note_enc', 'system_notes'])
      .where('incident_id', '=', row.id)
      .orderBy('at')
      .orderBy('id')
      .execute(),
  ]);
  const point = row.location_json ? (JSON.parse(row.location_json) as { coordinates: [number, number] }).coordinates : null;
  const caution = point ? await deps.caution({ lon: point[0], lat: point[1], regionId: row.region_id }) : false;
  const open = (sealed: string | null) => openSealed(deps.fieldCrypto, sealed);
  const reporter = {
    name: open(extra.reporter_name_enc),
    phone: open(extra.reporter_phone_enc),
    email: open(extra.reporter_email_enc),
  };
  await recordAudit(deps.db, {
    action: 'incident.read',
    outcome: 'success',
    actor: { kind: 'user', id: reader.userId },
    target: { type: 'incident', id: row.id },
    regionId: row.region_id,
    ip: reader.ip,
    details: { view: 'detail', reporterContact: Object.values(reporter).some((v) => v !== null) },
  });
  return {
    ...presentIncident(row),
    description: open(extra.description_enc),
    trackingCode: extra.tracking_code,
    anonymous: extra.anonymous,
    mergedInto: extra.merged_into,
    caution,
    reporter,
    circumstances: presentCircumstances(extra),
    outcome: presentOutcome(extra),
    timeline: timeline.map((e) => ({
      at: e.at.toISOString(),
      status: e.status,
      publicText: e.public_text,
      internalNote: open(e.internal_note_enc),
      systemNotes: openNotes(deps.fieldCrypto, e.system_notes ?? []),
    })),
  };
}
