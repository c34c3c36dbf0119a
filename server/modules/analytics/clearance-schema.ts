import { Type, type Static } from '@sinclair/typebox';

const Id = Type.String({ minLength: 1, maxLength: 64 });

export const ClearanceQuery = Type.Object(
  {
    regionId: Type.Optional(Id),
    districtId: Type.Optional(Id),
    from: Type.String({ format: 'date-time', description: 'Reported from (inclusive)' }),
    to: Type.String({ format: 'date-time', description: 'Reported before (exclusive); cleared by then counts' }),
  },
  { additionalProperties: false },
);
export type ClearanceQuery = Static<typeof ClearanceQuery>;

const Texts = Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() });
const Rate = Type.Union([Type.Number(), Type.Null()], { description: 'Null when nothing was reported' });

const Figures = {
  reported: Type.Integer({ description: 'Reported in the period, less cancelled reports and merged duplicates' }),
  clearedByEnd: Type.Integer({ description: 'Resolved or closed before the period ended (from the timeline)' }),
  clearedLater: Type.Integer({ description: 'Resolved or closed after the period ended' }),
  clearedUndated: Type.Integer({ description: 'Resolved or closed with no time recorded (imported history)' }),
  open: Type.Integer({ description: 'Not resolved or closed now' }),
  rate: Rate,
  rateUndatedIncluded: Rate,
};

export const ClearanceView = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  asOf: Type.String({ format: 'date-time' }),
  level: Type.Union([Type.Literal('region'), Type.Literal('district')]),
  totals: Type.Object(Figures),
  areas: Type.Array(
    Type.Object({ id: Type.Union([Type.String(), Type.Null()]), name: Type.Union([Texts, Type.Null()]), ...Figures }),
    { description: 'Most reported first' },
  ),
});
export type ClearanceView = Static<typeof ClearanceView>;
