import { Type, type Static } from '@sinclair/typebox';

const Id = Type.String({ maxLength: 32 });
const Text = Type.String();
const Names = Type.Object({ kk: Text, ru: Text, en: Text });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const RegionView = Type.Object({
  id: Id,
  /** ISO 3166-2, KZ-10 … KZ-79. */
  iso: Text,
  kind: Type.Union([Type.Literal('oblast'), Type.Literal('city_of_republican_significance')]),
  /** In the request's language. */
  name: Text,
  names: Names,
  /** The administrative centre, in the request's language. */
  capital: Text,
  /** IANA time zone. */
  tz: Text,
  population: Type.Integer(),
  /** True where no published figure exists and the number is Aman's estimate. */
  populationEstimated: Type.Boolean(),
});
export type RegionView = Static<typeof RegionView>;

export const DistrictView = Type.Object({
  id: Id,
  regionId: Id,
  /** A city administration, a rural district, or a district of Astana, Almaty or Shymkent. */
  kind: Type.Union([Type.Literal('city'), Type.Literal('district'), Type.Literal('city_district')]),
  name: Text,
  names: Names,
  population: Type.Integer(),
  populationEstimated: Type.Boolean(),
});
export type DistrictView = Static<typeof DistrictView>;

export const RegionParams = Type.Object({ id: Id });
export const DistrictParams = Type.Object({ id: Id });

export const BeatView = Type.Object({
  id: Type.String(),
  districtId: Type.String(),
  regionId: Type.String(),
  number: Type.Integer(),
  name: Type.String(),
});

export const BoundariesQuery = Type.Object(
  {
    level: Type.Union([Type.Literal('region'), Type.Literal('district'), Type.Literal('beat')]),
    /** Required for beats. */
    regionId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

const Geometry = Type.Object(
  { type: Text, coordinates: Type.Unknown() },
  { description: 'GeoJSON geometry (RFC 7946, longitude first, WGS 84)' },
);

export const FeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Id,
      properties: Type.Object({ id: Id, name: Text }),
      geometry: Geometry,
    }),
  ),
});

export const ResolveQuery = Type.Object({ lon: Type.Number(), lat: Type.Number() }, { additionalProperties: false });

const Place = Type.Object({ id: Id, name: Text });
export const ResolveView = Type.Object({
  region: Place,
  district: Place,
  beat: Type.Object({ id: Id, number: Type.Integer() }),
  /** H3 cell at resolution 9. */
  h3: Text,
});

export const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200 }),
    limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
  },
  { additionalProperties: false },
);

export const SearchResultView = Type.Object({
  label: Text,
  kind: Type.Union([Type.Literal('region'), Type.Literal('district'), Type.Literal('settlement'), Type.Literal('street')]),
  point: Type.Object({ type: Type.Literal('Point'), coordinates: Type.Tuple([Type.Number(), Type.Number()]) }),
  regionId: Id,
  districtId: Nullable(Id),
});

export const ClientConfigView = Type.Object({
  /** A raster tile URL template ({z}/{x}/{y}), or null when the map runs without internet tiles. */
  mapTileUrl: Nullable(Text),
  /** Credits the map must show. */
  attribution: Text,
});
