import { Type, type Static } from '@sinclair/typebox';

// Form fields arrive as text; a JSON body may carry numbers for lat and long. Everything is
// optional here so the parser can answer a missing argument in GeoReport v2's own words.
const Text = Type.String({ maxLength: 4000 });
const Coordinate = Type.Union([Type.String({ maxLength: 32 }), Type.Number()]);

export const Open311RequestForm = Type.Object(
  {
    api_key: Type.Optional(Type.String({ maxLength: 200 })),
    service_code: Type.Optional(Type.String({ maxLength: 64 })),
    lat: Type.Optional(Coordinate),
    long: Type.Optional(Coordinate),
    address_string: Type.Optional(Type.String({ maxLength: 500 })),
    description: Type.Optional(Text),
    email: Type.Optional(Type.String({ maxLength: 254 })),
    first_name: Type.Optional(Type.String({ maxLength: 100 })),
    last_name: Type.Optional(Type.String({ maxLength: 100 })),
    phone: Type.Optional(Type.String({ maxLength: 32 })),
  },
  {
    // attribute[CODE] (and attribute[CODE][] for lists), plus the spec's optional fields Aman does
    // not use (device_id, account_id, address_id, media_url, jurisdiction_id).
    additionalProperties: Type.Union([
      Type.String({ maxLength: 4000 }),
      Type.Array(Type.String({ maxLength: 4000 }), { maxItems: 20 }),
    ]),
    description: 'application/x-www-form-urlencoded, as GeoReport v2 specifies; attribute answers as attribute[CODE]=value',
  },
);
export type Open311RequestForm = Static<typeof Open311RequestForm>;

export const RequestsQuery = Type.Object(
  {
    service_request_id: Type.Optional(
      Type.String({ maxLength: 40_000, description: 'comma-separated ids; overrides every other filter' }),
    ),
    service_code: Type.Optional(Type.String({ maxLength: 1000, description: 'one service code or a comma-separated list' })),
    start_date: Type.Optional(Type.String({ maxLength: 40, description: 'ISO 8601; at most 90 days before end_date' })),
    end_date: Type.Optional(Type.String({ maxLength: 40, description: 'ISO 8601' })),
    status: Type.Optional(Type.String({ maxLength: 20, description: 'open, closed, or both comma-separated' })),
    jurisdiction_id: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: true },
);
export type RequestsQuery = Static<typeof RequestsQuery>;

export const JurisdictionQuery = Type.Object(
  { jurisdiction_id: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: true },
);

export const FileParams = Type.Object({ file: Type.String({ maxLength: 120 }) });

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const ServiceView = Type.Object({
  service_code: Type.String(),
  service_name: Type.String(),
  description: Type.String(),
  metadata: Type.Boolean(),
  type: Type.Literal('realtime'),
  keywords: Type.String(),
  group: Type.String(),
});
export type ServiceView = Static<typeof ServiceView>;

export const ServiceDefinitionView = Type.Object({
  service_code: Type.String(),
  attributes: Type.Array(
    Type.Object({
      variable: Type.Boolean(),
      code: Type.String(),
      datatype: Type.String(),
      required: Type.Boolean(),
      datatype_description: Nullable(Type.String()),
      order: Type.Integer(),
      description: Type.String(),
      values: Type.Array(Type.Object({ key: Type.String(), name: Type.String() })),
    }),
  ),
});
export type ServiceDefinitionView = Static<typeof ServiceDefinitionView>;

export const CreatedView = Type.Object({
  service_request_id: Type.String(),
  service_notice: Type.String(),
  account_id: Type.Null(),
});
export type CreatedView = Static<typeof CreatedView>;

// Only what a public read may show: never the reporter, never the address, a cell centre for the point.
export const ServiceRequestView = Type.Object({
  service_request_id: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  status_notes: Type.String(),
  service_name: Type.String(),
  service_code: Type.String(),
  description: Nullable(Type.String()),
  agency_responsible: Type.String(),
  service_notice: Nullable(Type.String()),
  requested_datetime: Type.String(),
  updated_datetime: Type.String(),
  expected_datetime: Type.Null(),
  address: Type.Null(),
  address_id: Type.Null(),
  zipcode: Type.Null(),
  lat: Type.Union([Type.Number(), Type.Null()]),
  long: Type.Union([Type.Number(), Type.Null()]),
  media_url: Type.Null(),
});
export type ServiceRequestView = Static<typeof ServiceRequestView>;

export const TokenView = Type.Object({ service_request_id: Type.String(), token: Type.String() });
export type TokenView = Static<typeof TokenView>;

export const ErrorView = Type.Array(Type.Object({ code: Type.Integer(), description: Type.String() }));
