import { latLngToCell } from 'h3-js';
import { sql } from 'kysely';
import { categoryByCode, type CategoryCode } from '../../../common/categories.js';
import { CIRCUMSTANCE_FIELDS } from '../../../common/incident-circumstances.js';
import { seededRandom } from '../../../common/seeded-random.js';
import type { Database } from '../../db/connection.js';
import { demoCircumstances } from './demo-circumstances.js';
import { demoOutcome } from './demo-outcomes.js';
import {
  apportion,
  conceptRegionFactor,
  distributeMonthly,
  expectedCountsForMonths,
  monthsEndingAt,
  type DistrictInput,
} from './history.js';
import { nationalCountsByYear } from './national-figures.js';

export interface SampledPoint {
  districtId: string;
  regionId: string;
  beatId: string | null;
  lon: number;
  lat: number;
}

export interface HistorySeedDeps {
  districts: DistrictInput[];
  /** Random points inside each district (the geo module's sampler), with their beat. */
  samplePoints: (requests: { districtId: string; count: number }[], seed: number) => Promise<SampledPoint[]>;
  now: Date;
  /** Share of the national volume to create as individual incidents (the embedded demo wants tens of thousands, not 300 thousand). */
  scale: number;
}

const SEED = 20_240_301;
// Offences cluster in the evening and at night; a flat clock would make every hour look alike.
const HOUR_WEIGHTS = [4, 3, 2, 2, 1, 1, 2, 3, 4, 5, 5, 5, 6, 6, 6, 6, 7, 8, 9, 9, 9, 8, 7, 5];

/** Monthly recorded-offence counts 2018–2022 per district and category, from the concept's national figures. */
async function seedMonthlyCounts(database: Database, districts: DistrictInput[]): Promise<number> {
  const rows = distributeMonthly({ counts: nationalCountsByYear(), districts, seed: SEED, regionFactor: conceptRegionFactor });
  return database.copyInto(
    'offence_counts_monthly',
    ['district_id', 'region_id', 'month', 'category', 'count'],
    rows.map((r) => [r.districtId, r.regionId, `${r.month}-01`, r.category, r.count]),
  );
}

const HOUR_TOTAL = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);

function randomHour(random: () => number): number {
  let r = random() * HOUR_TOTAL;
  for (let hour = 0; hour < 24; hour++) {
    r -= HOUR_WEIGHTS[hour]!;
    if (r < 0) return hour;
  }
  return 23;
}

function randomInstant(month: string, random: () => number, now: Date): Date {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const isCurrentMonth = year === now.getUTCFullYear() && m - 1 === now.getUTCMonth();
  // The current month has only had its days so far; spreading over the whole of it would pile the rest onto "now".
  const days = isCurrentMonth ? now.getUTCDate() : new Date(Date.UTC(year, m, 0)).getUTCDate();
  const hour = randomHour(random);
  // Local hour in UTC+5, where Kazakhstan is since March 2024.
  const at = new Date(Date.UTC(year, m - 1, 1 + Math.floor(random() * days), hour - 5, Math.floor(random() * 60)));
  return at > now ? new Date(now.getTime() - Math.floor(random() * 3_600_000)) : at;
}

/** Individual incidents for the last 24 months, so live pages and maps are never empty. */
async function seedRecentIncidents(database: Database, deps: HistorySeedDeps): Promise<number> {
  const random = seededRandom(SEED + 1);
  // A stream of its own: drawing circumstances from `random` would move every later time and place.
  const circumstancesRandom = seededRandom(SEED + 2);
  const outcomeRandom = seededRandom(SEED + 3);
  const baseline = nationalCountsByYear().get(2022);
  if (!baseline) throw new Error('the national figures have no 2022');
  const months = monthsEndingAt(deps.now, 24);
  const expected = expectedCountsForMonths({ annual: baseline, baselineYear: 2022, months, scale: deps.scale, trend: 0.97 });
  const weights = deps.districts.map((d) => d.population);
  const planned: { districtId: string; month: string; category: CategoryCode }[] = [];
  for (const cell of expected) {
    if (cell.count === 0) continue;
    apportion(cell.count, weights, random).forEach((n, i) => {
      for (let k = 0; k < n; k++) planned.push({ districtId: deps.districts[i]!.id, month: cell.month, category: cell.category });
    });
  }
  const perDistrict = new Map<string, number>();
  for (const p of planned) perDistrict.set(p.districtId, (perDistrict.get(p.districtId) ?? 0) + 1);
  const points = await deps.samplePoints(
    [...perDistrict].map(([districtId, count]) => ({ districtId, count })),
    SEED,
  );
  const pool = new Map<string, SampledPoint[]>();
  for (const point of points) {
    const list = pool.get(point.districtId);
    if (list) list.push(point);
    else pool.set(point.districtId, [point]);
  }

  const rows: unknown[][] = [];
  for (const p of planned) {
    const point = pool.get(p.districtId)?.pop();
    if (!point) continue;
    const occurred = randomInstant(p.month, random, deps.now);
    const reported = new Date(occurred.getTime() + Math.floor(random() * 6 * 3_600_000));
    const ageDays = (deps.now.getTime() - occurred.getTime()) / 86_400_000;
    const known = demoCircumstances(p.category, circumstancesRandom);
    const recorded = CIRCUMSTANCE_FIELDS.some((field) => known[field] !== null);
    const reportedAt = reported > deps.now ? deps.now : reported;
    const outcome = demoOutcome(p.category, occurred, deps.now, outcomeRandom);
    rows.push([
      point.regionId,
      point.districtId,
      point.beatId,
      latLngToCell(point.lat, point.lon, 9),
      p.category,
      ageDays > 30 ? 'closed' : ageDays > 3 ? 'resolved' : 'triaged',
      categoryByCode(p.category).defaultPriority,
      'historical',
      occurred,
      reportedAt,
      `SRID=4326;POINT(${point.lon} ${point.lat})`,
      known.victimSex,
      known.victimAgeBand,
      known.offenderAgeBand,
      known.offenderIntoxication,
      known.placeType,
      recorded ? reportedAt : null,
      outcome?.code ?? null,
      outcome?.decidedOn ?? null,
    ]);
  }
  return database.copyInto(
    'incidents',
    [
      'region_id',
      'district_id',
      'beat_id',
      'h3',
      'category',
      'status',
      'priority',
      'source',
      'occurred_at',
      'reported_at',
      'location',
      'victim_sex',
      'victim_age_band',
      'offender_age_band',
      'offender_intoxication',
      'place_type',
      'circumstances_recorded_at',
      'investigation_outcome',
      'outcome_decided_on',
    ],
    rows,
  );
}

/** The demo's history; does nothing when it is already there. */
export async function seedIncidentHistory(
  database: Database,
  deps: HistorySeedDeps,
): Promise<{ monthlyRows: number; incidents: number }> {
  const existing = await sql<{ n: number }>`select count(*)::int as n from offence_counts_monthly`.execute(database.db);
  if ((existing.rows[0]?.n ?? 0) > 0) return { monthlyRows: 0, incidents: 0 };
  const monthlyRows = await seedMonthlyCounts(database, deps.districts);
  const incidents = await seedRecentIncidents(database, deps);
  return { monthlyRows, incidents };
}
