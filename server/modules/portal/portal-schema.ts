import { Type } from '@sinclair/typebox';
import { PublicTeam } from './neighbourhood-team-schema.js';

const Named = Type.Object({ id: Type.String(), name: Type.String() });

export const LocatedNeighbourhood = Type.Object({
  beat: Type.Object({ id: Type.String(), number: Type.Integer(), name: Type.String() }),
  district: Named,
  region: Named,
});

/** A published count: the number, or why it is not shown ("fewer than 5", or withheld so that no small count can be worked out). */
const Cell = Type.Union([
  Type.Object({ count: Type.Integer({ minimum: 0 }), suppressed: Type.Null() }),
  Type.Object({ count: Type.Null(), suppressed: Type.Union([Type.Literal('fewer-than-5'), Type.Literal('withheld')]) }),
]);

/** A total of published cells: the shown counts added up, and how many months were hidden (so the true total is at least `count`). */
const Sum = Type.Object({ count: Type.Integer({ minimum: 0 }), hidden: Type.Integer({ minimum: 0 }) });

const Rates = Type.Object({
  beat: Type.Union([Type.Number(), Type.Null()]),
  district: Type.Number(),
  country: Type.Number(),
});

const Population = Type.Object({ population: Type.Integer(), estimated: Type.Boolean() });

export const NeighbourhoodSummaryView = Type.Object({
  beat: Type.Object({
    id: Type.String(),
    number: Type.Integer(),
    name: Type.String(),
    districtId: Type.String(),
    regionId: Type.String(),
  }),
  months: Type.Object({ latest: Type.String(), from: Type.String(), count: Type.Integer() }),
  populations: Type.Object({
    beat: Type.Object(
      { population: Type.Integer(), estimated: Type.Literal(true) },
      { description: 'The district’s population shared equally among its beats' },
    ),
    district: Population,
    country: Population,
  }),
  categories: Type.Array(
    Type.Object({
      category: Type.String(),
      name: Type.String(),
      lastMonth: Cell,
      last24Months: Sum,
      per10000: Type.Object({ lastMonth: Rates, last24Months: Rates }, { description: 'Rates from published counts only' }),
    }),
  ),
  sensitive: Type.Array(Type.Object({ category: Type.String(), name: Type.String(), lastMonth: Cell, last24Months: Sum }), {
    description: 'Domestic violence, sexual offences, offences against children: district counts only',
  }),
  monthly: Type.Array(Type.Object({ month: Type.String(), ...Sum.properties }), {
    description: 'The beat’s street-level offences by month, oldest first, from published cells only',
  }),
  team: PublicTeam,
});
