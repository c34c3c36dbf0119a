/**
 * Schemas of the preventive registers that the server validates with and the web takes its
 * types from.
 */
import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';
import {
  REGISTER_AGENCIES,
  REGISTER_CONTACT_KINDS,
  REGISTER_KIND_NAMES,
  REGISTER_OUTCOMES,
  type RegisterKind,
  type RegisterLaw,
} from '../register-kinds.js';

const literals = <T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<TLiteral<T[number]>[]>;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const Time = Type.String({ format: 'date-time' });
const Day = Type.String({ format: 'date', description: 'a calendar day, YYYY-MM-DD' });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

export const RegisterKindName = literals(REGISTER_KIND_NAMES as unknown as readonly RegisterKind[]);
export const RegisterAgencyName = literals(REGISTER_AGENCIES);
export const RegisterLawName = literals([
  'administrative-supervision',
  'prevention-of-offences',
  'juvenile-delinquency',
] as const satisfies readonly RegisterLaw[]);

export const RegisterEntryRequest = Type.Object(
  {
    kind: RegisterKindName,
    /** The ruling or decision the entry rests on, e.g. a court ruling's number and date. */
    decision: Text(500),
    name: Text(200),
    iin: Type.Optional(Type.String({ pattern: '^[0-9]{12}$' })),
    address: Text(500),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 ()-]{5,24}$' })),
    /** The home, as the inspector placed it: the entry's district and beat. */
    location: Type.Object(
      { type: Type.Literal('Point'), coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }) },
      { additionalProperties: false },
    ),
    startDate: Day,
    reviewDate: Day,
    endDate: Day,
    /** The partner agency that works the entry with the inspector who makes it (who answers for it). */
    partnerAgency: Type.Optional(RegisterAgencyName),
  },
  { additionalProperties: false },
);
export type RegisterEntryRequest = Static<typeof RegisterEntryRequest>;

export const RegisterEntrySummary = Type.Object({
  id: Uuid,
  entryNumber: Type.String(),
  kind: RegisterKindName,
  legalBasis: RegisterLawName,
  regionId: Type.String(),
  districtId: Type.String(),
  beatId: Type.String(),
  status: literals(['active', 'closed'] as const),
  startDate: Day,
  reviewDate: Day,
  endDate: Day,
  isReviewDue: Type.Boolean(),
  partnerAgency: Nullable(RegisterAgencyName),
  closeReason: Nullable(literals(['expired', 'review'] as const)),
});
export type RegisterEntrySummary = Static<typeof RegisterEntrySummary>;

export const RegisterContactView = Type.Object({
  id: Uuid,
  entryId: Uuid,
  kind: literals(REGISTER_CONTACT_KINDS),
  dueDate: Day,
  isOverdue: Type.Boolean(),
  outcome: Nullable(literals(REGISTER_OUTCOMES)),
  note: Nullable(Type.String()),
  doneAt: Nullable(Time),
});
export type RegisterContactView = Static<typeof RegisterContactView>;

export const RegisterReviewView = Type.Object({
  id: Uuid,
  decision: literals(['extend', 'close'] as const),
  previousEndDate: Day,
  endDate: Day,
  reviewDate: Nullable(Day),
  reason: Nullable(Type.String()),
  decidedAt: Time,
});
export type RegisterReviewView = Static<typeof RegisterReviewView>;

/** A handover of the entry from one officer to another; the reason is null once the entry is anonymised. */
export const RegisterHandoverView = Type.Object({
  id: Uuid,
  previousOfficerId: Nullable(Uuid),
  previousOfficerName: Nullable(Type.String()),
  newOfficerId: Uuid,
  newOfficerName: Nullable(Type.String()),
  handedById: Uuid,
  handedByName: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  handedAt: Time,
});
export type RegisterHandoverView = Static<typeof RegisterHandoverView>;

export const RegisterAccess = literals(['responsible', 'beat-inspector', 'supervisor', 'partner'] as const);
export type RegisterAccess = Static<typeof RegisterAccess>;

const Point = Type.Object({ lon: Type.Number(), lat: Type.Number() });

/** The whole entry, for its team: who it is about is null once the entry has ended and been anonymised. */
export const RegisterEntryView = Type.Composite([
  RegisterEntrySummary,
  Type.Object({
    access: RegisterAccess,
    latestEndDate: Day,
    responsibleOfficerId: Nullable(Uuid),
    responsibleOfficerName: Nullable(Type.String()),
    decision: Nullable(Type.String()),
    name: Nullable(Type.String()),
    iin: Nullable(Type.String()),
    address: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    point: Nullable(Point),
    contacts: Type.Array(RegisterContactView),
    reviews: Type.Array(RegisterReviewView),
    handovers: Type.Array(RegisterHandoverView),
  }),
]);
export type RegisterEntryView = Static<typeof RegisterEntryView>;

/** Hands an active entry to another officer; the reason (10–1000 characters, checked by the service) is sealed. */
export const RegisterHandoverRequest = Type.Object(
  { officerId: Uuid, reason: Type.String({ maxLength: 4000 }) },
  { additionalProperties: false },
);
export type RegisterHandoverRequest = Static<typeof RegisterHandoverRequest>;

/** Officers who could take the entry: names only, no contacts. */
export const RegisterOfficerList = Type.Object({
  items: Type.Array(Type.Object({ id: Uuid, displayName: Type.String() })),
});
export type RegisterOfficerList = Static<typeof RegisterOfficerList>;

export const RegisterListQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    status: Type.Optional(literals(['active', 'closed'] as const)),
    kind: Type.Optional(RegisterKindName),
    mine: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type RegisterListQuery = Static<typeof RegisterListQuery>;

export const RegisterContactRequest = Type.Object(
  { kind: literals(REGISTER_CONTACT_KINDS), dueDate: Day },
  { additionalProperties: false },
);
export type RegisterContactRequest = Static<typeof RegisterContactRequest>;

export const RegisterOutcomeRequest = Type.Object(
  { outcome: literals(REGISTER_OUTCOMES), note: Type.Optional(Text(2000)) },
  { additionalProperties: false },
);
export type RegisterOutcomeRequest = Static<typeof RegisterOutcomeRequest>;

export const RegisterReviewRequest = Type.Union([
  Type.Object(
    { decision: Type.Literal('extend'), endDate: Day, reviewDate: Day, reason: Text(2000) },
    { additionalProperties: false },
  ),
  Type.Object({ decision: Type.Literal('close'), reason: Text(2000) }, { additionalProperties: false }),
]);
export type RegisterReviewRequest = Static<typeof RegisterReviewRequest>;

/** One line of the inspector's day: a visit or a review, where to go, and for whom. */
export const RegisterTodayItem = Type.Object({
  type: literals(['visit', 'review'] as const),
  entryId: Uuid,
  entryNumber: Type.String(),
  kind: RegisterKindName,
  contactId: Nullable(Uuid),
  contactKind: Nullable(literals(REGISTER_CONTACT_KINDS)),
  dueDate: Day,
  isOverdue: Type.Boolean(),
  name: Type.String(),
  address: Type.String(),
  point: Nullable(Point),
});
export type RegisterTodayItem = Static<typeof RegisterTodayItem>;

export const RegisterToday = Type.Object({ today: Day, items: Type.Array(RegisterTodayItem) });
export type RegisterToday = Static<typeof RegisterToday>;
