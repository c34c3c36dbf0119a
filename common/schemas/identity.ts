/** Request and response schemas of the identity API, shared by the server (validation, OpenAPI) and the web (types). */
import { Type, type Static } from '@sinclair/typebox';
import { JURISDICTION_LEVELS, LANGUAGES, STAFF_ROLES } from '../roles.js';
import { SECTIONS } from '../sections.js';

const Id = Type.String({ maxLength: 64 });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const LanguageSchema = Type.Union(LANGUAGES.map((l) => Type.Literal(l)));
export const RoleSchema = Type.Union(STAFF_ROLES.map((r) => Type.Literal(r)));

export const JurisdictionSchema = Type.Object(
  {
    level: Type.Union(JURISDICTION_LEVELS.map((l) => Type.Literal(l))),
    regionId: Type.Optional(Nullable(Type.String({ maxLength: 32 }))),
    districtId: Type.Optional(Nullable(Type.String({ maxLength: 32 }))),
    beatId: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  },
  { additionalProperties: false },
);

export const JurisdictionView = Type.Object({
  level: Type.Union(JURISDICTION_LEVELS.map((l) => Type.Literal(l))),
  regionId: Nullable(Type.String()),
  districtId: Nullable(Type.String()),
  beatId: Nullable(Type.String()),
});

export const LoginRequest = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    // Only bounded here: the password policy applies when a password is set, not at sign-in.
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    code: Type.String({ minLength: 1, maxLength: 12, description: 'the 6-digit code from the authenticator app' }),
  },
  { additionalProperties: false },
);

export const MeView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(RoleSchema),
  jurisdiction: JurisdictionView,
  language: LanguageSchema,
  sections: Type.Array(Type.Union((Object.keys(SECTIONS) as (keyof typeof SECTIONS)[]).map((s) => Type.Literal(s)))),
});

export const LanguageRequest = Type.Object({ language: LanguageSchema }, { additionalProperties: false });

export const PasswordChangeRequest = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
    newPassword: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);

export const UserView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(RoleSchema),
  jurisdiction: JurisdictionView,
  language: LanguageSchema,
  disabled: Type.Boolean(),
  lockedUntil: Nullable(Type.String({ format: 'date-time' })),
});

export const CreateUserRequest = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' }),
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    roles: Type.Array(RoleSchema, { minItems: 1, maxItems: STAFF_ROLES.length }),
    jurisdiction: JurisdictionSchema,
    language: Type.Optional(LanguageSchema),
  },
  { additionalProperties: false },
);

export const CreatedUser = Type.Object({
  user: UserView,
  totp: Type.Object({ secret: Type.String(), uri: Type.String() }),
});

export const UpdateUserRequest = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    roles: Type.Optional(Type.Array(RoleSchema, { minItems: 1, maxItems: STAFF_ROLES.length })),
    jurisdiction: Type.Optional(JurisdictionSchema),
    disabled: Type.Optional(Type.Boolean()),
    language: Type.Optional(LanguageSchema),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

export const ApiKeyKindSchema = Type.Union([Type.Literal('open311'), Type.Literal('device'), Type.Literal('partner')]);
export const CreateApiKeyRequest = Type.Object(
  { kind: ApiKeyKindSchema, name: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export const ApiKeyView = Type.Object({
  id: Type.String(),
  kind: ApiKeyKindSchema,
  name: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
});

export type JurisdictionInput = Static<typeof JurisdictionSchema>;
