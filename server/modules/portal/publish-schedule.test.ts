import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstDistrictAndBeat } from '../geo/index.js';
import type { Database } from '../../db/connection.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { freshTestDatabase } from '../../test/database.js';
import { recordCrimes } from './portal-fixtures.js';
import { lastSettledMonth, monthsDue, publishSettledMonths } from './publish-schedule.js';
import { publishMonth } from './publish.js';
import * as store from './store.js';

describe('lastSettledMonth', () => {
  it('waits the settle days after the month ended, counted in Kazakhstan time', () => {
    // 2031-03-10 19:00 UTC is 11 March 00:00 in Kazakhstan: ten whole days of March have passed.
    expect(lastSettledMonth(new Date('2031-03-10T18:59:00Z'), 10)).toBe('2031-01');
    expect(lastSettledMonth(new Date('2031-03-10T19:00:00Z'), 10)).toBe('2031-02');
    expect(lastSettledMonth(new Date('2031-01-05T00:00:00Z'), 10)).toBe('2030-11');
    expect(lastSettledMonth(new Date('2031-01-05T00:00:00Z'), 0)).toBe('2030-12');
  });
});

describe('monthsDue', () => {
  it('is every settled month after the newest published, oldest first', () => {
    expect(monthsDue('2030-11', '2031-02')).toEqual(['2030-12', '2031-01', '2031-02']);
    expect(monthsDue('2031-02', '2031-02')).toEqual([]);
    expect(monthsDue('2031-03', '2031-02')).toEqual([]);
  });

  it('is only the last settled month when nothing was ever published', () => {
    expect(monthsDue(undefined, '2031-02')).toEqual(['2031-02']);
  });

  it('catches up on two years at most after a long outage', () => {
    const due = monthsDue('2020-01', '2031-02');
    expect(due).toHaveLength(24);
    expect(due.at(-1)).toBe('2031-02');
  });
});

describe('publishSettledMonths', () => {
  // Its own database: the worker's shared one holds months other files published, far in the future.
  let t: TestApp;
  let fresh: Database;
  beforeAll(async () => {
    t = await buildTestApp();
    fresh = await freshTestDatabase();
  });
  afterAll(async () => {
    await fresh.close();
    await t.app.close();
  });

  it('publishes the months that settled since the last publication, once, with their crimes', async () => {
    const db = fresh.db;
    const place = { regionId: '750000000', ...(await firstDistrictAndBeat(db, '750000000')) };
    await publishMonth({ db, secretKey: t.keys.secretKey, clock: () => new Date('2032-01-01') }, '2031-12');
    await recordCrimes({ ...t, database: fresh }, [
      { ...place, lon: 76.91, lat: 43.24, month: '2032-01', category: 'burglary' },
      { ...place, lon: 76.92, lat: 43.25, month: '2032-02', category: 'burglary' },
      { ...place, lon: 76.93, lat: 43.26, month: '2032-03', category: 'burglary' },
    ]);
    const on = (at: string) => ({ db, secretKey: t.keys.secretKey, clock: () => new Date(at) });

    // 5 March: February has not settled yet, January has.
    expect(await publishSettledMonths(on('2032-03-05T12:00:00Z'), 10)).toEqual(['2032-01']);
    expect(await publishSettledMonths(on('2032-03-05T13:00:00Z'), 10)).toEqual([]);
    expect(await publishSettledMonths(on('2032-03-11T12:00:00Z'), 10)).toEqual(['2032-02']);
    expect(await store.publishedMonths(db, 3)).toEqual(['2032-02', '2032-01', '2031-12']);
    const totals = await db
      .selectFrom('portal_months')
      .select(['crimes'])
      .where('month', 'in', ['2032-01-01', '2032-02-01'])
      .execute();
    expect(totals.map((r) => r.crimes)).toEqual([1, 1]);
  });
});
