import { Type, type Static } from '@sinclair/typebox';
import { Comparison } from '../../../common/schemas/national-report.js';
import { Texts } from './indicator-schema.js';

export const AkimRatingQuery = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    weights: Type.Optional(
      Type.String({ maxLength: 400, description: 'Overrides, e.g. `crimeRate:2,roadDeaths:1`; each ≥ 0, not all 0' }),
    ),
  },
  { additionalProperties: false },
);
export type AkimRatingQuery = Static<typeof AkimRatingQuery>;

const Input = Type.Object({
  key: Type.String(),
  direction: Type.Union([Type.Literal('up'), Type.Literal('down')]),
  value: Type.Union([Type.Number(), Type.Null()]),
  normalised: Type.Union([Type.Number(), Type.Null()]),
  weight: Type.Number(),
});

export const AkimRatingView = Type.Object({
  year: Type.Integer(),
  comparison: Comparison,
  weights: Type.Record(Type.String(), Type.Number()),
  method: Texts,
  inputs: Type.Array(
    Type.Object({
      key: Type.String(),
      direction: Type.Union([Type.Literal('up'), Type.Literal('down')]),
      name: Texts,
      available: Type.Boolean(),
      source: Type.String({ description: 'The query or table the values come from' }),
    }),
  ),
  regions: Type.Array(
    Type.Object({
      regionId: Type.String(),
      name: Texts,
      score: Type.Union([Type.Number(), Type.Null()]),
      rank: Type.Union([Type.Integer(), Type.Null()]),
      demo: Type.Boolean({ description: 'Some input rests on made-up demo observations' }),
      inputs: Type.Array(Input),
    }),
    { description: 'Best first' },
  ),
});
export type AkimRatingView = Static<typeof AkimRatingView>;
