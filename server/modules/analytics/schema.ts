import { Type, type Static } from '@sinclair/typebox';
import { CATEGORY_CODES } from '../../../common/categories.js';

const Category = Type.Union(CATEGORY_CODES.map((code) => Type.Literal(code)));
const Id = Type.String({ minLength: 1, maxLength: 64 });

const Area = {
  regionId: Type.Optional(Id),
  districtId: Type.Optional(Id),
  from: Type.String({ format: 'date-time', description: 'Start of the period (inclusive)' }),
  to: Type.String({ format: 'date-time', description: 'End of the period (exclusive)' }),
};

export const NearRepeatRequest = Type.Object(
  {
    ...Area,
    categories: Type.Array(Category, { minItems: 1, maxItems: CATEGORY_CODES.length, uniqueItems: true }),
    spatialBandwidth: Type.Number({ minimum: 1, maximum: 5000, default: 100, description: 'Metres' }),
    spatialBands: Type.Integer({ minimum: 1, maximum: 20, default: 3 }),
    temporalBandwidth: Type.Number({ minimum: 0.5, maximum: 365, default: 2, description: 'Days' }),
    temporalBands: Type.Integer({ minimum: 1, maximum: 30, default: 2 }),
    iterations: Type.Integer({ minimum: 19, maximum: 999, default: 99, description: 'Monte Carlo permutations' }),
    seed: Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1, default: 1 }),
  },
  { additionalProperties: false },
);
export type NearRepeatRequest = Static<typeof NearRepeatRequest>;

const Band = Type.Object({ from: Type.Number(), to: Type.Union([Type.Number(), Type.Null()]) });
const Table = Type.Array(Type.Array(Type.Number()));

export const NearRepeatView = Type.Object({
  incidents: Type.Integer(),
  pairs: Type.Number(),
  iterations: Type.Integer(),
  spatialBands: Type.Array(Band, { description: 'Metres; the first is the same location, the last has no upper end' }),
  temporalBands: Type.Array(Band, { description: 'Days elapsed, [from, to); the last has no upper end' }),
  observed: Table,
  expected: Table,
  knoxRatio: Type.Array(Type.Array(Type.Union([Type.Number(), Type.Null()]))),
  pValue: Table,
});

export const HotspotsQuery = Type.Object(
  {
    ...Area,
    categories: Type.String({ minLength: 1, maxLength: 1000, description: 'Comma-separated category codes' }),
    resolution: Type.Integer({ minimum: 6, maximum: 11, default: 9, description: 'H3 resolution' }),
    k: Type.Integer({ minimum: 1, maximum: 5, default: 1, description: 'Neighbourhood: cells within k steps' }),
    alpha: Type.Number({ exclusiveMinimum: 0, maximum: 0.5, default: 0.05, description: 'False discovery rate' }),
  },
  { additionalProperties: false },
);
export type HotspotsQuery = Static<typeof HotspotsQuery>;

export const HotspotsView = Type.Object({
  incidents: Type.Integer(),
  studyCells: Type.Integer(),
  resolution: Type.Integer(),
  k: Type.Integer(),
  alpha: Type.Number(),
  computedAt: Type.String({ format: 'date-time', description: 'When this answer was computed' }),
  readAt: Type.String({ format: 'date-time', description: 'When the period’s incidents were last read in full' }),
  incremental: Type.Boolean({
    description: 'True when a surface read at readAt and kept up to date since, incident by incident, answered',
  }),
  cells: Type.Array(
    Type.Object({
      cell: Type.String(),
      count: Type.Integer(),
      z: Type.Number(),
      p: Type.Number(),
      q: Type.Number(),
      kind: Type.Union([Type.Literal('hot'), Type.Literal('cold'), Type.Literal('none')]),
    }),
    { description: 'Cells with incidents or significant, strongest hot spot first' },
  ),
});
