import { sql } from 'kysely';
import type { Db } from '../../../db/connection.js';
import './tables.js';

export interface Open311Row {
  incidentId: string;
  serviceCode: string;
  requestedAt: Date;
  publicDescription: string | null;
}

export async function insertOpen311Request(
  db: Db,
  row: {
    incidentId: string;
    serviceCode: string;
    regionId: string;
    apiKeyId: string;
    requestedAt: Date;
    attributes: Record<string, string | string[]>;
    publicDescription: string | null;
  },
): Promise<void> {
  await db
    .insertInto('open311_requests')
    .values({
      incident_id: row.incidentId,
      service_code: row.serviceCode,
      region_id: row.regionId,
      api_key_id: row.apiKeyId,
      requested_at: row.requestedAt,
      attributes: JSON.stringify(row.attributes),
      public_description: row.publicDescription,
    })
    .execute();
}

/** Open311 requests by id, or filed in a window; optionally of the given services. Newest first. */
export async function findOpen311Requests(
  db: Db,
  filter: { ids?: readonly string[]; from?: Date; to?: Date; serviceCodes?: readonly string[]; limit?: number },
): Promise<Open311Row[]> {
  let q = db
    .selectFrom('open311_requests')
    .select(['incident_id', 'service_code', 'requested_at', 'public_description'])
    .orderBy('requested_at', 'desc');
  if (filter.ids) q = q.where(sql<boolean>`incident_id = any(${filter.ids}::uuid[])`);
  if (filter.from) q = q.where('requested_at', '>=', filter.from);
  if (filter.to) q = q.where('requested_at', '<=', filter.to);
  if (filter.serviceCodes) q = q.where('service_code', 'in', filter.serviceCodes);
  if (filter.limit !== undefined) q = q.limit(filter.limit);
  const rows = await q.execute();
  return rows.map((r) => ({
    incidentId: r.incident_id,
    serviceCode: r.service_code,
    requestedAt: r.requested_at,
    publicDescription: r.public_description,
  }));
}
