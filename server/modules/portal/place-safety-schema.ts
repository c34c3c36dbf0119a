import { Type, type Static } from '@sinclair/typebox';

const Day = Type.String({ format: 'date', examples: ['2026-10-01'] });
const Time = Type.String({ format: 'date-time' });
const Uuid = Type.String({ format: 'uuid' });
const AreaId = Type.String({ pattern: '^[0-9]{1,20}$', maxLength: 20 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const PlaceKind = Type.Union([
  Type.Literal('park'),
  Type.Literal('mall'),
  Type.Literal('market'),
  Type.Literal('station'),
  Type.Literal('entertainment'),
]);

export const PlaceIdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const ReviewIdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

const Name = Type.String({ minLength: 1, maxLength: 200 });
export const PlaceNames = Type.Object({ kk: Name, ru: Name, en: Name }, { additionalProperties: false });

const Longitude = Type.Number({ minimum: -180, maximum: 180 });
const Latitude = Type.Number({ minimum: -90, maximum: 90 });
const Position = Type.Tuple([Longitude, Latitude]);

/** A GeoJSON polygon (the first ring the outline, any others holes), or a centre and radius. */
export const PolygonOutline = Type.Object(
  {
    type: Type.Literal('Polygon'),
    coordinates: Type.Array(Type.Array(Position, { minItems: 4, maxItems: 2000 }), { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
);
export const CircleOutline = Type.Object(
  {
    type: Type.Literal('Circle'),
    centre: Position,
    radiusM: Type.Integer({ minimum: 10, maximum: 5000, description: 'metres' }),
  },
  { additionalProperties: false },
);
export const PlaceOutline = Type.Union([PolygonOutline, CircleOutline]);
export type PlaceOutline = Static<typeof PlaceOutline>;

export const VisitorFigure = Type.Object(
  {
    hoursPerMonth: Type.Integer({ minimum: 1, maximum: 1_000_000_000, description: 'visitor-hours a month' }),
    source: Type.String({ minLength: 1, maxLength: 300, description: 'where the figure comes from' }),
    asOf: Day,
  },
  { additionalProperties: false },
);

/** What a supervisor enters for a place; the region, district and beat come from the outline. */
export const PlaceWrite = Type.Object(
  { kind: PlaceKind, names: PlaceNames, outline: PlaceOutline, visitors: Nullable(VisitorFigure) },
  { additionalProperties: false },
);
export type PlaceWrite = Static<typeof PlaceWrite>;

export const PlaceListQuery = Type.Object(
  {
    kind: Type.Optional(PlaceKind),
    region: Type.Optional(AreaId),
    district: Type.Optional(AreaId),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'part of the name, in any language' })),
    sort: Type.Optional(Type.Union([Type.Literal('grade'), Type.Literal('name')], { default: 'grade' })),
  },
  { additionalProperties: false },
);

/** A published figure: the count, or only that it is from 1 to 4, or withheld so another cannot be worked out. */
export const Figure = Type.Object({
  label: Type.Union([Type.Literal('count'), Type.Literal('fewer-than-5'), Type.Literal('withheld')]),
  count: Nullable(Type.Integer()),
});

const RateBasis = Type.Union([Type.Literal('visitor-hours'), Type.Literal('area')]);

export const Rating = Type.Object({
  grade: Nullable(Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('C'), Type.Literal('D'), Type.Literal('E')])),
  score: Nullable(Type.Integer({ minimum: 0, maximum: 100 })),
  incidents: Type.Object({
    score: Nullable(Type.Integer({ minimum: 0, maximum: 100, description: 'share of comparable places with more incidents' })),
    total: Figure,
    rate: Nullable(
      Type.Object({
        kind: Type.Union([Type.Literal('exact'), Type.Literal('below'), Type.Literal('hidden')]),
        basis: RateBasis,
        value: Nullable(Type.Number({ description: 'per 10,000 visitor-hours, or per hectare a year' })),
      }),
    ),
    months: Type.Integer({ description: 'published months counted (at most 12)' }),
    comparedWith: Type.Integer({ description: 'other places of the same kind measured the same way' }),
  }),
  reviews: Type.Object({
    score: Nullable(Type.Integer({ minimum: 0, maximum: 100 })),
    stars: Nullable(Type.Number({ description: 'Bayesian average' })),
    count: Type.Integer(),
  }),
});
export type Rating = Static<typeof Rating>;

