import { getResolution, latLngToCell } from 'h3-js';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection.js';
import { AppError } from '../../http/errors.js';
import { getTestDatabase } from '../../test/database.js';
import { BEAT_PLAN, seedGeo } from './seed.js';
import { boundaries, listDistricts, listRegions, resolvePoint, samplePoints } from './service.js';

let database: Database;
beforeAll(async () => {
  database = await getTestDatabase();
});

const ALMATY_CITY = '750000000';
const ALMATY_REGION = '190000000';

describe('seeded geography', () => {
  it('has the 20 regions and 224 districts of 2024', async () => {
    expect(await listRegions(database.db)).toHaveLength(20);
    expect(await listDistricts(database.db)).toHaveLength(224);
  });

  it('adds up to the national population, estimating the six regions without a figure', async () => {
    const regions = await listRegions(database.db);
    const districts = await listDistricts(database.db);
    expect(regions.reduce((s, r) => s + r.population, 0)).toBe(20_495_975);
    expect(
      regions
        .filter((r) => r.populationEstimated)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['110000000', '230000000', '270000000', '390000000', '430000000', '590000000']);
    for (const region of regions) {
      const inRegion = districts.filter((d) => d.regionId === region.id);
      expect(inRegion.reduce((s, d) => s + d.population, 0)).toBe(region.population);
    }
  });

  it('splits every district into numbered beats', async () => {
    const counts = await sql<{ id: string; population: number; n: number; numbers: number[] }>`
      select d.id, d.population, count(b.id)::int n, array_agg(b.number order by b.number) numbers
      from districts d left join beats b on b.district_id = d.id group by d.id`.execute(database.db);
    for (const row of counts.rows) {
      expect(row.n).toBeGreaterThanOrEqual(BEAT_PLAN.min);
      expect(row.n).toBeLessThanOrEqual(BEAT_PLAN.max);
      expect(row.numbers).toEqual(Array.from({ length: row.n }, (_, i) => i + 1));
    }
    const almaly = counts.rows.find((r) => r.id === '751110000')!;
    expect(almaly.n).toBe(Math.min(BEAT_PLAN.max, Math.round(almaly.population / BEAT_PLAN.peoplePerBeat)));
  });

  it('covers each district with its beats, without overlaps', async () => {
    // Beats are cut from their district, so at most a rounding error lies outside it; measured
    // with predicates because an overlay (ST_Difference) of near-coincident edges can fail.
    const cover = await sql<{ id: string; district: number; beats: number; outside: number }>`
      with d as (select id, geom, ST_Buffer(geom, 1e-9) margin from districts)
      select d.id, ST_Area(d.geom) district, sum(ST_Area(b.geom)) beats,
        count(*) filter (where not ST_CoveredBy(b.geom, d.margin))::int outside
      from d join beats b on b.district_id = d.id group by d.id, d.geom`.execute(database.db);
    expect(cover.rows).toHaveLength(224);
    for (const row of cover.rows) {
      expect(Math.abs(row.beats - row.district) / row.district, row.id).toBeLessThan(1e-6);
      expect(row.outside, row.id).toBe(0);
    }
    const overlap = await sql<{ area: number; district: number }>`
      select coalesce(max(ST_Area(ST_Intersection(a.geom, b.geom)) / ST_Area(d.geom)), 0) area
      from beats a join beats b on a.district_id = b.district_id and a.id < b.id and a.geom && b.geom
      join districts d on d.id = a.district_id`.execute(database.db);
    expect(overlap.rows[0]!.area).toBeLessThan(1e-9);
  });

  it('puts every district inside its region', async () => {
    const outside = await sql<{ id: string }>`
      select d.id from districts d join regions r on r.id = d.region_id
      where ST_Area(ST_Difference(d.geom, r.geom)) > 1e-9 * ST_Area(d.geom)`.execute(database.db);
    expect(outside.rows).toEqual([]);
  });

  it('places each demo street inside its city', async () => {
    const streets = await sql<{ lon: number; lat: number; region_id: string }>`
      select ST_X(geom) lon, ST_Y(geom) lat, region_id from streets`.execute(database.db);
    expect(streets.rows.length).toBeGreaterThan(10);
    for (const street of streets.rows) {
      expect((await resolvePoint(database.db, street))?.regionId).toBe(street.region_id);
    }
  });

  it('does nothing when seeded again', async () => {
    const before = await sql<{ n: number }>`select count(*)::int n from beats`.execute(database.db);
    await seedGeo(database);
    const after = await sql<{ n: number }>`select count(*)::int n from beats`.execute(database.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });
});

describe('resolvePoint', () => {
  it('finds Almaty city, its district and beat, with the H3 cell at resolution 9', async () => {
    const republicSquare = { lon: 76.9456, lat: 43.2383 };
    const found = await resolvePoint(database.db, republicSquare);
    expect(found?.regionId).toBe(ALMATY_CITY);
    expect(found?.districtId.startsWith('75')).toBe(true);
    expect(found?.beatId.startsWith(`${found?.districtId}-`)).toBe(true);
    expect(found?.h3).toBe(latLngToCell(republicSquare.lat, republicSquare.lon, 9));
    expect(getResolution(found!.h3)).toBe(9);
  });

  it('finds Astana', async () => {
    const bayterek = { lon: 71.4305, lat: 51.1283 };
    expect((await resolvePoint(database.db, bayterek))?.regionId).toBe('710000000');
  });

  it('finds a town in Atyrau region and its district', async () => {
    const kulsary = { lon: 54.01, lat: 46.97 };
    expect(await resolvePoint(database.db, kulsary)).toMatchObject({ regionId: '230000000', districtId: '233600000' });
  });

  it('answers for a point on a region border, on either side', async () => {
    const border = await sql<{ vertex: [number, number]; between: [number, number] }>`
      with ring as (select ST_ExteriorRing(ST_GeometryN(geom, 1)) ring from regions where id = ${ALMATY_CITY})
      select array[ST_X(ST_StartPoint(ring)), ST_Y(ST_StartPoint(ring))] vertex,
        array[ST_X(ST_LineInterpolatePoint(ring, 0.37)), ST_Y(ST_LineInterpolatePoint(ring, 0.37))] between
      from ring`.execute(database.db);
    for (const [lon, lat] of Object.values(border.rows[0]!)) {
      const found = await resolvePoint(database.db, { lon, lat });
      expect([ALMATY_CITY, ALMATY_REGION]).toContain(found?.regionId);
    }
  });

  it('answers null outside Kazakhstan', async () => {
    expect(await resolvePoint(database.db, { lon: 74.5698, lat: 42.8746 })).toBeNull(); // Bishkek
    expect(await resolvePoint(database.db, { lon: 37.6176, lat: 55.7558 })).toBeNull(); // Moscow
    expect(await resolvePoint(database.db, { lon: 0, lat: 0 })).toBeNull();
  });

  it.each([
    [200, 43],
    [76, -91],
    [Number.NaN, 43],
    [76, Number.POSITIVE_INFINITY],
  ])('refuses lon %s, lat %s', async (lon, lat) => {
    const refused = resolvePoint(database.db, { lon, lat });
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: 'geo.invalid_coordinates' });
  });
});

