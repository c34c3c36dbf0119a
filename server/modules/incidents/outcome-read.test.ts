import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvestigationOutcome } from '../../../common/investigation-outcomes.js';
import type { Database } from '../../db/connection.js';
import { insertCountedIncident } from '../../test/analytics-fixtures.js';
import { freshTestDatabase } from '../../test/database.js';
import { incidentOutcomesForAnalysis } from './outcome-read.js';

// Its own database: the counts are exact.
let database: Database;
const ALMATY = '750000000';
const ASTANA = '710000000';
const MARCH = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };
// 31 May in Kazakhstan from 19:00 UTC on 30 May: the day is counted where the decision is taken.
const END_OF_MAY = new Date('2025-05-30T19:30:00Z');

function incident(
  regionId: string,
  category: string,
  outcome: [InvestigationOutcome, string] | null,
  fields: { status?: string; occurredAt?: string } = {},
): Promise<void> {
  const columns = { investigation_outcome: outcome?.[0] ?? null, outcome_decided_on: outcome?.[1] ?? null };
  return insertCountedIncident(database.db, regionId, category, { ...fields, columns });
}

beforeAll(async () => {
  database = await freshTestDatabase();
  await incident(ALMATY, 'burglary', ['sent-to-court', '2025-04-20']);
  await incident(ALMATY, 'domestic-violence', ['ended-offender-identified', '2025-05-31']);
  await incident(ALMATY, 'domestic-violence', ['sent-to-court', '2025-06-01']); // decided after the day asked about
  await incident(ALMATY, 'fraud', ['suspended-no-suspect', '2025-05-01']);
  await incident(ALMATY, 'violent-crime', ['no-offence', '2025-03-20']);
  await incident(ALMATY, 'robbery', null, { status: 'triaged' });
  await incident(ASTANA, 'robbery', ['sent-to-court', '2025-03-11']);
  await incident(ASTANA, 'internet-fraud', null, { status: 'resolved' });
  // Not on record, outside the period or no crime: left out.
  await incident(ALMATY, 'burglary', null, { status: 'new' });
  await incident(ALMATY, 'burglary', null, { status: 'cancelled' });
  await incident(ALMATY, 'burglary', null, { status: 'merged' });
  await incident(ALMATY, 'burglary', ['sent-to-court', '2025-04-20'], { occurredAt: '2025-04-01T00:00:00Z' });
  await incident(ALMATY, 'burglary', ['sent-to-court', '2025-04-20'], { occurredAt: '2025-02-28T23:59:59Z' });
  await incident(ALMATY, 'noise', null);
  await incident(ALMATY, 'road-accident', null);
});
afterAll(async () => {
  await database.close();
});

describe('incidentOutcomesForAnalysis', () => {
  it('counts each region’s recorded crimes by the outcome decided by the day asked about', async () => {
    expect(await incidentOutcomesForAnalysis(database.db, { ...MARCH, asOf: END_OF_MAY })).toEqual([
      { regionId: ASTANA, recorded: 2, cleared: 1, suspended: 0, noOffence: 0, undecided: 1 },
      { regionId: ALMATY, recorded: 6, cleared: 2, suspended: 1, noOffence: 1, undecided: 2 },
    ]);
  });

  it('counts a decision from its day on, and one region when asked', async () => {
    const region = { ...MARCH, regionId: ALMATY };
    expect(await incidentOutcomesForAnalysis(database.db, { ...region, asOf: new Date('2025-03-19T12:00:00Z') })).toEqual([
      { regionId: ALMATY, recorded: 6, cleared: 0, suspended: 0, noOffence: 0, undecided: 6 },
    ]);
    expect(await incidentOutcomesForAnalysis(database.db, { ...region, asOf: new Date('2025-06-01T00:00:00Z') })).toEqual([
      { regionId: ALMATY, recorded: 6, cleared: 3, suspended: 1, noOffence: 1, undecided: 1 },
    ]);
  });

  it('answers nothing for a period without crimes', async () => {
    const january = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-02-01T00:00:00Z') };
    expect(await incidentOutcomesForAnalysis(database.db, { ...january, asOf: END_OF_MAY })).toEqual([]);
  });
});
