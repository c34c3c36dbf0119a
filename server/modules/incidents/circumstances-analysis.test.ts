import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentCircumstances } from '../../../common/incident-circumstances.js';
import type { Database } from '../../db/connection.js';
import { insertCountedIncident } from '../../test/analytics-fixtures.js';
import { freshTestDatabase } from '../../test/database.js';
import { incidentCircumstancesForAnalysis, incidentCountsForAnalysis, incidentHoursForAnalysis } from './analysis-read.js';

// Its own database: the counts are exact.
let database: Database;
const ALMATY = '750000000';
const ASTANA = '710000000';
const MARCH = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };

function incident(
  regionId: string,
  category: string,
  circumstances: Partial<IncidentCircumstances>,
  fields: { status?: string; occurredAt?: string } = {},
): Promise<void> {
  const columns = {
    victim_sex: circumstances.victimSex ?? null,
    victim_age_band: circumstances.victimAgeBand ?? null,
    offender_age_band: circumstances.offenderAgeBand ?? null,
    offender_intoxication: circumstances.offenderIntoxication ?? null,
    place_type: circumstances.placeType ?? null,
  };
  return insertCountedIncident(database.db, regionId, category, { ...fields, columns });
}

beforeAll(async () => {
  database = await freshTestDatabase();
  const woman = { victimSex: 'female', victimAgeBand: '18-64' } as const;
  await incident(ALMATY, 'domestic-violence', { ...woman, offenderIntoxication: 'alcohol', placeType: 'home' });
  await incident(ALMATY, 'domestic-violence', { ...woman, placeType: 'home' });
  await incident(ALMATY, 'domestic-violence', { victimSex: 'male', victimAgeBand: 'under-14' });
  await incident(ALMATY, 'domestic-violence', {}); // not recorded: coverage, never a value
  await incident(ASTANA, 'robbery', { offenderAgeBand: '14-17', placeType: 'street' });
  // Left out as the category counts leave them out: cancelled, merged, outside the period, another category.
  await incident(ALMATY, 'domestic-violence', woman, { status: 'cancelled' });
  await incident(ALMATY, 'domestic-violence', woman, { status: 'merged' });
  await incident(ALMATY, 'domestic-violence', woman, { occurredAt: '2025-04-01T00:00:00Z' });
  await incident(ALMATY, 'domestic-violence', woman, { occurredAt: '2025-02-28T23:59:59Z' });
  await incident(ALMATY, 'shoplifting', { placeType: 'shop-or-mall' });
  // One offence on record and one report nobody has assessed yet.
  await incident(ASTANA, 'burglary', { placeType: 'home' }, { status: 'triaged' });
  await incident(ASTANA, 'burglary', { placeType: 'home' }, { status: 'new' });
});
afterAll(async () => {
  await database.close();
});

const sorted = <T extends { regionId: string; category: string; field: string; value: string }>(rows: T[]) =>
  [...rows].sort((a, b) =>
    `${a.regionId} ${a.category} ${a.field} ${a.value}`.localeCompare(`${b.regionId} ${b.category} ${b.field} ${b.value}`),
  );

describe('incidentCircumstancesForAnalysis', () => {
  it('counts each recorded value per region, category and field, with the category counts’ exclusions', async () => {
    const rows = await incidentCircumstancesForAnalysis(database.db, {
      ...MARCH,
      categories: ['domestic-violence', 'robbery'],
    });
    const dv = (field: string, value: string, count: number) => ({
      regionId: ALMATY,
      category: 'domestic-violence',
      field,
      value,
      count,
    });
    expect(sorted(rows)).toEqual(
      sorted([
        dv('victimSex', 'female', 2),
        dv('victimSex', 'male', 1),
        dv('victimAgeBand', '18-64', 2),
        dv('victimAgeBand', 'under-14', 1),
        dv('offenderIntoxication', 'alcohol', 1),
        dv('placeType', 'home', 2),
        { regionId: ASTANA, category: 'robbery', field: 'offenderAgeBand', value: '14-17', count: 1 },
        { regionId: ASTANA, category: 'robbery', field: 'placeType', value: 'street', count: 1 },
      ]),
    );
  });

  it('keeps to the area asked for, and reads nothing for no categories', async () => {
    const rows = await incidentCircumstancesForAnalysis(database.db, {
      ...MARCH,
      regionId: ASTANA,
      categories: ['domestic-violence', 'robbery'],
    });
    expect(rows.map((r) => r.regionId)).toEqual([ASTANA, ASTANA]);
    expect(await incidentCircumstancesForAnalysis(database.db, { ...MARCH, categories: [] })).toEqual([]);
  });
});

describe('recorded counts', () => {
  it('leave out reports still new, which the counts of incoming demand keep', async () => {
    const demand = { ...MARCH, categories: ['burglary'] };
    const recorded = { ...demand, recorded: true };
    const total = (rows: { count: number }[]) => rows.reduce((sum, r) => sum + r.count, 0);
    expect(await incidentCountsForAnalysis(database.db, demand)).toEqual([{ regionId: ASTANA, category: 'burglary', count: 2 }]);
    expect(await incidentCountsForAnalysis(database.db, recorded)).toEqual([
      { regionId: ASTANA, category: 'burglary', count: 1 },
    ]);
    expect(total(await incidentHoursForAnalysis(database.db, demand))).toBe(2);
    expect(total(await incidentHoursForAnalysis(database.db, recorded))).toBe(1);
    expect(total(await incidentCircumstancesForAnalysis(database.db, demand))).toBe(2);
    expect(total(await incidentCircumstancesForAnalysis(database.db, recorded))).toBe(1);
  });
});
