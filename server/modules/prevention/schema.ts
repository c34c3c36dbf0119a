import { Type, type Static, type TLiteral, type TSchema, type TUnion } from '@sinclair/typebox';
import { CaseClosingView } from './case-closing-schema.js';
import { ANSWER_SOURCES, ANSWERS, RISK_GRADES } from '../../../common/risk-instruments.js';

// Type.Union over a mapped array loses the literal types; the cast restores what it validates.
const literals = <T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<TLiteral<T[number]>[]>;
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const Time = Type.String({ format: 'date-time' });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

export const AGENCIES = ['police', 'prosecutor', 'health', 'education', 'social-protection', 'crisis-centre', 'ngo'] as const;
export type Agency = (typeof AGENCIES)[number];
export const ORDER_KINDS = ['police-protection', 'court-special-requirements'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];
export const ORDER_CONDITIONS = ['no-contact', 'no-weapons', 'no-alcohol-drugs', 'psycho-correction'] as const;
export type OrderCondition = (typeof ORDER_CONDITIONS)[number];
export const PERSON_ROLES = ['victim', 'aggressor', 'child', 'other'] as const;
export const REFERRAL_CRITERIA = ['high-score', 'professional-judgement', 'escalation', 'repeat'] as const;
export type ReferralCriterion = (typeof REFERRAL_CRITERIA)[number];
export const ASSESSMENT_REASONS = ['initial', 'new-incident', 'order-violation', 'review'] as const;
export type AssessmentReason = (typeof ASSESSMENT_REASONS)[number];

const Grade = literals(RISK_GRADES);
const AgencyName = literals(AGENCIES);
/** The statute and article a step rests on, e.g. "Law on the prevention of domestic violence, art. 20". */
const LegalBasis = Type.String({ minLength: 3, maxLength: 500, pattern: '\\S', description: 'legal basis of this step' });

export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });
export const UserIdParams = Type.Object({ userId: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

export const GeoJsonPoint = Type.Object(
  { type: Type.Literal('Point'), coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 3 }) },
  { additionalProperties: false },
);

export const PersonInput = Type.Object(
  {
    role: literals(PERSON_ROLES),
    name: Text(200),
    iin: Type.Optional(Type.String({ pattern: '^[0-9]{12}$' })),
    address: Type.Optional(Text(500)),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 ()-]{5,24}$' })),
  },
  { additionalProperties: false },
);
export type PersonInput = Static<typeof PersonInput>;

const IncidentLink = Type.Object({ incidentId: Uuid, occurredAt: Time }, { additionalProperties: false });
export const LinkIncidentRequest = IncidentLink;
export type LinkIncidentRequest = Static<typeof IncidentLink>;

export const CreateCaseRequest = Type.Object(
  {
    /** The victim's home, from the address the officer geocoded: the case's jurisdiction. */
    location: Type.Optional(GeoJsonPoint),
    /** Instead of the home's point: the beat the home is in, chosen from the officer's jurisdiction. */
    beatId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    legalBasis: LegalBasis,
    people: Type.Array(PersonInput, { minItems: 1, maxItems: 20 }),
    incident: Type.Optional(IncidentLink),
  },
  { additionalProperties: false },
);
export type CreateCaseRequest = Static<typeof CreateCaseRequest>;

export const CaseSummary = Type.Object({
  id: Uuid,
  caseNumber: Type.String(),
  regionId: Type.String(),
  districtId: Type.String(),
  beatId: Type.String(),
  status: literals(['open', 'closed'] as const),
  riskGrade: Nullable(Grade),
  needsReassessment: Type.Boolean(),
  createdAt: Time,
  updatedAt: Time,
  /** When the case was closed; null while open. */
  closedAt: Nullable(Time),
});
export type CaseSummary = Static<typeof CaseSummary>;

export const PersonView = Type.Object({
  id: Uuid,
  role: literals(PERSON_ROLES),
  name: Type.String(),
  iin: Nullable(Type.String()),
  address: Nullable(Type.String()),
  phone: Nullable(Type.String()),
});

export const CaseView = Type.Composite([
  CaseSummary,
  Type.Object({
    responsibleOfficerId: Uuid,
    people: Type.Array(PersonView),
    incidents: Type.Array(Type.Object({ incidentId: Uuid, occurredAt: Time, linkedAt: Time })),
    timeline: Type.Array(
      Type.Object({
        at: Time,
        kind: Type.String(),
        legalBasis: Nullable(Type.String()),
        details: Type.Record(Type.String(), Type.Unknown()),
      }),
    ),
  }),
]);
export type CaseView = Static<typeof CaseView>;

