import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import './tables.js';

export async function markDeviceRevoked(trx: Kysely<Tables>, id: string, by: string, at: Date): Promise<void> {
  await trx.updateTable('sos_devices').set({ revoked_at: at, revoked_by: by, updated_at: at }).where('id', '=', id).execute();
}

export async function replaceDeviceSecret(trx: Kysely<Tables>, id: string, secretEnc: string, at: Date): Promise<void> {
  await trx
    .updateTable('sos_devices')
    .set({ secret_enc: secretEnc, rotated_at: at, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export interface DeviceChanges {
  name?: string;
  place?: { regionId: string; districtId: string; beatId: string; h3: string; lon: number; lat: number };
  eventTypes?: string[];
}

export async function updateDeviceRow(trx: Kysely<Tables>, id: string, changes: DeviceChanges, at: Date): Promise<void> {
  const p = changes.place;
  await trx
    .updateTable('sos_devices')
    .set({
      updated_at: at,
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.eventTypes === undefined ? {} : { event_types: changes.eventTypes }),
      ...(p === undefined
        ? {}
        : {
            region_id: p.regionId,
            district_id: p.districtId,
            beat_id: p.beatId,
            h3: p.h3,
            location: sql`ST_SetSRID(ST_MakePoint(${p.lon}, ${p.lat}), 4326)`,
          }),
    })
    .where('id', '=', id)
    .execute();
}
