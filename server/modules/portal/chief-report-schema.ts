import { Type, type Static } from '@sinclair/typebox';
import { Cursor, Limit } from '../../http/paging.js';

/** One language's text of a chief's report. */
export const ChiefReportText = Type.Object(
  { title: Type.String({ minLength: 1, maxLength: 200 }), body: Type.String({ minLength: 1, maxLength: 20_000 }) },
  { additionalProperties: false },
);
export type ChiefReportText = Static<typeof ChiefReportText>;

/** The text by language: a draft may lack some, a published report has all three (as the guides do). */
export const ChiefReportContent = Type.Object(
  { kk: Type.Optional(ChiefReportText), ru: Type.Optional(ChiefReportText), en: Type.Optional(ChiefReportText) },
  { additionalProperties: false },
);
export type ChiefReportContent = Static<typeof ChiefReportContent>;

const Day = Type.String({ format: 'date', examples: ['2026-10-01'] });
const Time = Type.String({ format: 'date-time' });
const Uuid = Type.String({ format: 'uuid' });
const AreaId = Type.String({ pattern: '^[0-9]{1,20}$', maxLength: 20 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const ChiefReportIdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const QuestionCodeParams = Type.Object({ code: Type.String({ maxLength: 40 }) }, { additionalProperties: false });

export const PublicReportListQuery = Type.Object(
  {
    region: Type.Optional(AreaId),
    district: Type.Optional(AreaId),
    cursor: Cursor,
    limit: Type.Optional(Limit),
  },
  { additionalProperties: false },
);

const Area = {
  regionId: Type.String(),
  regionName: Type.String(),
  districtId: Nullable(Type.String()),
  districtName: Nullable(Type.String()),
};

/** A published report in the public list, in the request's language. */
export const PublicReportSummary = Type.Object({
  id: Type.String(),
  ...Area,
  periodStart: Day,
  periodEnd: Day,
  title: Type.String(),
  publishedAt: Time,
  answeredQuestions: Type.Integer(),
});

/** A question the public sees: never an e-mail or a phone number (they are masked). */
export const PublicQuestion = Type.Object({
  id: Type.String(),
  displayName: Nullable(Type.String()),
  text: Type.String(),
  askedAt: Time,
  answer: Nullable(Type.String()),
  answeredAt: Nullable(Time),
});

export const PublicReport = Type.Object({
  id: Type.String(),
  ...Area,
  periodStart: Day,
  periodEnd: Day,
  publishedAt: Time,
  ...ChiefReportText.properties,
  answersByEmail: Type.Boolean({
    description: 'an asker may leave an e-mail to be told of the answer (a mail server is configured)',
  }),
  questions: Type.Array(PublicQuestion, { description: 'approved questions, oldest first, with their answers' }),
});

export const QuestionRequest = Type.Object(
  {
    text: Type.String({ minLength: 10, maxLength: 1000 }),
    displayName: Type.Optional(Type.String({ maxLength: 60 })),
    email: Type.Optional(
      Type.String({
        maxLength: 200,
        format: 'email',
        description:
          'only to tell the asker of the answer, once, then erased; encrypted, never shown. Only where the report says answersByEmail, else 422',
      }),
    ),
  },
  { additionalProperties: false },
);

const PublicQuestionState = Type.Union(
  [Type.Literal('pending'), Type.Literal('published'), Type.Literal('answered'), Type.Literal('not-published')],
  { description: 'pending: waiting for moderation' },
);

export const QuestionReceipt = Type.Object({
  trackingCode: Type.String({ description: 'the asker follows the question with it; shown once' }),
  status: PublicQuestionState,
  reportId: Type.String(),
});

export const QuestionStatus = Type.Object({ status: PublicQuestionState, reportId: Type.String(), askedAt: Time });

export const ReportCreate = Type.Object(
  {
    regionId: AreaId,
    districtId: Nullable(AreaId),
    periodStart: Day,
    periodEnd: Day,
    content: ChiefReportContent,
  },
  { additionalProperties: false },
);

export const ReportEdit = Type.Object(
  { periodStart: Day, periodEnd: Day, content: ChiefReportContent },
  { additionalProperties: false },
);

export const StaffReportListQuery = Type.Object({ cursor: Cursor, limit: Type.Optional(Limit) }, { additionalProperties: false });

const ReportState = Type.Union([Type.Literal('draft'), Type.Literal('published')]);

export const StaffReport = Type.Object({
  id: Type.String(),
  ...Area,
  periodStart: Day,
  periodEnd: Day,
  state: ReportState,
  content: ChiefReportContent,
  createdAt: Time,
  updatedAt: Time,
  publishedAt: Nullable(Time),
  pendingQuestions: Type.Integer(),
});

export const StaffReportSummary = Type.Object({
  id: Type.String(),
  ...Area,
  periodStart: Day,
  periodEnd: Day,
  state: ReportState,
  title: Type.String({ description: 'in the request’s language, or in any language the report has' }),
  publishedAt: Nullable(Time),
  pendingQuestions: Type.Integer(),
});

const QuestionState = Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')]);

export const ModerationQuery = Type.Object({ state: Type.Optional(QuestionState) }, { additionalProperties: false });

/** A question as its moderators see it: the screen's reasons, never the e-mail. */
export const StaffQuestion = Type.Object({
  id: Type.String(),
  reportId: Type.String(),
  displayName: Nullable(Type.String()),
  text: Type.String(),
  language: Type.String(),
  flags: Type.Array(Type.String(), { description: 'why the screen thinks it may be abuse or spam' }),
  state: QuestionState,
  askedAt: Time,
  hasEmail: Type.Boolean(),
  rejectReason: Nullable(Type.String()),
  answer: Nullable(Type.String()),
  answeredAt: Nullable(Time),
});

export const QuestionIdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const RejectRequest = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export const AnswerRequest = Type.Object(
  { answer: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);