export const CaseListQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    riskGrade: Type.Optional(Grade),
    /** Only the cases whose team the caller is on. */
    mine: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const AssessmentRequest = Type.Object(
  {
    answers: Type.Array(
      Type.Object(
        { question: Type.String({ maxLength: 64 }), answer: literals(ANSWERS), source: literals(ANSWER_SOURCES) },
        { additionalProperties: false },
      ),
      { maxItems: 100 },
    ),
    /** The officer's own grade; it may raise the score's grade, never lower it. */
    judgementGrade: Type.Optional(Grade),
    rationale: Type.Optional(Text(4000)),
    reason: literals(ASSESSMENT_REASONS),
    incidentId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type AssessmentRequest = Static<typeof AssessmentRequest>;

export const ReferralView = Type.Object({
  id: Uuid,
  caseId: Uuid,
  caseNumber: Type.String(),
  regionId: Type.String(),
  districtId: Type.String(),
  criteria: Type.Array(literals(REFERRAL_CRITERIA)),
  isRepeat: Type.Boolean(),
  referredAt: Time,
  conferenceId: Nullable(Uuid),
});
export type ReferralView = Static<typeof ReferralView>;

/** A case on a conference's agenda: its referral, and whether the case was closed since (it then takes no decision or action). */
export const AgendaEntryView = Type.Composite([ReferralView, Type.Object({ caseClosed: Type.Boolean() })]);
export type AgendaEntryView = Static<typeof AgendaEntryView>;

export const AssessmentView = Type.Object({
  id: Uuid,
  instrumentVersion: Type.String(),
  yesCount: Type.Integer(),
  scoreGrade: Grade,
  finalGrade: Grade,
  raisedByJudgement: Type.Boolean(),
  reason: literals(ASSESSMENT_REASONS),
  assessedAt: Time,
  /** The referral this assessment made or joined, if any. */
  referral: Nullable(ReferralView),
});
export type AssessmentView = Static<typeof AssessmentView>;

export const RiskTrend = Type.Object({
  caseId: Uuid,
  points: Type.Array(Type.Omit(AssessmentView, ['referral'])),
});

export const OutcomeRequest = Type.Object(
  { kind: literals(['revictimised', 'no-further-abuse'] as const), occurredAt: Time, incidentId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export type OutcomeRequest = Static<typeof OutcomeRequest>;
export const OutcomeView = Type.Object({ id: Uuid, caseId: Uuid, kind: Type.String(), occurredAt: Time });

export const ConferenceRequest = Type.Object(
  {
    districtId: Type.String({ maxLength: 64 }),
    scheduledAt: Time,
    agencies: Type.Array(AgencyName, { minItems: 1, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type ConferenceRequest = Static<typeof ConferenceRequest>;

export const ActionView = Type.Object({
  id: Uuid,
  caseId: Uuid,
  conferenceId: Uuid,
  agency: AgencyName,
  description: Type.String(),
  dueAt: Time,
  completedAt: Nullable(Time),
  isOverdue: Type.Boolean(),
});
export type ActionView = Static<typeof ActionView>;

export const DecisionView = Type.Object({
  id: Uuid,
  caseId: Uuid,
  decision: Type.String(),
  decidedAt: Time,
  amendedAt: Nullable(Time),
  /** The texts it replaced, oldest first, each with why it was amended. */
  history: Type.Array(Type.Object({ previousDecision: Type.String(), reason: Type.String(), amendedAt: Time })),
});
export type DecisionView = Static<typeof DecisionView>;

export const ConferenceView = Type.Object({
  id: Uuid,
  regionId: Type.String(),
  districtId: Type.String(),
  scheduledAt: Time,
  agencies: Type.Array(AgencyName),
  /** The invited agencies that came; null until attendance is recorded. */
  attended: Nullable(Type.Array(AgencyName)),
  agenda: Type.Array(AgendaEntryView),
  decisions: Type.Array(DecisionView),
  actions: Type.Array(ActionView),
  /** Corrections of the attendance after it was recorded, oldest first. */
  attendanceCorrections: Type.Array(
    Type.Object({
      previous: Type.Array(AgencyName),
      attended: Type.Array(AgencyName),
      reason: Type.String(),
      correctedAt: Time,
    }),
  ),
});
export type ConferenceView = Static<typeof ConferenceView>;

/** A conference in a list: when, who was invited and came, how many cases and open actions. */
export const ConferenceSummary = Type.Object({
  id: Uuid,
  regionId: Type.String(),
  districtId: Type.String(),
  scheduledAt: Time,
  agencies: Type.Array(AgencyName),
  attended: Nullable(Type.Array(AgencyName)),
  agendaCount: Type.Integer(),
  openActions: Type.Integer(),
});
export type ConferenceSummary = Static<typeof ConferenceSummary>;

export const AttendanceRequest = Type.Object(
  { attended: Type.Array(AgencyName, { uniqueItems: true, maxItems: AGENCIES.length }) },
  { additionalProperties: false },
);
export type AttendanceRequest = Static<typeof AttendanceRequest>;

export const ConferenceDecisionRequest = Type.Object({ caseId: Uuid, decision: Text(2000) }, { additionalProperties: false });
export type ConferenceDecisionRequest = Static<typeof ConferenceDecisionRequest>;

export const ReferralListQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    /** Only referrals no conference has heard yet: the cases due for the next one. */
    waiting: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const ActionRequest = Type.Object(
  { caseId: Uuid, agency: AgencyName, description: Text(2000), dueAt: Time },
  { additionalProperties: false },
);
export type ActionRequest = Static<typeof ActionRequest>;

export const ActionListQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    overdue: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const PartnerAgencyRequest = Type.Object({ agency: AgencyName }, { additionalProperties: false });
export const PartnerAgencyView = Type.Object({ userId: Uuid, agency: AgencyName });

export const OrderRequest = Type.Object(
  {
    kind: literals(ORDER_KINDS),
    conditions: Type.Array(literals(ORDER_CONDITIONS), { uniqueItems: true, maxItems: 4 }),
    legalBasis: LegalBasis,
    issuedAt: Type.Optional(Time),
    /** Court special requirements only: their term in months. */
    months: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 })),
  },
  { additionalProperties: false },
);
export type OrderRequest = Static<typeof OrderRequest>;

export const OrderView = Type.Object({
  id: Uuid,
  caseId: Uuid,
  kind: literals(ORDER_KINDS),
  conditions: Type.Array(literals(ORDER_CONDITIONS)),
  legalBasis: Type.String(),
  issuedAt: Time,
  expiresAt: Time,
  isActive: Type.Boolean(),
  violations: Type.Integer(),
});
export type OrderView = Static<typeof OrderView>;

export const OrderListQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    /** Only active orders ending within this many days: the reminder list. */
    expiringWithinDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 366 })),
  },
  { additionalProperties: false },
);

