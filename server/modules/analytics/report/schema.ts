import { Type, type Static } from '@sinclair/typebox';

export const ReportParams = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }) },
  { additionalProperties: false },
);

export const ReportQuery = Type.Object(
  {
    format: Type.Union([Type.Literal('pdf'), Type.Literal('json')], { default: 'json' }),
    regionId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type ReportQuery = Static<typeof ReportQuery>;
