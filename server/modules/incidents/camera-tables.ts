export interface CameraEventsTable {
  device_id: string;
  event_id: string;
  region_id: string;
  event_type: string;
  confidence: number;
  occurred_at: Date;
  received_at: Date;
  /** The snapshot kept in the media store; null when none came or the event made no incident. */
  snapshot_sha256: string | null;
  incident_id: string | null;
  outcome: 'created' | 'attached' | 'below_threshold';
}

declare module '../../db/tables.js' {
  interface Tables {
    camera_events: CameraEventsTable;
  }
}