export const ViolationRequest = Type.Object(
  {
    occurredAt: Time,
    legalBasis: LegalBasis,
    incidentId: Type.Optional(Uuid),
    /** What happened, in the officer's words: sealed at rest, read by the case's readers only. */
    description: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);
export type ViolationRequest = Static<typeof ViolationRequest>;
export const ViolationView = Type.Object({
  id: Uuid,
  orderId: Uuid,
  caseId: Uuid,
  /** The case was closed: the breach is kept, and the team should reopen the case to act on it. */
  caseClosed: Type.Boolean(),
  /** The breach marked the case for a new risk assessment. */
  needsReassessment: Type.Boolean(),
  /** The referral to a risk conference the breach made or joined, if any. */
  referral: Nullable(ReferralView),
});
export type ViolationView = Static<typeof ViolationView>;

/** A breach as the case file shows it, in its order's history. */
export const ViolationRecordView = Type.Object({
  id: Uuid,
  orderId: Uuid,
  occurredAt: Time,
  recordedAt: Time,
  legalBasis: Type.String(),
  description: Nullable(Type.String()),
  incidentId: Nullable(Uuid),
});
export type ViolationRecordView = Static<typeof ViolationRecordView>;

export const CentreRequest = Type.Object(
  {
    regionId: Type.String({ maxLength: 64 }),
    name: Text(200),
    kind: literals(['crisis-centre', 'shelter'] as const),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 ()-]{5,24}$' })),
    bedsTotal: Type.Integer({ minimum: 0, maximum: 10_000 }),
    acceptsChildren: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type CentreRequest = Static<typeof CentreRequest>;

export const CentreView = Type.Object({
  id: Uuid,
  regionId: Type.String(),
  name: Type.String(),
  kind: literals(['crisis-centre', 'shelter'] as const),
  phone: Nullable(Type.String()),
  bedsTotal: Type.Integer(),
  bedsOccupied: Type.Integer(),
  bedsFree: Type.Integer(),
  acceptsChildren: Type.Boolean(),
  occupancyUpdatedAt: Time,
});
export type CentreView = Static<typeof CentreView>;

export const CentreListQuery = Type.Object(
  {
    /** Only centres with at least this many free beds now, most free first. */
    freeBeds: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    regionId: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const OccupancyRequest = Type.Object({ bedsOccupied: Type.Integer({ minimum: 0 }) }, { additionalProperties: false });

export const CentreReferralRequest = Type.Object(
  { caseId: Type.Optional(Uuid), beds: Type.Integer({ minimum: 1, maximum: 20 }) },
  { additionalProperties: false },
);
export type CentreReferralRequest = Static<typeof CentreReferralRequest>;

export const DecisionRequest = Type.Object(
  { accepted: Type.Boolean(), reason: Type.Optional(Text(1000)) },
  { additionalProperties: false },
);
export type DecisionRequest = Static<typeof DecisionRequest>;

export const CentreReferralView = Type.Object({
  id: Uuid,
  centreId: Uuid,
  caseId: Nullable(Uuid),
  beds: Type.Integer(),
  status: literals(['pending', 'accepted', 'refused'] as const),
  refusalReason: Nullable(Type.String()),
  referredAt: Time,
  decidedAt: Nullable(Time),
});
export type CentreReferralView = Static<typeof CentreReferralView>;

export const CASE_ACCESS = ['team', 'oversight', 'break-glass'] as const;

/** The whole case file as the team sees it: the case, its orders, referrals and safety plan. */
export const CaseFileView = Type.Composite([
  CaseView,
  Type.Object({
    /** Why the caller may read it: the UI warns a break-glass reader that the read is logged. */
    access: literals(CASE_ACCESS),
    orders: Type.Array(OrderView),
    /** Every breach of the case's orders, oldest first. */
    violations: Type.Array(ViolationRecordView),
    referrals: Type.Array(ReferralView),
    actions: Type.Array(ActionView),
    /** Outcome and reason of the close while the case is closed; null while open. */
    closing: Nullable(CaseClosingView),
  }),
]);
export type CaseFileView = Static<typeof CaseFileView>;

/**
 * What someone who may know a case exists, but not whom it is about, is sent: its number, area,
 * grade and the people's roles with initials — never a name, address, phone or IIN.
 */
export const MaskedCaseView = Type.Object({
  id: Uuid,
  caseNumber: Type.String(),
  districtId: Type.String(),
  beatId: Type.String(),
  status: literals(['open', 'closed'] as const),
  riskGrade: Nullable(Grade),
  people: Type.Array(Type.Object({ role: literals(PERSON_ROLES), initials: Type.String() })),
  /** How the caller may open the full file now; null when they may not. */
  access: Nullable(literals(CASE_ACCESS)),
  /** An officer outside the team may open it with a written reason. */
  canBreakGlass: Type.Boolean(),
});
export type MaskedCaseView = Static<typeof MaskedCaseView>;

export const BreakGlassRequest = Type.Object(
  { reason: Type.String({ minLength: 20, maxLength: 1000, pattern: '\\S' }) },
  { additionalProperties: false },
);
export const BreakGlassView = Type.Object({ id: Uuid, userId: Uuid, username: Type.String(), reason: Type.String(), at: Time });
export type BreakGlassView = Static<typeof BreakGlassView>;

export const TeamMemberRequest = Type.Object({ userId: Uuid }, { additionalProperties: false });
export const TeamMemberView = Type.Object({ caseId: Uuid, userId: Uuid, added: Type.Boolean() });

export const REMINDER_KINDS = ['order-expiring', 'action-overdue', 'break-glass'] as const;
/** A reminder names no one: the case number, what is due and when. */
export const ReminderView = Type.Object({
  id: Uuid,
  kind: literals(REMINDER_KINDS),
  day: Type.String({ format: 'date' }),
  caseId: Uuid,
  caseNumber: Type.String(),
  itemId: Uuid,
  dueAt: Time,
  agency: Nullable(AgencyName),
});
export type ReminderView = Static<typeof ReminderView>;
export const ReminderListQuery = Type.Object(
  { cursor: Type.Optional(Type.String({ maxLength: 200 })), limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }) },
  { additionalProperties: false },
);
