/** What video analytics reports; the list is also the database's check (migration 0062). */
export const CAMERA_EVENT_TYPES = [
  'weapon',
  'fight',
  'person_down',
  'intrusion',
  'crowd',
  'loitering',
  'vehicle_wrong_way',
  'fire_smoke',
  'other',
] as const;
export type CameraEventType = (typeof CAMERA_EVENT_TYPES)[number];
