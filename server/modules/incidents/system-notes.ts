import { Type, type Static } from '@sinclair/typebox';
import { CIRCUMSTANCE_FIELDS } from '../../../common/incident-circumstances.js';
import type { FieldCrypto } from '../../secrets/field-crypto.js';
import type { Triage } from './triage.js';

/**
 * What the system says on an incident's timeline, as data: the console words it in the reader's
 * language. Names and codes only; free text people wrote stays in the entry's internal note,
 * except a reason given for a step, which is quoted as it was written (stored sealed).
 */
export const SystemNote = Type.Union([
  Type.Object(
    { kind: Type.Literal('triage'), reasons: Type.Array(Type.String()) },
    {
      description:
        'the rules that set the first priority: category:<code>:P<n>, camera:<event>:P<n>, domestic-violence, child, sos',
    },
  ),
  Type.Object({
    kind: Type.Literal('priority'),
    from: Type.Integer(),
    to: Type.Integer(),
    by: Type.Union([Type.Literal('call_taker'), Type.Literal('operator')]),
  }),
  Type.Object({ kind: Type.Literal('reason'), text: Type.String() }),
  Type.Object({ kind: Type.Literal('merged_into'), incidentId: Type.String() }),
  Type.Object({ kind: Type.Literal('merged_from'), incidentId: Type.String() }),
  Type.Object({
    kind: Type.Literal('camera'),
    camera: Type.String(),
    eventType: Type.String(),
    confidence: Type.Number(),
    priority: Type.Integer(),
    eventId: Type.String(),
  }),
  Type.Object({ kind: Type.Literal('sos_alarm'), deviceId: Type.String(), alarmId: Type.String() }),
  Type.Object(
    {
      kind: Type.Literal('circumstances'),
      fields: Type.Array(Type.Union(CIRCUMSTANCE_FIELDS.map((field) => Type.Literal(field)))),
    },
    { description: 'staff recorded the circumstances: which fields changed, never their values' },
  ),
  Type.Object(
    { kind: Type.Literal('outcome') },
    { description: 'staff recorded, changed or cleared the investigation outcome; the incident shows what it is now' },
  ),
  Type.Object({ kind: Type.Literal('sos_acknowledged'), operator: Type.String() }),
  Type.Object({
    kind: Type.Literal('unit'),
    callSign: Type.String(),
    step: Type.Union([
      Type.Literal('assigned'),
      Type.Literal('accepted'),
      Type.Literal('on_scene'),
      Type.Literal('resolved'),
      Type.Literal('recalled'),
    ]),
  }),
]);
export type SystemNote = Static<typeof SystemNote>;

/** Why the rules chose the first priority. */
export function triageNote(triage: Triage): SystemNote {
  return { kind: 'triage', reasons: triage.reasons };
}

/**
 * A note as the timeline stores it: a reason is sealed like any text a person wrote, since a
 * reason for cancelling or merging names people and places as often as a note does. Rows from
 * before the reason was sealed keep their plain `text`.
 */
export type StoredSystemNote = SystemNote | { kind: 'reason'; textEnc: string };

/** A reason given for a step, when one was; sealed by the caller (`sealNote`). */
export function reasonNotes(reasonEnc: string | null | undefined): StoredSystemNote[] {
  return reasonEnc ? [{ kind: 'reason', textEnc: reasonEnc }] : [];
}

/** The notes as staff read them: sealed reasons opened. */
export function openNotes(fieldCrypto: FieldCrypto, notes: readonly StoredSystemNote[]): SystemNote[] {
  return notes.map((note) => ('textEnc' in note ? { kind: 'reason', text: fieldCrypto.decrypt(note.textEnc) } : note));
}

/** Stored as jsonb, or null when there is nothing to say. */
export function storedNotes(notes: readonly StoredSystemNote[] | undefined): string | null {
  return notes && notes.length > 0 ? JSON.stringify(notes) : null;
}
