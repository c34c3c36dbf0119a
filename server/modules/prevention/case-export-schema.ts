import { Type, type Static } from '@sinclair/typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const Time = Type.String({ format: 'date-time' });

export const ExportQuery = Type.Object(
  {
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('pdf')], { default: 'json' })),
    /** Names, IINs, addresses, phones and free text too: the case team only, with a written reason. */
    full: Type.Optional(Type.Boolean({ default: false })),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type ExportQuery = Static<typeof ExportQuery>;

/** A person as exported: role and initials; name and contacts only in a full export. */
const ExportPerson = Type.Object({
  role: Type.String(),
  initials: Type.String(),
  name: Type.Optional(Type.String()),
  iin: Type.Optional(Nullable(Type.String())),
  address: Type.Optional(Nullable(Type.String())),
  phone: Type.Optional(Nullable(Type.String())),
});

export const CaseExport = Type.Object({
  caseNumber: Type.String(),
  redacted: Type.Boolean(),
  exportedAt: Time,
  regionId: Type.String(),
  districtId: Type.String(),
  beatId: Type.String(),
  status: Type.String(),
  riskGrade: Nullable(Type.String()),
  openedAt: Time,
  anonymisedAt: Nullable(Time),
  people: Type.Array(ExportPerson),
  incidents: Type.Array(Type.Object({ occurredAt: Time })),
  assessments: Type.Array(
    Type.Object({
      assessedAt: Time,
      instrumentVersion: Type.String(),
      yesCount: Type.Integer(),
      scoreGrade: Type.String(),
      finalGrade: Type.String(),
      reason: Type.String(),
      rationale: Type.Optional(Nullable(Type.String())),
    }),
  ),
  orders: Type.Array(
    Type.Object({
      kind: Type.String(),
      conditions: Type.Array(Type.String()),
      issuedAt: Time,
      expiresAt: Time,
      violations: Type.Integer(),
    }),
  ),
  referrals: Type.Array(Type.Object({ referredAt: Time, criteria: Type.Array(Type.String()), isRepeat: Type.Boolean() })),
  decisions: Type.Array(Type.Object({ decidedAt: Time, decision: Type.Optional(Nullable(Type.String())) })),
  actions: Type.Array(
    Type.Object({
      agency: Type.String(),
      dueAt: Time,
      completedAt: Nullable(Time),
      description: Type.Optional(Nullable(Type.String())),
    }),
  ),
  programmes: Type.Array(
    Type.Object({
      providerKind: Type.String(),
      basis: Type.String(),
      sessionsPlanned: Type.Integer(),
      attended: Type.Integer(),
      missed: Type.Integer(),
      status: Type.String(),
      endedAt: Nullable(Time),
      breachRecorded: Type.Boolean(),
      provider: Type.Optional(Type.String()),
      missedReasons: Type.Optional(Type.Array(Type.String())),
    }),
  ),
  outcomes: Type.Array(Type.Object({ kind: Type.String(), occurredAt: Time })),
  timeline: Type.Array(Type.Object({ at: Time, kind: Type.String() })),
});
export type CaseExport = Static<typeof CaseExport>;
