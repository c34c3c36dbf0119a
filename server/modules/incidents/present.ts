import { Type, type Static } from '@sinclair/typebox';
import type { IncidentRow } from './store.js';

export const IncidentView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  category: Type.String(),
  status: Type.String(),
  priority: Type.Integer({ minimum: 1, maximum: 4 }),
  source: Type.String(),
  occurredAt: Type.String({ format: 'date-time' }),
  reportedAt: Type.String({ format: 'date-time' }),
  location: Type.Union([
    Type.Object({ type: Type.Literal('Point'), coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }) }),
    Type.Null(),
  ]),
  regionId: Type.String(),
  districtId: Type.Union([Type.String(), Type.Null()]),
  beatId: Type.Union([Type.String(), Type.Null()]),
  h3: Type.Union([Type.String(), Type.Null()]),
});

export function presentIncident(row: IncidentRow): Static<typeof IncidentView> {
  return {
    id: row.id,
    category: row.category,
    status: row.status,
    priority: row.priority,
    source: row.source,
    occurredAt: row.occurred_at.toISOString(),
    reportedAt: row.reported_at.toISOString(),
    location: row.location_json ? (JSON.parse(row.location_json) as Static<typeof IncidentView>['location']) : null,
    regionId: row.region_id,
    districtId: row.district_id,
    beatId: row.beat_id,
    h3: row.h3,
  };
}
