import { Type, type Static } from '@sinclair/typebox';
import type { Triage } from './triage.js';

/**
 * What the system says on an incident's timeline, as data: the console words it in the reader's
 * language. Names and codes only; free text people wrote stays in the entry's internal note,
 * except a reason given for a step, which is quoted as it was written.
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

/** A reason given for a step, when one was. */
export function reasonNotes(reason: string | null | undefined): SystemNote[] {
  const text = reason?.trim();
  return text ? [{ kind: 'reason', text }] : [];
}

/** Stored as jsonb, or null when there is nothing to say. */
export function storedNotes(notes: readonly SystemNote[] | undefined): string | null {
  return notes && notes.length > 0 ? JSON.stringify(notes) : null;
}
