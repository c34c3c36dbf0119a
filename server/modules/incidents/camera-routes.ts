import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { apiKeyAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { receiveCameraEvent, type CameraDeps } from './camera-events.js';
import { CameraEventReceipt, CameraEventRequest, SNAPSHOT_MAX_BASE64 } from './camera-schema.js';
import { SignatureHeaders } from './sos-schema.js';
import { SIGNING, deviceCaller, keepSignedBodies, signedRequest } from './sos-routes.js';

// The snapshot's base64 and room for the rest of the event.
const BODY_LIMIT = SNAPSHOT_MAX_BASE64 + 16 * 1024;

/** Video-analytics cameras (registered as devices of kind `camera`) post signed events. */
export function registerCameraRoutes(app: App, deps: CameraDeps): void {
  // Its own plugin, so the raw-body JSON parser the signature needs applies to this route only.
  void app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<TypeBoxTypeProvider>();
    keepSignedBodies(scope);
    scope.post(
      '/api/v1/camera-events',
      {
        config: { access: apiKeyAccess('device') },
        bodyLimit: BODY_LIMIT,
        schema: {
          tags: ['sos'],
          summary: 'A signed video-analytics event: a new camera-alert incident, or a note on an open one nearby',
          description:
            `${SIGNING} Only a device of kind camera may send it. An event less confident than ` +
            'AMAN_CAMERA_MIN_CONFIDENCE is recorded and makes no incident. Resending an eventId answers its first outcome again.',
          headers: SignatureHeaders,
          body: CameraEventRequest,
          response: { 201: CameraEventReceipt },
        },
      },
      async (req, reply) => {
        const { replayed, ...receipt } = await receiveCameraEvent(deps, deviceCaller(req), signedRequest(req), req.body);
        if (replayed) reply.header('idempotent-replayed', 'true');
        return reply.code(201).send(receipt);
      },
    );
  });
}
