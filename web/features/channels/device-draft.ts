import type { CameraEventType, DeviceInput, DeviceKind, DeviceView } from './channels-api.js';

export interface DeviceDraft {
  name: string;
  latitude: string;
  longitude: string;
  eventTypes: CameraEventType[];
}

export function draftFromDevice(device: DeviceView | undefined): DeviceDraft {
  if (!device) return { name: '', latitude: '', longitude: '', eventTypes: [] };
  const [lon = 0, lat = 0] = device.location.coordinates;
  return { name: device.name, latitude: String(lat), longitude: String(lon), eventTypes: device.eventTypes ?? [] };
}

/** A decimal number as people type it: a comma works as the decimal mark too. */
function parseDegrees(text: string): number | null {
  const normalised = text.trim().replace(',', '.');
  if (!/^-?\d{1,3}(\.\d+)?$/.test(normalised)) return null;
  return Number(normalised);
}

/** Problems as translation keys, by field; the server decides whether the point is in the admin's area. */
export function deviceDraftProblems(draft: DeviceDraft, kind: DeviceKind): Partial<Record<keyof DeviceDraft, string>> {
  const problems: Partial<Record<keyof DeviceDraft, string>> = {};
  if (!draft.name.trim()) problems.name = 'channels.form.errors.nameRequired';
  const lat = parseDegrees(draft.latitude);
  const lon = parseDegrees(draft.longitude);
  if (lat === null || lat < -90 || lat > 90) problems.latitude = 'channels.form.errors.latitude';
  if (lon === null || lon < -180 || lon > 180) problems.longitude = 'channels.form.errors.longitude';
  if (kind === 'camera' && draft.eventTypes.length === 0) problems.eventTypes = 'channels.form.errors.eventTypes';
  return problems;
}

/** The request body of a draft without problems. */
export function deviceInput(draft: DeviceDraft, kind: DeviceKind): DeviceInput {
  const input: DeviceInput = {
    name: draft.name.trim(),
    location: { type: 'Point', coordinates: [parseDegrees(draft.longitude) ?? NaN, parseDegrees(draft.latitude) ?? NaN] },
  };
  if (kind === 'camera') input.eventTypes = draft.eventTypes;
  return input;
}
