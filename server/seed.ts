import type { Config } from './config.js';
import type { Database } from './db/connection.js';
import { firstDistrictAndBeat, listDistricts, samplePoints, seedGeo } from './modules/geo/index.js';
import { seedIncidentHistory } from './modules/incidents/index.js';
import { seedDispatch } from './modules/dispatch/index.js';
import { seedDemoIdentity, type DemoUser } from './modules/identity/index.js';
import { seedDemoCases, seedPrevention } from './modules/prevention/index.js';
import { seedDemoPreventionHistory, seedDemoRegisters } from './modules/prevention/index.js';
import { seedDemoIndicators } from './modules/analytics/index.js';
import { publishCompletedMonths, seedDemoChiefReports, seedPortalGuides } from './modules/portal/index.js';
import { seedDemoNeighbourhoodTeams } from './modules/portal/index.js';
import { seedDemoPlaces } from './modules/portal/index.js';
import { createFieldCrypto } from './secrets/field-crypto.js';
import type { Keys } from './secrets/keys.js';
import { normaliseJurisdiction } from './modules/geo/index.js';

export interface SeedReport {
  /** Demo accounts created by this run (empty when they already existed). */
  demoUsers: DemoUser[];
  /** Individual historical incidents created by this run. */
  incidents: number;
}

/**
 * Share of the national volume created as individual incidents for the last 24 months: enough
 * for live pages and maps to look like a country (tens of thousands), small enough to seed in seconds.
 */
const DEMO_INCIDENT_SCALE = 0.15;

/** Reference data every installation needs: geography (and the beats made from it), the first advice and legal guides. */
export async function seedReference(database: Database): Promise<void> {
  await seedGeo(database);
  await seedPortalGuides(database.db, new Date());
}

/** `aman seed`: reference data, then demo data where the configuration asks for it. Idempotent. */
export async function seedAll(database: Database, options: { config: Config; keys: Keys }): Promise<SeedReport> {
  await seedReference(database);
  if (!options.config.demo) return { demoUsers: [], incidents: 0 };
  const db = database.db;
  const almaty = await firstDistrictAndBeat(db, '750000000');
  const demoUsers = await seedDemoIdentity(
    {
      db,
      fieldCrypto: createFieldCrypto(options.keys.secretKey),
      clock: () => new Date(),
      normaliseJurisdiction: (j) => normaliseJurisdiction(db, j),
    },
    { almatyDistrict: almaty.districtId, almatyBeat: almaty.beatId },
  );
  const districts = (await listDistricts(db)).map((d) => ({ id: d.id, regionId: d.regionId, population: d.population }));
  const history = await seedIncidentHistory(database, {
    districts,
    samplePoints: (requests, seed) => samplePoints(db, requests, seed),
    now: new Date(),
    scale: DEMO_INCIDENT_SCALE,
  });
  // The demo publishes its months at first start: the 23 whole months of its 24 (the current one is still open).
  await publishCompletedMonths({ db, secretKey: options.keys.secretKey, clock: () => new Date() }, 23);
  await seedDispatch(database, { now: new Date() });
  await seedPrevention(db, new Date());
  await seedDemoChiefReports(db, new Date());
  await seedDemoNeighbourhoodTeams(db, new Date());
  await seedDemoPlaces({ db, secretKey: options.keys.secretKey }, new Date());
  const retentionDays = options.config.preventionRetentionDays;
  const prevention = { db, fieldCrypto: createFieldCrypto(options.keys.secretKey), clock: () => new Date(), retentionDays };
  await seedDemoCases(prevention);
  await seedDemoRegisters(prevention);
  // After the two above, which add nothing once any case or entry exists.
  await seedDemoPreventionHistory(prevention, new Date());
  // Survey and road-death observations, marked demo, for the years the demo history covers.
  const thisYear = new Date().getUTCFullYear();
  await seedDemoIndicators(db, [thisYear - 2, thisYear - 1, thisYear]);
  return { demoUsers, incidents: history.incidents };
}
