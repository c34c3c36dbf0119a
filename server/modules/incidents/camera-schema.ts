import { Type, type Static } from '@sinclair/typebox';
import { CameraEventTypeSchema } from '../../../common/schemas/channels.js';

export { CAMERA_EVENT_TYPES, type CameraEventType } from '../../../common/schemas/channels.js';

/** The largest snapshot a camera may send, decoded. */
export const SNAPSHOT_MAX_BYTES = 2 * 1024 * 1024;
/** Its base64 text: four characters for every three bytes, padded. */
export const SNAPSHOT_MAX_BASE64 = Math.ceil(SNAPSHOT_MAX_BYTES / 3) * 4;

export const CameraEventRequest = Type.Object(
  {
    eventId: Type.String({ minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' }),
    eventType: CameraEventTypeSchema,
    confidence: Type.Number({ minimum: 0, maximum: 1 }),
    occurredAt: Type.String({ format: 'date-time' }),
    snapshot: Type.Optional(
      Type.String({
        minLength: 4,
        maxLength: SNAPSHOT_MAX_BASE64,
        pattern: '^[A-Za-z0-9+/]+={0,2}$',
        description: 'A JPEG or PNG frame, base64, at most 2 MiB decoded',
      }),
    ),
  },
  { additionalProperties: false },
);
export type CameraEventRequest = Static<typeof CameraEventRequest>;

export const CameraEventOutcome = Type.Union([
  Type.Literal('created'),
  Type.Literal('attached'),
  Type.Literal('below_threshold'),
]);
export type CameraEventOutcome = Static<typeof CameraEventOutcome>;

export const CameraEventReceipt = Type.Object({
  eventId: Type.String(),
  outcome: CameraEventOutcome,
  /** The incident the event made or joined; null below the confidence threshold. */
  incidentId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
});
export type CameraEventReceipt = Static<typeof CameraEventReceipt>;
