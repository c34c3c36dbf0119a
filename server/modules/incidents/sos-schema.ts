import { Type, type Static } from '@sinclair/typebox';
import { GeoJsonPoint } from './report-schema.js';

/** Fixed devices that sign their requests: SOS buttons and video-analytics cameras. */
export const DeviceKind = Type.Union([Type.Literal('sos-button'), Type.Literal('camera')]);
export type DeviceKind = Static<typeof DeviceKind>;

export const RegisterDeviceRequest = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    location: GeoJsonPoint,
    kind: Type.Optional(DeviceKind),
  },
  { additionalProperties: false },
);
export type RegisterDeviceRequest = Static<typeof RegisterDeviceRequest>;

export const DeviceView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  kind: DeviceKind,
  location: Type.Object({ type: Type.Literal('Point'), coordinates: Type.Array(Type.Number()) }),
  regionId: Type.String(),
  districtId: Type.String(),
  beatId: Type.String(),
  h3: Type.String(),
  apiKeyId: Type.String({ format: 'uuid' }),
  createdAt: Type.String({ format: 'date-time' }),
  lastHeartbeatAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  battery: Type.Union([Type.Number(), Type.Null()]),
});
export type DeviceView = Static<typeof DeviceView>;

export const RegisteredDevice = Type.Object({
  device: DeviceView,
  /** Shown only in this answer: the device's X-Api-Key. */
  apiKey: Type.String(),
  /** Shown only in this answer: the HMAC secret, base64url of 32 bytes. */
  secret: Type.String(),
});

export const SignatureHeaders = Type.Object({
  'x-aman-timestamp': Type.Optional(Type.String({ maxLength: 16 })),
  'x-aman-signature': Type.Optional(Type.String({ maxLength: 128 })),
});

const Battery = Type.Number({ minimum: 0, maximum: 100, description: 'Charge, percent' });

export const AlarmRequest = Type.Object(
  {
    alarmId: Type.String({ minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' }),
    pressedAt: Type.Optional(Type.String({ format: 'date-time' })),
    battery: Type.Optional(Battery),
  },
  { additionalProperties: false },
);
export type AlarmRequest = Static<typeof AlarmRequest>;

export const AlarmReceipt = Type.Object({ incidentId: Type.String({ format: 'uuid' }), status: Type.String() });
export type AlarmReceipt = Static<typeof AlarmReceipt>;

export const HeartbeatRequest = Type.Object({ battery: Type.Optional(Battery) }, { additionalProperties: false });
export type HeartbeatRequest = Static<typeof HeartbeatRequest>;
