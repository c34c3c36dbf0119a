import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';
import { ENROLMENT_BASES, ENROLMENT_STATUSES, PROGRAMME_KINDS } from './programme-tables.js';

// Type.Union over a mapped array loses the literal types; the cast restores what it validates.
const literals = <T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<TLiteral<T[number]>[]>;
const Uuid = Type.String({ format: 'uuid' });
const Time = Type.String({ format: 'date-time' });
const Day = Type.String({ format: 'date' });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

export const ProviderRequest = Type.Object(
  { regionId: Type.String({ maxLength: 64 }), name: Text(200), kind: literals(PROGRAMME_KINDS) },
  { additionalProperties: false },
);
export type ProviderRequest = Static<typeof ProviderRequest>;
export const ProviderView = Type.Object({
  id: Uuid,
  regionId: Type.String(),
  name: Type.String(),
  kind: literals(PROGRAMME_KINDS),
});
export type ProviderView = Static<typeof ProviderView>;

export const EnrolmentRequest = Type.Object(
  {
    providerId: Uuid,
    /** The aggressor, one of the case's people. */
    personId: Uuid,
    basis: literals(ENROLMENT_BASES),
    /** For a court-ordered enrolment: the court's special requirements on the case. */
    orderId: Type.Optional(Uuid),
    sessionsPlanned: Type.Integer({ minimum: 1, maximum: 200 }),
    missesAllowed: Type.Integer({ minimum: 0, maximum: 200 }),
  },
  { additionalProperties: false },
);
export type EnrolmentRequest = Static<typeof EnrolmentRequest>;

export const SessionRequest = Type.Object(
  { heldOn: Day, attended: Type.Boolean(), missedReason: Type.Optional(Text(1000)) },
  { additionalProperties: false },
);
export type SessionRequest = Static<typeof SessionRequest>;

export const EnrolmentEndRequest = Type.Object(
  { status: literals(['completed', 'dropped-out'] as const), endedOn: Day },
  { additionalProperties: false },
);
export type EnrolmentEndRequest = Static<typeof EnrolmentEndRequest>;

export const SessionView = Type.Object({
  id: Uuid,
  heldOn: Type.String(),
  attended: Type.Boolean(),
  /** Null when attended, and after retention dropped it. */
  missedReason: Type.Union([Type.String(), Type.Null()]),
});
export type SessionView = Static<typeof SessionView>;

export const EnrolmentView = Type.Object({
  id: Uuid,
  caseId: Uuid,
  personId: Uuid,
  provider: ProviderView,
  basis: literals(ENROLMENT_BASES),
  orderId: Type.Union([Uuid, Type.Null()]),
  sessionsPlanned: Type.Integer(),
  missesAllowed: Type.Integer(),
  attended: Type.Integer(),
  missed: Type.Integer(),
  status: literals(ENROLMENT_STATUSES),
  endedAt: Type.Union([Time, Type.Null()]),
  /** The breach of the court's order this enrolment caused, if any. */
  violationId: Type.Union([Uuid, Type.Null()]),
  enrolledAt: Time,
  sessions: Type.Array(SessionView),
});
export type EnrolmentView = Static<typeof EnrolmentView>;