const Area = {
  regionId: Type.String(),
  regionName: Type.String(),
  districtId: Type.String(),
  districtName: Type.String(),
};

export const PlaceSummary = Type.Object({
  id: Type.String(),
  kind: PlaceKind,
  name: Type.String(),
  ...Area,
  centre: Type.Object({ lon: Type.Number(), lat: Type.Number() }),
  rating: Rating,
});
export type PlaceSummary = Static<typeof PlaceSummary>;

export const Method = Type.Object({
  weights: Type.Object({ incidents: Type.Number(), reviews: Type.Number() }),
  priorReviews: Type.Integer(),
  priorStars: Type.Number(),
  minPeers: Type.Integer(),
  months: Type.Integer(),
});

export const PlaceList = Type.Object({ items: Type.Array(PlaceSummary), method: Method });

export const PublicReview = Type.Object({
  id: Type.String(),
  stars: Type.Integer({ minimum: 1, maximum: 5 }),
  text: Nullable(Type.String()),
  displayName: Nullable(Type.String()),
  receivedAt: Time,
});

export const PlaceDetail = Type.Object({
  ...PlaceSummary.properties,
  areaHa: Type.Number(),
  visitors: Nullable(VisitorFigure),
  outline: Type.Object({ type: Type.Literal('MultiPolygon'), coordinates: Type.Array(Type.Array(Type.Array(Position))) }),
  breakdown: Type.Array(Type.Object({ category: Type.String(), name: Type.String(), value: Figure })),
  reviews: Type.Array(PublicReview),
  method: Method,
});
export type PlaceDetail = Static<typeof PlaceDetail>;

export const ReviewRequest = Type.Object(
  {
    stars: Type.Integer({ minimum: 1, maximum: 5 }),
    text: Type.Optional(Type.String({ maxLength: 1000 })),
    displayName: Type.Optional(Type.String({ maxLength: 60 })),
  },
  { additionalProperties: false },
);
export type ReviewRequest = Static<typeof ReviewRequest>;

export const ReviewReceipt = Type.Object({
  id: Type.String(),
  status: Type.Union([Type.Literal('published'), Type.Literal('pending')]),
});

export const StaffPlace = Type.Object({
  id: Type.String(),
  kind: PlaceKind,
  names: PlaceNames,
  ...Area,
  beatId: Nullable(Type.String()),
  outline: PlaceOutline,
  areaHa: Type.Number(),
  visitors: Nullable(VisitorFigure),
  pendingReviews: Type.Integer(),
  updatedAt: Time,
  /** Set while the place is retired: off the public pages and closed to reviews. */
  retired: Nullable(Type.Object({ at: Time, reason: Type.String() })),
});
export type StaffPlace = Static<typeof StaffPlace>;

export const RetireRequest = Type.Object(
  {
    reason: Type.String({
      minLength: 10,
      maxLength: 2000,
      description: 'Why the place leaves the public pages (10–2000 characters; kept for the area’s staff, never shown publicly)',
    }),
  },
  { additionalProperties: false },
);

export const ModerationQuery = Type.Object(
  {
    state: Type.Optional(
      Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')], { default: 'pending' }),
    ),
  },
  { additionalProperties: false },
);

export const StaffReview = Type.Object({
  id: Type.String(),
  placeId: Type.String(),
  placeName: Type.String(),
  stars: Type.Integer(),
  text: Nullable(Type.String()),
  displayName: Nullable(Type.String()),
  language: Type.String(),
  flags: Type.Array(Type.String()),
  state: Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')]),
  receivedAt: Time,
  moderatedAt: Nullable(Time),
  rejectReason: Nullable(Type.String()),
});
export type StaffReview = Static<typeof StaffReview>;

export const RejectRequest = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
