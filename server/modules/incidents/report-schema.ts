import { Type, type Static } from '@sinclair/typebox';
import { INCIDENT_STATUSES } from './status.js';

const Status = Type.Union(INCIDENT_STATUSES.map((s) => Type.Literal(s)));

export const GeoJsonPoint = Type.Object(
  {
    type: Type.Literal('Point'),
    // Longitude, latitude and an optional altitude (RFC 7946); ranges are the geo module's to check.
    coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 3 }),
  },
  { additionalProperties: false },
);

export const ReportRequest = Type.Object(
  {
    category: Type.String({ minLength: 1, maxLength: 64 }),
    // At least one visible character: a report of spaces tells the operator nothing.
    description: Type.String({ minLength: 1, maxLength: 4000, pattern: '\\S' }),
    location: GeoJsonPoint,
    occurredAt: Type.Optional(Type.String({ format: 'date-time' })),
    reporter: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 ()-]{5,24}$' })),
          email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
        },
        { additionalProperties: false },
      ),
    ),
    anonymous: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ReportRequest = Static<typeof ReportRequest>;

export const ReportReceipt = Type.Object({
  id: Type.String({ format: 'uuid' }),
  trackingCode: Type.String(),
  status: Status,
});
export type ReportReceipt = Static<typeof ReportReceipt>;

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' })),
});

export const ReportStatusView = Type.Object({
  trackingCode: Type.String(),
  status: Status,
  category: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  timeline: Type.Array(Type.Object({ at: Type.String({ format: 'date-time' }), status: Status, text: Type.String() })),
});
export type ReportStatusView = Static<typeof ReportStatusView>;

export const ReportCategoryView = Type.Object({ code: Type.String(), name: Type.String() });
