/**
 * Schemas of the device channels (SOS buttons, video-analytics cameras) that the server validates
 * with and the web takes its types from.
 */
import { Type, type Static } from '@sinclair/typebox';
import { CAMERA_EVENT_TYPES, type CameraEventType } from '../camera-events.js';

export { CAMERA_EVENT_TYPES, type CameraEventType };
export const CameraEventTypeSchema = Type.Union(CAMERA_EVENT_TYPES.map((t) => Type.Literal(t)));

/** Fixed devices that sign their requests: SOS buttons and video-analytics cameras. */
export const DeviceKind = Type.Union([Type.Literal('sos-button'), Type.Literal('camera')]);
export type DeviceKind = Static<typeof DeviceKind>;

const PointView = Type.Object({ type: Type.Literal('Point'), coordinates: Type.Array(Type.Number()) });
const Time = Type.String({ format: 'date-time' });
const NullableTime = Type.Union([Time, Type.Null()]);

// A camera's event types, chosen at registration: at least one, each once.
export const DeviceEventTypes = Type.Array(CameraEventTypeSchema, {
  minItems: 1,
  maxItems: CAMERA_EVENT_TYPES.length,
  uniqueItems: true,
});

export const DeviceView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  kind: DeviceKind,
  location: PointView,
  regionId: Type.String(),
  districtId: Type.String(),
  beatId: Type.String(),
  h3: Type.String(),
  apiKeyId: Type.String({ format: 'uuid' }),
  createdAt: Time,
  lastHeartbeatAt: NullableTime,
  battery: Type.Union([Type.Number(), Type.Null()]),
  /** `revoked`: its key and signatures are refused; `silent`: no sign of life for longer than the limit. */
  status: Type.Union([Type.Literal('active'), Type.Literal('silent'), Type.Literal('revoked')]),
  revokedAt: NullableTime,
  /** When the signing key was last replaced; null while the first one is in use. */
  rotatedAt: NullableTime,
  /** For cameras: the event types it may report; null accepts every type. */
  eventTypes: Type.Union([Type.Array(CameraEventTypeSchema), Type.Null()]),
});
export type DeviceView = Static<typeof DeviceView>;

export const RegisteredDevice = Type.Object({
  device: DeviceView,
  /** Shown only in this answer: the device's X-Api-Key. */
  apiKey: Type.String(),
  /** Shown only in this answer: the HMAC secret, base64url of 32 bytes. */
  secret: Type.String(),
});
export type RegisteredDevice = Static<typeof RegisteredDevice>;

export const RotatedSecret = Type.Object({
  device: DeviceView,
  /** Shown only in this answer: the new HMAC secret; the old one stops working at once. */
  secret: Type.String(),
});
export type RotatedSecret = Static<typeof RotatedSecret>;

/** An SOS button press as the control centre lists it. */
export const SosAlertView = Type.Object({
  incidentId: Type.String({ format: 'uuid' }),
  alarmId: Type.String(),
  receivedAt: Time,
  device: Type.Object({
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    location: PointView,
    regionId: Type.String(),
    districtId: Type.String(),
    beatId: Type.String(),
    battery: Type.Union([Type.Number(), Type.Null()]),
  }),
  incidentStatus: Type.String(),
  acknowledgedAt: NullableTime,
  /** The display name of who acknowledged it. */
  acknowledgedBy: Type.Union([Type.String(), Type.Null()]),
});
export type SosAlertView = Static<typeof SosAlertView>;

export const SosAlertState = Type.Union([Type.Literal('open'), Type.Literal('all')], {
  default: 'open',
  description: 'open: not yet acknowledged; all: every press',
});
