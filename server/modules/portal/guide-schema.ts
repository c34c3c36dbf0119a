import { Type, type Static } from '@sinclair/typebox';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

/** One language's text of a guide: a short sequence of steps and whom to call. */
export const GuideText = Type.Object(
  {
    title: Text(200),
    summary: Type.String({ maxLength: 1000 }),
    steps: Type.Array(Text(2000), { maxItems: 30 }),
    contacts: Type.Array(
      Type.Object(
        { name: Text(200), phone: Type.String({ pattern: '^\\+?[0-9][0-9 ()-]{1,19}$', examples: ['102', '+7 7172 00 00 00'] }) },
        { additionalProperties: false },
      ),
      { maxItems: 10 },
    ),
  },
  { additionalProperties: false },
);
export type GuideText = Static<typeof GuideText>;

/** A version's text by language; a draft may lack some, a published version has all three. */
export const GuideContent = Type.Object(
  { kk: Type.Optional(GuideText), ru: Type.Optional(GuideText), en: Type.Optional(GuideText) },
  { additionalProperties: false },
);
export type GuideContent = Static<typeof GuideContent>;

const Kind = Type.Union([Type.Literal('advice'), Type.Literal('what-to-do')]);
const State = Type.Union([Type.Literal('draft'), Type.Literal('in_review'), Type.Literal('approved'), Type.Literal('published')]);
const Time = Type.String({ format: 'date-time' });
const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80, examples: ['phone-stolen'] });

export const GuideSlugParams = Type.Object({ slug: Type.String({ maxLength: 80 }) }, { additionalProperties: false });

export const GuideListQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 100, description: 'words to find in the title, summary or steps' })) },
  { additionalProperties: false },
);

/** A guide in the public library list, in the request's language. */
export const PublicGuideSummary = Type.Object({
  slug: Type.String(),
  kind: Kind,
  quickExit: Type.Boolean(),
  title: Type.String(),
  summary: Type.String(),
  publishedAt: Time,
});

/** The newest published version of a guide, in the request's language. */
export const PublicGuide = Type.Object({
  slug: Type.String(),
  kind: Kind,
  quickExit: Type.Boolean({ description: 'the page offers a quick exit (domestic violence)' }),
  version: Type.Integer(),
  publishedAt: Time,
  ...GuideText.properties,
});

export const GuideCreate = Type.Object(
  { slug: Slug, kind: Kind, quickExit: Type.Boolean(), content: GuideContent },
  { additionalProperties: false },
);

export const GuideEdit = Type.Object(
  {
    basedOn: Type.Integer({ minimum: 1, description: 'the version this edit started from: a newer one answers 409' }),
    content: GuideContent,
  },
  { additionalProperties: false },
);

export const GuideIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export const GuideVersionParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

const Name = (description: string) => Type.Union([Type.String(), Type.Null()], { description });
const AUTHOR = 'the user name of who wrote the version; null for the project’s seeded text';
const WrittenByViewer = Type.Boolean({ description: 'the caller wrote this version, so may not approve it' });

const VersionMeta = Type.Object({
  version: Type.Integer(),
  state: State,
  createdAt: Time,
  author: Name(AUTHOR),
  writtenByViewer: WrittenByViewer,
  submittedAt: Type.Union([Time, Type.Null()]),
  approvedAt: Type.Union([Time, Type.Null()]),
  approver: Name('the second editor who approved it; null when it was published before approval existed'),
  publishedAt: Type.Union([Time, Type.Null()]),
});

/** A guide as its editors see it: every version's state, and the newest version's text. */
export const StaffGuide = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  kind: Kind,
  quickExit: Type.Boolean(),
  versions: Type.Array(VersionMeta, { description: 'newest first' }),
  latest: Type.Object({
    version: Type.Integer(),
    state: State,
    content: GuideContent,
    author: Name(AUTHOR),
    writtenByViewer: WrittenByViewer,
  }),
  publishedVersion: Type.Union([Type.Integer(), Type.Null()]),
});

export const StaffGuideSummary = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  kind: Kind,
  quickExit: Type.Boolean(),
  title: Type.String({ description: 'the newest version’s title in the request’s language, or in any language it has' }),
  latestVersion: Type.Integer(),
  latestState: State,
  latestAuthor: Name(AUTHOR),
  publishedVersion: Type.Union([Type.Integer(), Type.Null()]),
});
