import { cellToLatLng, getResolution } from 'h3-js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstDistrictAndBeat, listBeats } from '../geo/index.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { cluster, recordCrimes, type CrimeSeed } from './portal-fixtures.js';
import { completedMonthsBefore, publishMonth } from './publish.js';

const ALMATY = '750000000';
let t: TestApp;
let place: { regionId: string; districtId: string; beatId: string };
let otherBeat: string;

beforeAll(async () => {
  t = await buildTestApp();
  const first = await firstDistrictAndBeat(t.database.db, ALMATY);
  place = { regionId: ALMATY, districtId: first.districtId, beatId: first.beatId };
  otherBeat = (await listBeats(t.database.db, first.districtId, 'en'))!.find((b) => b.id !== first.beatId)!.id;
});
afterAll(async () => {
  await t.app.close();
});

const deps = () => ({ db: t.database.db, secretKey: t.keys.secretKey, clock: () => new Date('2030-01-01T00:00:00Z') });

async function published(month: string) {
  const result = await sql<{
    persistent_id: string;
    category: string;
    h3: string | null;
    lat: number | null;
    lon: number | null;
  }>`
    select c.persistent_id, c.category, l.h3, ST_Y(l.point::geometry) lat, ST_X(l.point::geometry) lon
    from portal_crimes c left join portal_locations l on l.id = c.location_id
    where c.month = ${`${month}-01`}::date order by c.id`.execute(t.database.db);
  return result.rows;
}

describe('publishMonth', () => {
  const month = '2001-05';
  const busy = cluster(43.25, 76.9, 4);
  const pair = cluster(43.26, 76.93, 2);
  const sensitive = cluster(43.27, 76.95, 5);
  let seeds: CrimeSeed[];

  beforeAll(async () => {
    seeds = [
      ...busy.map((p) => ({ ...place, ...p, month, category: 'burglary' })),
      ...pair.map((p) => ({ ...place, ...p, month, category: 'robbery' })),
      ...sensitive.map((p) => ({ ...place, ...p, month, category: 'domestic-violence' })),
      { ...place, lon: 76.91, lat: 43.24, month, category: 'road-accident' },
      { ...place, lon: 76.91, lat: 43.241, month, category: 'burglary', status: 'cancelled' },
    ];
    await recordCrimes(t, seeds);
    expect((await publishMonth(deps(), month)).published).toBe(true);
  });

  it('publishes no point at a true location, and each at the centre of a cell of resolution 9 or coarser', async () => {
    const rows = await published(month);
    const truth = new Set(seeds.map((s) => `${s.lat?.toFixed(6)} ${s.lon?.toFixed(6)}`));
    for (const row of rows.filter((r) => r.h3)) {
      expect(truth.has(`${row.lat!.toFixed(6)} ${row.lon!.toFixed(6)}`)).toBe(false);
      expect(getResolution(row.h3!)).toBeLessThanOrEqual(9);
      const [lat, lon] = cellToLatLng(row.h3!);
      expect(row.lat).toBeCloseTo(lat, 9);
      expect(row.lon).toBeCloseTo(lon, 9);
    }
    expect(rows.filter((r) => r.h3 === busy[0]!.cell)).toHaveLength(4);
  });

  it('gives a place with fewer than 3 distinct locations no point of its own', async () => {
    const rows = await published(month);
    expect(rows.filter((r) => r.category === 'robbery').every((r) => r.h3 !== pair[0]!.cell)).toBe(true);
    const perCell = new Map<string, number>();
    for (const r of rows) if (r.h3) perCell.set(r.h3, (perCell.get(r.h3) ?? 0) + 1);
    expect([...perCell.values()].every((n) => n >= 3)).toBe(true);
  });

  it('leaves out sensitive categories, crimes outside the police.uk model and cancelled incidents', async () => {
    const rows = await published(month);
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => r.category))).toEqual(new Set(['burglary', 'robbery']));
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.persistent_id))).toBe(true);
  });

  it('counts sensitive categories for the district only, and never stores a count from 1 to 4', async () => {
    const counts = await sql<{ category: string; level: string; area_id: string; count: number | null; mark: string }>`
      select category, level, area_id, count, mark from portal_area_counts where month = ${`${month}-01`}::date`.execute(
      t.database.db,
    );
    const dv = counts.rows.filter((r) => r.category === 'domestic-violence');
    expect(dv.map((r) => r.level).sort()).toEqual(['country', 'district', 'region']);
    expect(dv.find((r) => r.level === 'district')).toMatchObject({ area_id: place.districtId, count: 5, mark: 'count' });
    expect(counts.rows.filter((r) => r.count !== null && r.count >= 1 && r.count <= 4)).toEqual([]);
    expect(counts.rows.find((r) => r.category === 'robbery' && r.level === 'beat' && r.area_id === place.beatId)?.mark).toBe(
      'fewer-than-5',
    );
  });

  it('is a snapshot: a month is published once and later records do not change it', async () => {
    const before = await published(month);
    await recordCrimes(t, [{ ...place, beatId: otherBeat, ...busy[0]!, month, category: 'drugs' }]);
    expect(await publishMonth(deps(), month)).toEqual({ month, published: false, crimes: 0 });
    expect(await published(month)).toEqual(before);
  });
});

describe('completedMonthsBefore', () => {
  it('lists the whole months before the current one in Kazakhstan time', () => {
    // 20:00 UTC on 31 December is already 1 January in Kazakhstan.
    expect(completedMonthsBefore(new Date('2024-12-31T20:00:00Z'), 3)).toEqual(['2024-10', '2024-11', '2024-12']);
    expect(completedMonthsBefore(new Date('2024-03-15T00:00:00Z'), 2)).toEqual(['2024-01', '2024-02']);
  });
});