describe('boundaries', () => {
  it('gives one feature per region with names in the language, longitude first', async () => {
    const regions = await boundaries(database.db, 'region', 'ru');
    expect(regions.type).toBe('FeatureCollection');
    expect(regions.features).toHaveLength(20);
    const almaty = regions.features.find((f) => f.properties.id === ALMATY_CITY)!;
    expect(almaty.properties.name).toBe('город Алматы');
    expect(almaty.geometry.type).toBe('MultiPolygon');
    const [lon, lat] = (almaty.geometry.coordinates as number[][][][])[0]![0]![0]!;
    expect(lon).toBeGreaterThan(76);
    expect(lat).toBeLessThan(44);
  });

  it('gives the beats of one region, named in the language', async () => {
    const beats = await boundaries(database.db, 'beat', 'en', ALMATY_CITY);
    expect(beats.features.length).toBeGreaterThan(8 * BEAT_PLAN.min);
    expect(beats.features.every((f) => f.id.startsWith('75'))).toBe(true);
    expect(beats.features[0]!.properties.name).toBe('Beat 1');
  });

  it('builds each answer once', async () => {
    expect(await boundaries(database.db, 'district', 'kk', ALMATY_CITY)).toBe(
      await boundaries(database.db, 'district', 'kk', ALMATY_CITY),
    );
  });
});

describe('samplePoints', () => {
  it('draws the same points for the same seed, inside the district and with their beat', async () => {
    const first = await samplePoints(database.db, [{ districtId: '751110000', count: 25 }], 7);
    expect(await samplePoints(database.db, [{ districtId: '751110000', count: 25 }], 7)).toEqual(first);
    expect(first).toHaveLength(25);
    for (const point of first) {
      expect(await resolvePoint(database.db, point)).toMatchObject({ districtId: '751110000', beatId: point.beatId });
    }
  });
});
