// Unit recommendation with 5,000 units online: p50/p99 of one recommendation (the service call an
// operator's request makes, without HTTP) for 1,000 incidents across Kazakhstan, every unit
// available with a fresh position. Embedded by default; with AMAN_BENCH_DATABASE_URL (an empty
// PostGIS database) on PostgreSQL too.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { COUNTRY } from '../server/http/actor.js';
import { openDatabase } from '../server/db/connection.js';
import { migrateToLatest } from '../server/db/migrator.js';
import { dispatchDeps, recommendUnits, seedDispatch } from '../server/modules/dispatch/index.js';
import { listDistricts, samplePoints } from '../server/modules/geo/index.js';
import { createFieldCrypto } from '../server/secrets/field-crypto.js';
import { seedReference } from '../server/seed.js';
import { writeResult } from './result.js';

const UNITS = 5_000;
const RECOMMENDATIONS = 1_000;
const WARM_UP = 100;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function run(name: string, url: string | null): Promise<void> {
  const database = await openDatabase({ url, poolSize: 4 });
  await migrateToLatest(database.db);
  await seedReference(database);
  const db = database.db;
  const districts = await listDistricts(db);
  const cityDistricts = districts.filter((d) => d.kind === 'city_district').length;
  const policePerDistrict = Math.ceil((UNITS - cityDistricts) / districts.length);
  const now = new Date();
  const seeded = await seedDispatch(database, { now, policePerDistrict });
  if (seeded.units === 0) throw new Error('units exist already: point the bench at an empty database');
  await sql`analyze unit_positions`.execute(db);
  await sql`analyze units`.execute(db);

  // Incidents where people live: points in districts drawn in proportion to population.
  const weights = districts.map((d) => Math.max(1, d.population));
  const total = weights.reduce((a, b) => a + b, 0);
  const requests = districts.map((d, i) => ({
    districtId: d.id,
    count: Math.max(1, Math.round((weights[i]! / total) * RECOMMENDATIONS)),
  }));
  const points = (await samplePoints(db, requests, 7)).slice(0, RECOMMENDATIONS);
  await database.copyInto(
    'incidents',
    ['region_id', 'district_id', 'beat_id', 'category', 'status', 'priority', 'source', 'occurred_at', 'reported_at', 'location'],
    points.map((p) => [
      p.regionId,
      p.districtId,
      p.beatId,
      'other-theft',
      'new',
      2,
      'bench',
      now,
      now,
      `SRID=4326;POINT(${p.lon} ${p.lat})`,
    ]),
  );
  const incidents = (await db.selectFrom('incidents').select('id').where('source', '=', 'bench').execute()).map((r) => r.id);

  const deps = dispatchDeps({
    db,
    clock: () => new Date(),
    fieldCrypto: createFieldCrypto(crypto.randomBytes(32)),
    stalePositionSeconds: 120,
  });
  const operator = { userId: crypto.randomUUID(), roles: ['operator' as const], jurisdiction: COUNTRY, ip: '127.0.0.1' };
  const timings: number[] = [];
  // The floor under the same load: one `select 1` round trip between recommendations. A
  // recommendation makes two round trips (the incident, then the nearest units).
  const floor: number[] = [];
  let empty = 0;
  for (let i = 0; i < WARM_UP + incidents.length; i++) {
    const id = incidents[i % incidents.length]!;
    const started = performance.now();
    const answer = await recommendUnits(deps, operator, id, { limit: 5 });
    const ms = performance.now() - started;
    const pinged = performance.now();
    await sql`select 1`.execute(db);
    if (i >= WARM_UP) {
      timings.push(ms);
      floor.push(performance.now() - pinged);
      if (answer.units.length === 0) empty++;
    }
  }
  floor.sort((a, b) => a - b);
  if (empty > 0) throw new Error(`${empty} recommendations found no unit`);
  timings.sort((a, b) => a - b);
  const what = `${seeded.units} units online, ${timings.length} recommendations of 5, ${name}`;
  writeResult(`recommend-${name}-p50`, { metric: `p50 latency (${what})`, value: percentile(timings, 50), unit: 'ms' });
  writeResult(`recommend-${name}-p99`, {
    metric: `p99 latency (${what})`,
    value: percentile(timings, 99),
    unit: 'ms',
    limit: 10,
  });
  writeResult(`recommend-${name}-round-trip-p99`, {
    metric: `p99 of one \`select 1\` round trip between those recommendations (the floor under the machine's load at the time), ${name}`,
    value: percentile(floor, 99),
    unit: 'ms',
  });
  await database.close();
}

await run('embedded', null);
if (process.env.AMAN_BENCH_DATABASE_URL) await run('postgres', process.env.AMAN_BENCH_DATABASE_URL);
