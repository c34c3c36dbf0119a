import type {
  CameraEventType,
  DeviceKind,
  DeviceView,
  RegisteredDevice,
  RotatedSecret,
  SosAlertView,
} from '../../../common/schemas/channels.js';
import { api } from '../../src/api.js';
import type { Page } from '../../src/paging.js';

export type { CameraEventType, DeviceKind, DeviceView, RegisteredDevice, RotatedSecret, SosAlertView };
export { CAMERA_EVENT_TYPES } from '../../../common/camera-events.js';

export interface DeviceInput {
  name: string;
  location: { type: 'Point'; coordinates: [number, number] };
  eventTypes?: CameraEventType[];
}

export const PAGE_SIZE = 50;

export function listAlerts(state: 'open' | 'all', cursor: string | null, signal?: AbortSignal): Promise<Page<SosAlertView>> {
  return api.get('/api/v1/sos/alerts', { query: { state, cursor, limit: PAGE_SIZE }, signal });
}

export function acknowledgeAlert(incidentId: string): Promise<SosAlertView> {
  return api.post(`/api/v1/sos/alerts/${encodeURIComponent(incidentId)}/acknowledge`);
}

export function listDevices(kind: DeviceKind, cursor: string | null, signal?: AbortSignal): Promise<Page<DeviceView>> {
  return api.get('/api/v1/admin/sos-devices', { query: { kind, cursor, limit: PAGE_SIZE }, signal });
}

export function registerDevice(kind: DeviceKind, input: DeviceInput): Promise<RegisteredDevice> {
  return api.post('/api/v1/admin/sos-devices', { ...input, kind });
}

export function updateDevice(id: string, changes: Partial<DeviceInput>): Promise<DeviceView> {
  return api.patch(`/api/v1/admin/sos-devices/${encodeURIComponent(id)}`, changes);
}

export function revokeDevice(id: string): Promise<DeviceView> {
  return api.post(`/api/v1/admin/sos-devices/${encodeURIComponent(id)}/revoke`);
}

export function rotateDeviceSecret(id: string): Promise<RotatedSecret> {
  return api.post(`/api/v1/admin/sos-devices/${encodeURIComponent(id)}/rotate-secret`);
}
