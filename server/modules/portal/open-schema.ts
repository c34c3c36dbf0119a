import { Type, type Static } from '@sinclair/typebox';
import { Format } from './formats.js';

/**
 * data.police.uk's shapes, field for field and in its order, so that its existing clients read
 * Aman's open data unchanged: snake_case, coordinates as strings, plain arrays.
 */

const Month = Type.String({ description: 'YYYY-MM; the latest published month when left out', examples: ['2024-01'] });
const Coordinate = Type.Number({ description: 'Decimal degrees, WGS 84' });

export const OutcomeStatus = Type.Union([Type.Object({ category: Type.String(), date: Type.String() }), Type.Null()]);

export const CrimeLocation = Type.Object({
  latitude: Type.String({ examples: ['43.238949'] }),
  street: Type.Object({
    id: Type.Integer({ description: 'The anonymous map location; crimes-at-location takes it as location_id' }),
    name: Type.String({ examples: ['On or near Almaly District'] }),
  }),
  longitude: Type.String({ examples: ['76.889709'] }),
});

const crimeFields = {
  category: Type.String({ examples: ['burglary'] }),
  location_type: Type.Union([Type.Literal('Force'), Type.Null()]),
  location: Type.Union([CrimeLocation, Type.Null()]),
  context: Type.String(),
};
const idFields = {
  persistent_id: Type.String({ description: '64 hexadecimal characters; the same crime keeps it in every answer' }),
  id: Type.Integer(),
  location_subtype: Type.String(),
  month: Type.String({ examples: ['2024-01'] }),
};

export const Crime = Type.Object({ ...crimeFields, outcome_status: OutcomeStatus, ...idFields });
export type CrimeView = Static<typeof Crime>;

export const CrimeWithoutOutcome = Type.Object({ ...crimeFields, ...idFields });

export const OutcomesForCrime = Type.Object({
  crime: CrimeWithoutOutcome,
  outcomes: Type.Array(
    Type.Object({
      category: Type.Object({ code: Type.String(), name: Type.String() }),
      date: Type.String(),
      person_id: Type.Null(),
    }),
  ),
});

export const CategoryView = Type.Object({ url: Type.String(), name: Type.String() });

export const DateQuery = Type.Object({ date: Type.Optional(Month) }, { additionalProperties: false });

export const StreetQuery = Type.Object(
  {
    lat: Type.Optional(Coordinate),
    lng: Type.Optional(Coordinate),
    poly: Type.Optional(
      Type.String({ maxLength: 4000, description: 'lat,lng:lat,lng:lat,lng — joined back to the first point' }),
    ),
    date: Type.Optional(Month),
    format: Format,
  },
  { additionalProperties: false },
);

export const AtLocationQuery = Type.Object(
  {
    location_id: Type.Optional(Type.Integer({ minimum: 1 })),
    lat: Type.Optional(Coordinate),
    lng: Type.Optional(Coordinate),
    date: Type.Optional(Month),
  },
  { additionalProperties: false },
);

export const NoLocationQuery = Type.Object(
  { category: Type.String({ maxLength: 64 }), force: Type.String({ maxLength: 64 }), date: Type.Optional(Month) },
  { additionalProperties: false },
);

export const Force = Type.Object({ id: Type.String(), name: Type.String() });
export const ForceDetail = Type.Object({
  description: Type.Null(),
  url: Type.String(),
  engagement_methods: Type.Array(
    Type.Object({ url: Type.String(), type: Type.String(), description: Type.String(), title: Type.String() }),
  ),
  telephone: Type.String(),
  id: Type.String(),
  name: Type.String(),
});

const LatLng = Type.Object({ latitude: Type.String(), longitude: Type.String() });

export const NeighbourhoodDetail = Type.Object({
  url_force: Type.String(),
  contact_details: Type.Object({}),
  name: Type.String(),
  links: Type.Array(
    Type.Object({ url: Type.String(), description: Type.Union([Type.String(), Type.Null()]), title: Type.String() }),
  ),
  centre: LatLng,
  locations: Type.Array(Type.Object({ name: Type.String() })),
  description: Type.Null(),
  id: Type.String(),
  population: Type.String({ description: 'An estimate: the district’s population shared equally among its beats' }),
});

export const Boundary = Type.Array(LatLng);

export const LocateQuery = Type.Object(
  { q: Type.String({ maxLength: 64, examples: ['43.2389,76.8897'] }) },
  { additionalProperties: false },
);
export const LocateView = Type.Object({ force: Type.String(), neighbourhood: Type.String() });

export const ForceParams = Type.Object({ force: Type.String({ maxLength: 64 }) }, { additionalProperties: false });
export const NeighbourhoodParams = Type.Object(
  { force: Type.String({ maxLength: 64 }), neighbourhood: Type.String({ maxLength: 64 }) },
  { additionalProperties: false },
);
