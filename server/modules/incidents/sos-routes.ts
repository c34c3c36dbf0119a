import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { apiKeyAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { AppError } from '../../http/errors.js';
import { Page } from '../../http/paging.js';
import { deviceAdmins as admin, signedIn } from './sos-access.js';
import { registerSosAdminRoutes } from './sos-admin-routes.js';
import { receiveAlarm, receiveHeartbeat } from './sos-alarms.js';
import { presentDevice, registerDevice, type SosDeps } from './sos-devices.js';
import {
  AlarmReceipt,
  AlarmRequest,
  DeviceListQuery,
  DeviceView,
  HeartbeatRequest,
  RegisterDeviceRequest,
  RegisteredDevice,
  SignatureHeaders,
} from './sos-schema.js';
import type { SignedRequest } from './sos-signature.js';
import { findDevice, listDevices } from './sos-store.js';

export function deviceCaller(req: FastifyRequest) {
  if (req.actor.kind !== 'apiKey') throw new AppError('auth.api_key_invalid');
  return { keyId: req.actor.keyId, ip: req.ip };
}

/** SOS buttons and cameras: admins register them; devices post signed alarms (cameras: events, see camera-routes.ts) and heartbeats. */
export function registerSosRoutes(app: App, deps: SosDeps): void {
  app.post(
    '/api/v1/admin/sos-devices',
    {
      config: { access: admin },
      schema: {
        tags: ['sos'],
        summary: 'Register an SOS button or a camera; its API key and HMAC secret are shown only in this answer',
        body: RegisterDeviceRequest,
        response: { 201: RegisteredDevice },
      },
    },
    async (req, reply) => reply.code(201).send(await registerDevice(deps, signedIn(req), req.body, req.ip)),
  );
  app.get(
    '/api/v1/admin/sos-devices',
    {
      config: { access: admin },
      schema: {
        tags: ['sos'],
        summary: 'SOS buttons and cameras inside the caller’s jurisdiction, newest first',
        querystring: DeviceListQuery,
        response: { 200: Page(DeviceView) },
      },
    },
    async (req) => {
      const page = await listDevices(deps.db, signedIn(req).jurisdiction, req.query);
      return { items: page.items.map(presentDevice), nextCursor: page.nextCursor };
    },
  );
  app.get(
    '/api/v1/admin/sos-devices/:id',
    {
      config: { access: admin },
      schema: {
        tags: ['sos'],
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
        response: { 200: DeviceView },
      },
    },
    async (req) => {
      const row = await findDevice(deps.db, signedIn(req).jurisdiction, req.params.id);
      if (!row) throw new AppError('sos.device_not_found');
      return presentDevice(row);
    },
  );
  registerSosAdminRoutes(app, deps);
  // Its own plugin, so the raw-body JSON parser the signature needs applies to these routes only.
  void app.register(async (scope) => registerSignedRoutes(scope.withTypeProvider<TypeBoxTypeProvider>(), deps));
}

const rawBodies = new WeakMap<FastifyRequest, Buffer>();

export function signedRequest(req: FastifyRequest): SignedRequest {
  const header = (name: string) => {
    const value = req.headers[name];
    return typeof value === 'string' ? value : undefined;
  };
  return {
    timestamp: header('x-aman-timestamp'),
    signature: header('x-aman-signature'),
    rawBody: rawBodies.get(req) ?? Buffer.alloc(0),
  };
}

export const SIGNING =
  'Signed: X-Aman-Timestamp (unix seconds, within 60 s of the server clock) and X-Aman-Signature ' +
  '(hex HMAC-SHA-256 of `${timestamp}.${rawBody}` with the device secret); a signature is accepted once.';

/** Keeps each JSON body's exact bytes for the signature check; for a scope of signed device routes only. */
export function keepSignedBodies(scope: App): void {
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const raw = body as Buffer;
    rawBodies.set(req, raw);
    try {
      done(null, raw.length === 0 ? {} : JSON.parse(raw.toString('utf8')));
    } catch {
      done(new AppError('request.invalid', { detail: 'body is not JSON' }), undefined);
    }
  });
}

function registerSignedRoutes(scope: App, deps: SosDeps): void {
  keepSignedBodies(scope);
  const device = apiKeyAccess('device');
  scope.post(
    '/api/v1/sos/alarms',
    {
      config: { access: device },
      schema: {
        tags: ['sos'],
        summary: 'A signed SOS-button alarm: a P1 incident at the device’s place',
        description: `${SIGNING} Resending an alarmId answers its first incident again.`,
        headers: SignatureHeaders,
        body: AlarmRequest,
        response: { 201: AlarmReceipt },
      },
    },
    async (req, reply) => {
      const { replayed, ...receipt } = await receiveAlarm(deps, deviceCaller(req), signedRequest(req), req.body);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(receipt);
    },
  );
  scope.post(
    '/api/v1/sos/heartbeats',
    {
      config: { access: device },
      schema: {
        tags: ['sos'],
        summary: 'A signed SOS-button heartbeat (time and battery)',
        description: SIGNING,
        headers: SignatureHeaders,
        body: HeartbeatRequest,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await receiveHeartbeat(deps, deviceCaller(req), signedRequest(req), req.body);
      return reply.code(204).send(null);
    },
  );
}
