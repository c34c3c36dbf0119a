import { Type, type Static } from '@sinclair/typebox';

const Id = Type.String({ minLength: 1, maxLength: 64 });
export const Texts = Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });

export const IndicatorsQuery = Type.Object({ year: Year, regionId: Type.Optional(Id) }, { additionalProperties: false });
export type IndicatorsQuery = Static<typeof IndicatorsQuery>;

export const IndicatorView = Type.Object({
  id: Type.String(),
  name: Texts,
  unit: Type.Union([Type.Literal('percent'), Type.Literal('per-100k')]),
  direction: Type.Union([Type.Literal('up'), Type.Literal('down')]),
  kind: Type.Union([Type.Literal('survey'), Type.Literal('register')]),
  value: Type.Union([Type.Number(), Type.Null()], { description: 'Null where no observation exists for the year and area' }),
  ci95: Type.Union([Type.Object({ low: Type.Number(), high: Type.Number() }), Type.Null()]),
  numerator: Type.Union([Type.Integer(), Type.Null()]),
  denominator: Type.Union([Type.Integer(), Type.Null()], { description: 'Respondents, or the population' }),
  regionsObserved: Type.Integer(),
  baseline: Type.Union([Type.Object({ year: Type.Integer(), value: Type.Number() }), Type.Null()]),
  target: Type.Object({ year: Type.Integer(), value: Type.Number() }),
  source: Texts,
  dataSources: Type.Array(Type.String(), { description: 'Where the observations behind the value came from' }),
  method: Texts,
  demo: Type.Boolean({ description: 'The value rests on made-up demo observations' }),
  conceptLine: Type.Integer(),
});
export type IndicatorView = Static<typeof IndicatorView>;

export const IndicatorsView = Type.Object({
  year: Type.Integer(),
  regionId: Type.Union([Type.String(), Type.Null()], { description: 'Null: the whole country, pooled over regions' }),
  indicators: Type.Array(IndicatorView),
});
export type IndicatorsView = Static<typeof IndicatorsView>;
