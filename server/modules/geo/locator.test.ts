import { beforeAll, expect, it } from 'vitest';
import type { Database } from '../../db/connection.js';
import { getTestDatabase } from '../../test/database.js';
import { locatorFor, type PointLocator } from './locator.js';
import { locate, type LocatedRow } from './store.js';

const TOLERANCE = 0.003; // as the geo service uses
let database: Database;
let locator: PointLocator;
beforeAll(async () => {
  database = await getTestDatabase();
  locator = (await locatorFor(database.db, TOLERANCE))!;
});

const place = (row: LocatedRow | null) => row && { region: row.region_id, district: row.district_id, beat: row.beat_id };

/** A fixed pseudo-random sequence, so a failure names the same point every run. */
function* points(count: number): Generator<{ lon: number; lat: number }> {
  let seed = 20_261_125;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < count; i++) {
    // Kazakhstan's bounding box and a little beyond, so borders and the outside are hit too.
    yield { lon: 46 + next() * 42, lat: 40 + next() * 16 };
  }
}

it('places points in the same region, district and beat as the database does', async () => {
  let inside = 0;
  let asked = 0;
  for (const point of points(1_500)) {
    const fromMemory = locator.locate(point.lon, point.lat);
    const fromDatabase = await locate(database.db, point.lon, point.lat, TOLERANCE);
    if (fromMemory === 'ask-database') asked++;
    else expect(place(fromMemory), `${point.lon} ${point.lat}`).toEqual(place(fromDatabase));
    if (fromDatabase) inside++;
  }
  // The sample must really test placing, not only "outside", and memory must answer nearly all.
  expect(inside).toBeGreaterThan(600);
  expect(asked).toBeLessThan(30);
});

it('places points on city streets alike, where beats are small', async () => {
  for (let i = 0; i < 300; i++) {
    const point = { lon: 76.8 + (i % 20) * 0.012, lat: 43.18 + Math.floor(i / 20) * 0.01 };
    const fromMemory = locator.locate(point.lon, point.lat);
    expect(fromMemory, `${point.lon} ${point.lat}`).not.toBe('ask-database');
    expect(place(fromMemory as LocatedRow | null)).toEqual(place(await locate(database.db, point.lon, point.lat, TOLERANCE)));
  }
});
