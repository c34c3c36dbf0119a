import { Type, type Static } from '@sinclair/typebox';
import { RegisterAccess, RegisterKindName } from '../../../common/schemas/registers.js';

export const PersonSearchRequest = Type.Object(
  {
    /** 12 digits; spaces between groups are allowed and dropped. Sent in the body so it never reaches a URL or a log. */
    iin: Type.String({ minLength: 12, maxLength: 20, pattern: '^[0-9 ]+$' }),
    /** Why the caller looks the person up, for the audit log. */
    reason: Type.String({ minLength: 1, maxLength: 1000, pattern: '\\S' }),
  },
  { additionalProperties: false },
);
export type PersonSearchRequest = Static<typeof PersonSearchRequest>;

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const PersonSearchMatch = Type.Object({
  caseId: Type.String({ format: 'uuid' }),
  caseNumber: Type.String(),
  districtId: Type.String(),
  beatId: Type.String(),
  status: Type.String(),
  riskGrade: Nullable(Type.String()),
  updatedAt: Type.String({ format: 'date-time' }),
  /** The role the person has in this case. */
  role: Type.String(),
  /** How the caller may open the case; null: only its masked view. */
  access: Nullable(Type.String()),
  /** The case's people: names only where the caller may open the case, initials always. */
  people: Type.Array(Type.Object({ role: Type.String(), initials: Type.String(), name: Type.Optional(Type.String()) })),
  canBreakGlass: Type.Boolean(),
});
export type PersonSearchMatch = Static<typeof PersonSearchMatch>;

/**
 * A preventive register entry about the person. Its kind, place and term are what any officer of
 * the area sees in the register's list; the name only where the caller may read the entry.
 */
export const RegisterSearchMatch = Type.Object({
  entryId: Type.String({ format: 'uuid' }),
  entryNumber: Type.String(),
  kind: RegisterKindName,
  status: Type.String(),
  districtId: Type.String(),
  beatId: Type.String(),
  endDate: Type.String(),
  /** Why the caller may read the entry; null: not theirs to read (the name is left out). */
  access: Type.Union([RegisterAccess, Type.Null()]),
  name: Type.Optional(Type.String()),
});
export type RegisterSearchMatch = Static<typeof RegisterSearchMatch>;

export const PersonSearchResult = Type.Object({
  items: Type.Array(PersonSearchMatch),
  /** Register entries about the person; empty for a caller who does not work the registers (a prosecutor). */
  registerEntries: Type.Array(RegisterSearchMatch),
});
export type PersonSearchResult = Static<typeof PersonSearchResult>;
