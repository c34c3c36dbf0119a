import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import sharp from 'sharp';
import type { TestApp } from '../../test/app.js';

/**
 * For tests: places in Almaty city, each more than a kilometre from the others and from the
 * point other suites use, so one test's incidents are never "nearby" for another's camera.
 */
export function almatyPlace(index: number) {
  return { type: 'Point' as const, coordinates: [76.86 + 0.015 * (index % 4), 43.2 + 0.015 * Math.floor(index / 4)] };
}

/** A point `metres` north of `place`. */
export function north(place: { coordinates: number[] }, metres: number) {
  const [lon = 0, lat = 0] = place.coordinates;
  return { type: 'Point' as const, coordinates: [lon, lat + metres / 111_320] };
}

export function cameraEvent(now: Date, body: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventId: `evt-${Math.random().toString(36).slice(2)}`,
    eventType: 'fight',
    confidence: 0.9,
    occurredAt: now.toISOString(),
    ...body,
  };
}

/** A frame as a camera sends it, with a place and a device name in its EXIF. */
export function snapshotWithExif(shade = 30): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 40, g: shade, b: 200 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestCam' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 14/1 18/1', GPSLongitudeRef: 'E', GPSLongitude: '76/1 56/1 45/1' },
    })
    .toBuffer();
}

export interface CameraCounts {
  incidents: number;
  timeline: number;
  events: number;
  signatures: number;
  cameraEvents: number;
  media: number;
  audit: number;
}

/** Row counts of every table a camera event writes, to show that a refusal wrote nothing. */
export async function cameraCounts(t: TestApp): Promise<CameraCounts> {
  const result = await sql<CameraCounts>`
    select
      (select count(*)::int from incidents) as incidents,
      (select count(*)::int from incident_timeline) as timeline,
      (select count(*)::int from domain_events) as events,
      (select count(*)::int from sos_signatures) as signatures,
      (select count(*)::int from camera_events) as "cameraEvents",
      (select count(*)::int from incident_media) as media,
      (select count(*)::int from audit_inbox) + (select count(*)::int from audit_log) as audit`.execute(t.database.db);
  return result.rows[0]!;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

/** Every file in the app's media store: originals, public copies and anything left half-written. */
export function storedMediaFiles(t: TestApp): string[] {
  return filesUnder(path.join(t.config.dataDir, 'media'));
}
