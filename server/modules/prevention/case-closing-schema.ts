import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';

const literals = <T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<TLiteral<T[number]>[]>;
const Time = Type.String({ format: 'date-time' });
/** A reason a reviewer can check later: a few words at least, not only spaces. */
const Reason = Type.String({ minLength: 10, maxLength: 2000, pattern: '\\S\\s*\\S' });

/** Why a case ends; "other" needs a few words of its own. */
export const CASE_CLOSE_OUTCOMES = [
  'risk-reduced',
  'victim-moved',
  'no-further-contact',
  'aggressor-convicted',
  'other',
] as const;
export type CaseCloseOutcome = (typeof CASE_CLOSE_OUTCOMES)[number];

export const CloseCaseRequest = Type.Object(
  {
    outcome: literals(CASE_CLOSE_OUTCOMES),
    /** Required with outcome "other", refused with any other outcome. */
    outcomeNote: Type.Optional(Type.String({ minLength: 3, maxLength: 500, pattern: '\\S' })),
    reason: Reason,
    /**
     * Close although safety-plan actions are still open or a protection order is in force.
     * Without it such a close is refused (409 prevention.case_has_open_items) so nobody ends a
     * case by accident while the victim still depends on it; the counts are kept with the close.
     */
    confirmOpenItems: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CloseCaseRequest = Static<typeof CloseCaseRequest>;

export const ReopenCaseRequest = Type.Object({ reason: Reason }, { additionalProperties: false });
export type ReopenCaseRequest = Static<typeof ReopenCaseRequest>;

/** The current close of a closed case, as its team sees it. */
export const CaseClosingView = Type.Object({
  closedAt: Time,
  /** Null only for a case closed before closes were recorded (migration 0068). */
  outcome: Type.Union([literals(CASE_CLOSE_OUTCOMES), Type.Null()]),
  outcomeNote: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  /** Until when it may be reopened: the end of the retention period; null once anonymised. */
  reopenableUntil: Type.Union([Time, Type.Null()]),
});
export type CaseClosingView = Static<typeof CaseClosingView>;
