import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';
import { AGENCIES } from './schema.js';

const literals = <T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<TLiteral<T[number]>[]>;
const AgencyName = literals(AGENCIES);
/** Why a record of the conference was changed: a few words a reviewer can check. */
const Reason = Type.String({ minLength: 10, maxLength: 1000, pattern: '\\S\\s*\\S' });

export const DecisionParams = Type.Object(
  { id: Type.String({ maxLength: 64 }), decisionId: Type.String({ maxLength: 64 }) },
  { additionalProperties: false },
);

export const DecisionAmendmentRequest = Type.Object(
  { decision: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }), reason: Reason },
  { additionalProperties: false },
);
export type DecisionAmendmentRequest = Static<typeof DecisionAmendmentRequest>;

export const AttendanceCorrectionRequest = Type.Object(
  { attended: Type.Array(AgencyName, { uniqueItems: true, maxItems: AGENCIES.length }), reason: Reason },
  { additionalProperties: false },
);
export type AttendanceCorrectionRequest = Static<typeof AttendanceCorrectionRequest>;
