import crypto from 'node:crypto';
import type { Database } from '../../db/connection.js';
import { listDistricts, samplePoints } from '../geo/index.js';
import { demoActor } from '../identity/index.js';
import type { Agency, UnitKind } from './schema.js';

export interface DispatchSeedReport {
  units: number;
  /** Whether this run put the demo officer on a unit (false when already there, or no such account). */
  demoOfficerLinked: boolean;
}

/** The demo district inspector whose phone view shows a unit (README, "Demo accounts"). */
export const DEMO_OFFICER = 'officer.almaty';

/**
 * Puts the demo officer on the first police patrol car of their district that has nobody on it,
 * so the officer's phone view has a unit to show. Runs on every seed: a data directory seeded
 * before this link existed gets it too, and a second run changes nothing.
 */
async function linkDemoOfficer(db: Database['db']): Promise<boolean> {
  const officer = await demoActor(db, DEMO_OFFICER);
  if (!officer?.jurisdiction.districtId) return false;
  const member = await db.selectFrom('unit_members').select('unit_id').where('user_id', '=', officer.userId).executeTakeFirst();
  if (member) return false;
  const unit = await db
    .selectFrom('units')
    .select(['id', 'region_id'])
    .where('district_id', '=', officer.jurisdiction.districtId)
    .where('agency', '=', 'police')
    .where('kind', '=', 'patrol_car')
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('unit_members as m').select('m.unit_id').whereRef('m.unit_id', '=', 'units.id'))),
    )
    .orderBy('call_sign')
    .executeTakeFirst();
  if (!unit) return false;
  await db.insertInto('unit_members').values({ unit_id: unit.id, user_id: officer.userId, region_id: unit.region_id }).execute();
  return true;
}

const SEED = 20_240_302;
// Per district by default: two patrol cars and a foot patrol of the police; city districts also
// get a National Guard car, as the Guard patrols streets in the big cities.
const KINDS: readonly UnitKind[] = ['patrol_car', 'patrol_car', 'foot', 'motorcycle', 'bicycle'];

/**
 * Demo units in every district, on duty and available at random points of their district, with a
 * fix taken at `now` (it goes stale like any other once AMAN_STALE_POSITION_SECONDS pass), and
 * the demo officer on one of them. Creates no units when units exist already.
 */
export async function seedDispatch(
  database: Database,
  options: { now: Date; policePerDistrict?: number },
): Promise<DispatchSeedReport> {
  const db = database.db;
  const now = options.now;
  if (await db.selectFrom('units').select('id').limit(1).executeTakeFirst()) {
    return { units: 0, demoOfficerLinked: await linkDemoOfficer(db) };
  }
  const districts = await listDistricts(db);
  const police = Array.from({ length: options.policePerDistrict ?? 3 }, (_, i) => KINDS[i % KINDS.length]!);
  const plans = districts.map((d) => ({
    district: d,
    kinds: d.kind === 'city_district' ? [...police, 'patrol_car' as const] : police,
  }));
  const points = await samplePoints(
    db,
    plans.map((p) => ({ districtId: p.district.id, count: p.kinds.length })),
    SEED,
  );
  const units: unknown[][] = [];
  const perRegion = new Map<string, number>();
  const positions: unknown[][] = [];
  for (const plan of plans) {
    const here = points.filter((p) => p.districtId === plan.district.id);
    plan.kinds.forEach((kind, i) => {
      const point = here[i];
      if (!point) return;
      const agency: Agency = plan.district.kind === 'city_district' && i === plan.kinds.length - 1 ? 'national_guard' : 'police';
      const id = crypto.randomUUID();
      const n = (perRegion.get(plan.district.regionId) ?? 0) + 1;
      perRegion.set(plan.district.regionId, n);
      const callSign = `${agency === 'police' ? 'П' : 'ҰГ'}-${String(n).padStart(3, '0')}`;
      units.push([id, plan.district.regionId, plan.district.id, callSign, agency, kind, 'available', now, now]);
      positions.push([id, plan.district.regionId, `SRID=4326;POINT(${point.lon} ${point.lat})`, now, now]);
    });
  }
  await database.copyInto(
    'units',
    ['id', 'region_id', 'district_id', 'call_sign', 'agency', 'kind', 'status', 'status_changed_at', 'created_at'],
    units,
  );
  await database.copyInto('unit_positions', ['unit_id', 'region_id', 'location', 'recorded_at', 'received_at'], positions);
  return { units: units.length, demoOfficerLinked: await linkDemoOfficer(db) };
}
