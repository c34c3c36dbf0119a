import { Type } from '@sinclair/typebox';
import type { App } from '../../http/app.js';
import { Cursor, Limit, Page } from '../../http/paging.js';
import { listAlerts } from './sos-alert-store.js';
import { acknowledgeAlert, presentAlert } from './sos-alerts.js';
import { revokeDevice, rotateDeviceSecret, updateDevice } from './sos-device-admin.js';
import type { SosDeps } from './sos-devices.js';
import { alertReaders as operators, deviceAdmins as admin, signedIn } from './sos-access.js';
import { DeviceId, DeviceView, RotatedSecret, SosAlertState, SosAlertView, UpdateDeviceRequest } from './sos-schema.js';

const AlertId = Type.Object({ incidentId: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

/** Device administration beyond registration (edit, revoke, rotate) and the control centre's SOS alert list. */
export function registerSosAdminRoutes(app: App, deps: SosDeps): void {
  app.patch(
    '/api/v1/admin/sos-devices/:id',
    {
      config: { access: admin },
      schema: {
        tags: ['sos'],
        summary: 'Rename or move a device, or change the event types a camera reports',
        params: DeviceId,
        body: UpdateDeviceRequest,
        response: { 200: DeviceView },
      },
    },
    async (req) => updateDevice(deps, signedIn(req), req.params.id, req.body, req.ip),
  );
  app.post(
    '/api/v1/admin/sos-devices/:id/revoke',
    {
      config: { access: admin },
      schema: {
        tags: ['sos'],
        summary: 'Take a device out of service: its key is revoked and its requests are refused from now on',
        params: DeviceId,
        response: { 200: DeviceView },
      },
    },
    async (req) => revokeDevice(deps, signedIn(req), req.params.id, req.ip),
  );
  app.post(
    '/api/v1/admin/sos-devices/:id/rotate-secret',
    {
      config: { access: admin },
      schema: {
        tags: ['sos'],
        summary: 'Give a device a new signing secret (shown only in this answer); the old one stops working at once',
        params: DeviceId,
        response: { 200: RotatedSecret },
      },
    },
    async (req) => rotateDeviceSecret(deps, signedIn(req), req.params.id, req.ip),
  );
  app.get(
    '/api/v1/sos/alerts',
    {
      config: { access: operators },
      schema: {
        tags: ['sos'],
        summary: 'SOS button presses inside the caller’s jurisdiction, newest first',
        querystring: Type.Object({ cursor: Cursor, limit: Limit, state: SosAlertState }, { additionalProperties: false }),
        response: { 200: Page(SosAlertView) },
      },
    },
    async (req) => {
      const page = await listAlerts(deps.db, signedIn(req).jurisdiction, req.query);
      return { items: page.items.map(presentAlert), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/api/v1/sos/alerts/:incidentId/acknowledge',
    {
      config: { access: operators },
      schema: {
        tags: ['sos'],
        summary: 'Acknowledge an SOS press; the first acknowledgement stands and a second answers 409',
        params: AlertId,
        response: { 200: SosAlertView },
      },
    },
    async (req) => acknowledgeAlert(deps, signedIn(req), req.params.incidentId, req.ip),
  );
}
