import { Type, type Static } from '@sinclair/typebox';

const Id = Type.String({ minLength: 1, maxLength: 64 });

export const TimePatternsQuery = Type.Object(
  {
    regionId: Type.Optional(Id),
    districtId: Type.Optional(Id),
    from: Type.String({ format: 'date-time', description: 'Start of the period (inclusive)' }),
    to: Type.String({ format: 'date-time', description: 'End of the period (exclusive)' }),
    categories: Type.String({ minLength: 1, maxLength: 1000, description: 'Comma-separated category codes' }),
  },
  { additionalProperties: false },
);
export type TimePatternsQuery = Static<typeof TimePatternsQuery>;

export const TimePatternsView = Type.Object({
  incidents: Type.Integer(),
  timeZones: Type.Array(Type.String(), { description: 'The IANA zones the local times were read in (each region its own)' }),
  hourByWeekday: Type.Array(Type.Array(Type.Integer()), { description: '7 rows (Monday first) × 24 local hours' }),
  months: Type.Array(Type.String(), { description: 'YYYY-MM, local' }),
  monthly: Type.Array(Type.Integer()),
  seasonal: Type.Union([Type.Array(Type.Number()), Type.Null()], {
    description: 'Seasonal index per calendar month, January first (null under 24 months)',
  }),
  changePoints: Type.Object({
    method: Type.String(),
    changes: Type.Array(Type.String()),
    segments: Type.Array(Type.Object({ from: Type.String(), to: Type.String(), mean: Type.Number() })),
  }),
});
export type TimePatternsView = Static<typeof TimePatternsView>;
