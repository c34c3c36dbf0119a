import { Type, type Static } from '@sinclair/typebox';

/**
 * Requests and answers of the neighbourhood team, priorities and meetings: the staff editor's,
 * and the public page's. The open data shapes of the same records are in open-schema.ts.
 */

const Words = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

/** Kazakh and Russian are required; English is shown when written, Russian otherwise. */
export const LocalText = (maxLength: number) =>
  Type.Object(
    { kk: Words(maxLength), ru: Words(maxLength), en: Type.Optional(Words(maxLength)) },
    { additionalProperties: false },
  );

export const POSITIONS = ['district-inspector', 'senior-district-inspector', 'juvenile-inspector', 'service-head'] as const;
export const RANKS = [
  'junior-lieutenant',
  'lieutenant',
  'senior-lieutenant',
  'captain',
  'major',
  'lieutenant-colonel',
  'colonel',
] as const;
export const MEETING_TYPES = ['meeting', 'report', 'other'] as const;

const literals = <T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', examples: ['18:00'] });
const Day = Type.String({ format: 'date', examples: ['2026-09-01'] });

export const ReceptionHours = Type.Object(
  { day: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' }), from: Time, to: Time },
  { additionalProperties: false },
);

export const MemberInput = Type.Object(
  {
    name: Words(120),
    position: literals(POSITIONS),
    rank: literals(RANKS),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 99, default: 0 })),
    phone: Type.Optional(
      Type.Union([Type.String({ pattern: '^\\+?[0-9][0-9 ()-]{1,22}$', description: 'A work number' }), Type.Null()]),
    ),
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 120 }), Type.Null()])),
    receptionPoint: Type.Optional(
      Type.Union([LocalText(200), Type.Null()], { description: 'The reception point: a police office, never a home' }),
    ),
    receptionHours: Type.Array(ReceptionHours, { maxItems: 14 }),
    bio: Type.Optional(Type.Union([LocalText(1000), Type.Null()])),
  },
  { additionalProperties: false },
);
export type MemberInput = Static<typeof MemberInput>;

export const PhotoInput = Type.Object(
  {
    image: Type.String({ minLength: 8, maxLength: 2_900_000, description: 'A JPEG, PNG or WebP image in base64, at most 2 MB' }),
  },
  { additionalProperties: false },
);

export const PriorityInput = Type.Object(
  {
    issue: LocalText(500),
    issueDate: Day,
    action: Type.Optional(Type.Union([LocalText(1000), Type.Null()])),
    actionDate: Type.Optional(Type.Union([Day, Type.Null()])),
    closed: Type.Optional(Type.Boolean({ default: false, description: 'A closed priority leaves the public page' })),
  },
  { additionalProperties: false },
);
export type PriorityInput = Static<typeof PriorityInput>;

export const MeetingInput = Type.Object(
  {
    type: literals(MEETING_TYPES),
    title: LocalText(200),
    description: Type.Optional(Type.Union([LocalText(1000), Type.Null()])),
    address: LocalText(200),
    startsAt: Type.String({ format: 'date-time' }),
    endsAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type MeetingInput = Static<typeof MeetingInput>;

export const BeatParams = Type.Object({ beatId: Type.String({ maxLength: 64 }) }, { additionalProperties: false });
const Uuid = Type.String({ format: 'uuid' });
export const MemberParams = Type.Object(
  { beatId: Type.String({ maxLength: 64 }), memberId: Uuid },
  { additionalProperties: false },
);
export const PriorityParams = Type.Object(
  { beatId: Type.String({ maxLength: 64 }), priorityId: Uuid },
  { additionalProperties: false },
);
export const MeetingParams = Type.Object(
  { beatId: Type.String({ maxLength: 64 }), meetingId: Uuid },
  { additionalProperties: false },
);
export const PhotoQuery = Type.Object(
  { v: Type.Optional(Type.String({ maxLength: 32, description: 'The photo’s version, so a changed photo is fetched anew' })) },
  { additionalProperties: false },
);

const Stored = { id: Type.String(), updatedAt: Type.String() };

export const StaffTeam = Type.Object({
  beat: Type.Object({
    id: Type.String(),
    number: Type.Integer(),
    name: Type.String(),
    districtId: Type.String(),
    regionId: Type.String(),
  }),
  timeZone: Type.String(),
  members: Type.Array(Type.Object({ ...Stored, ...MemberInput.properties, photoUrl: Type.Union([Type.String(), Type.Null()]) })),
  priorities: Type.Array(Type.Object({ ...Stored, ...PriorityInput.properties })),
  meetings: Type.Array(Type.Object({ ...Stored, ...MeetingInput.properties })),
});
export type StaffTeam = Static<typeof StaffTeam>;

/** The public page's part: texts already in the reader's language, closed priorities and past meetings left out. */
export const PublicTeam = Type.Object({
  timeZone: Type.String({ description: 'The region’s IANA zone, for showing meeting times' }),
  members: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      position: literals(POSITIONS),
      rank: literals(RANKS),
      phone: Type.Union([Type.String(), Type.Null()]),
      email: Type.Union([Type.String(), Type.Null()]),
      receptionPoint: Type.Union([Type.String(), Type.Null()]),
      receptionHours: Type.Array(ReceptionHours),
      bio: Type.Union([Type.String(), Type.Null()]),
      photoUrl: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  priorities: Type.Array(
    Type.Object({
      id: Type.String(),
      issue: Type.String(),
      issueDate: Type.String(),
      action: Type.Union([Type.String(), Type.Null()]),
      actionDate: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  meetings: Type.Array(
    Type.Object({
      id: Type.String(),
      type: literals(MEETING_TYPES),
      title: Type.String(),
      description: Type.Union([Type.String(), Type.Null()]),
      address: Type.String(),
      startsAt: Type.String(),
      endsAt: Type.String(),
    }),
  ),
});
export type PublicTeam = Static<typeof PublicTeam>;
