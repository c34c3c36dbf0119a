import { Type, type Static } from '@sinclair/typebox';
import { DeviceEventTypes, DeviceKind } from '../../../common/schemas/channels.js';
import { Cursor, Limit } from '../../http/paging.js';
import { GeoJsonPoint } from './report-schema.js';

export {
  DeviceKind,
  DeviceView,
  RegisteredDevice,
  RotatedSecret,
  SosAlertState,
  SosAlertView,
} from '../../../common/schemas/channels.js';

// A name needs one visible character: a list of blank names tells an administrator nothing.
const DeviceName = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });

export const RegisterDeviceRequest = Type.Object(
  {
    name: DeviceName,
    location: GeoJsonPoint,
    kind: Type.Optional(DeviceKind),
    eventTypes: Type.Optional(DeviceEventTypes),
  },
  { additionalProperties: false },
);
export type RegisterDeviceRequest = Static<typeof RegisterDeviceRequest>;

/** What an administrator may change of a registered device; its kind and key stay. */
export const UpdateDeviceRequest = Type.Object(
  {
    name: Type.Optional(DeviceName),
    location: Type.Optional(GeoJsonPoint),
    eventTypes: Type.Optional(DeviceEventTypes),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateDeviceRequest = Static<typeof UpdateDeviceRequest>;

export const DeviceListQuery = Type.Object(
  { cursor: Cursor, limit: Limit, kind: Type.Optional(DeviceKind) },
  { additionalProperties: false },
);

export const DeviceId = Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

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
