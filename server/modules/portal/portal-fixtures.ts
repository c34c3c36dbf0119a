import { cellToLatLng, latLngToCell } from 'h3-js';
import { sql } from 'kysely';
import type { TestApp } from '../../test/app.js';

/** An incident to record for publication tests; the month is 'YYYY-MM' and the time mid-month. */
export interface CrimeSeed {
  category: string;
  lon: number | null;
  lat: number | null;
  regionId: string;
  districtId: string;
  beatId: string;
  month: string;
  status?: string;
}

/** Records incidents directly: publication reads what the incidents module holds, however it got there. */
export async function recordCrimes(t: TestApp, crimes: CrimeSeed[]): Promise<void> {
  const rows = crimes.map((c) => ({
    category: c.category,
    lon: c.lon,
    lat: c.lat,
    regionId: c.regionId,
    districtId: c.districtId,
    beatId: c.beatId,
    at: `${c.month}-10T12:00:00Z`,
    status: c.status ?? 'closed',
  }));
  await sql`
    insert into incidents (region_id, district_id, beat_id, category, status, priority, source, occurred_at, reported_at, location)
    select x."regionId", x."districtId", x."beatId", x.category, x.status, 3, 'test', x.at, x.at,
      case when x.lon is not null then ST_SetSRID(ST_MakePoint(x.lon, x.lat), 4326) end
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as x(category text, lon float8, lat float8, "regionId" text, "districtId" text, "beatId" text, at timestamptz, status text)`.execute(
    t.database.db,
  );
}

/** `n` distinct points close around the centre of the resolution-9 cell holding (lat, lon), all inside it. */
export function cluster(
  lat: number,
  lon: number,
  n: number,
): { lat: number; lon: number; cell: string; centre: [number, number] }[] {
  const cell = latLngToCell(lat, lon, 9);
  const [cLat, cLon] = cellToLatLng(cell);
  return Array.from({ length: n }, (_, i) => {
    const angle = (2 * Math.PI * i) / n;
    const point = { lat: cLat + 0.0002 * Math.sin(angle), lon: cLon + 0.0003 * Math.cos(angle) };
    if (latLngToCell(point.lat, point.lon, 9) !== cell) throw new Error('cluster point left its cell');
    return { ...point, cell, centre: [cLat, cLon] };
  });
}
