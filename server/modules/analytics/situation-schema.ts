import { Type, type Static } from '@sinclair/typebox';

const Id = Type.String({ minLength: 1, maxLength: 64 });

export const SituationQuery = Type.Object(
  { regionId: Type.Optional(Id), districtId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type SituationQuery = Static<typeof SituationQuery>;

const Texts = Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() });
const Counts = Type.Record(Type.String(), Type.Integer());

const Figures = {
  /** Open incidents by priority, "1" (most urgent) to "4". */
  openByPriority: Counts,
  open: Type.Integer(),
  /** Units by status (available, dispatched, en_route, on_scene, busy, off_duty). */
  units: Counts,
  today: Type.Integer({ description: 'Incidents reported since local midnight' }),
  yesterday: Type.Integer({ description: 'Reported yesterday between midnight and the same time of day' }),
  usual: Type.Number({ description: 'Mean over the same weekday of the four weeks before, midnight to the same time' }),
};

export const SituationView = Type.Object({
  at: Type.String({ format: 'date-time' }),
  since: Type.String({ format: 'date-time', description: 'Local midnight of today' }),
  timeZone: Type.String(),
  level: Type.Union([Type.Literal('region'), Type.Literal('district')], { description: 'What each row is' }),
  totals: Type.Object(Figures),
  areas: Type.Array(
    Type.Object({
      id: Type.Union([Type.String(), Type.Null()], { description: 'Null: incidents not yet placed in a district' }),
      name: Type.Union([Texts, Type.Null()]),
      ...Figures,
    }),
    { description: 'Most open incidents first' },
  ),
});
export type SituationView = Static<typeof SituationView>;
