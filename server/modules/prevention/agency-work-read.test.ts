import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection.js';
import { buildTestApp, createStaff, type TestApp } from '../../test/app.js';
import { freshTestDatabase } from '../../test/database.js';
import { actionIn, ALMATY, ASTANA, send, staffIn } from '../../test/prevention-fixtures.js';
import { agencyWorkForAnalysis, type AgencyWorkCount } from './index.js';

let database: Database;
let t: TestApp;
let start: Date;
let beforeCompletion: Date;

beforeAll(async () => {
  database = await freshTestDatabase();
  t = await buildTestApp({ database });
  start = new Date(Date.now() - 60_000);
  const almaty = await actionIn(t, ALMATY, 'health');
  await actionIn(t, ASTANA, 'health');
  await actionIn(t, ASTANA, 'police');
  beforeCompletion = new Date();
  await new Promise((resolve) => setTimeout(resolve, 5));
  const admin = await createStaff(t, ['admin'], { level: 'country' });
  const partner = await staffIn(t, ALMATY, ['partner']);
  await send(t, admin, {
    method: 'PUT',
    url: `/api/v1/prevention/partner-agencies/${partner.id}`,
    payload: { agency: 'health' },
  });
  await send(t, partner, { method: 'POST', url: `/api/v1/prevention/partner/actions/${almaty.actionId}/complete` });
}, 120_000);
afterAll(async () => {
  await t.app.close();
  await database.close();
});

const count = (rows: AgencyWorkCount[], measure: string, agency: string | null, regionId: string) =>
  rows.find((r) => r.measure === measure && r.agency === agency && r.regionId === regionId)?.count ?? 0;

describe('agencyWorkForAnalysis', () => {
  it('counts per region and agency, and only the region asked for', async () => {
    const to = new Date(Date.now() + 60_000);
    const all = await agencyWorkForAnalysis(database.db, { from: start, to });
    expect(count(all, 'actions-assigned', 'health', ALMATY)).toBe(1);
    expect(count(all, 'actions-assigned', 'health', ASTANA)).toBe(1);
    expect(count(all, 'actions-assigned', 'police', ASTANA)).toBe(1);
    expect(count(all, 'actions-completed', 'health', ALMATY)).toBe(1);
    expect(count(all, 'actions-on-time', 'health', ALMATY)).toBe(1);
    const almaty = await agencyWorkForAnalysis(database.db, { from: start, to, regionId: ALMATY });
    expect(new Set(almaty.map((r) => r.regionId))).toEqual(new Set([ALMATY]));
    // Only counts leave the module: no ids, names or texts.
    for (const row of all) expect(Object.keys(row).sort()).toEqual(['agency', 'count', 'measure', 'regionId']);
  });

  it('counts an action completed after the span as assigned only, and nothing outside the span', async () => {
    const early = await agencyWorkForAnalysis(database.db, { from: start, to: beforeCompletion, regionId: ALMATY });
    expect(count(early, 'actions-assigned', 'health', ALMATY)).toBe(1);
    expect(count(early, 'actions-completed', 'health', ALMATY)).toBe(0);
    const before = await agencyWorkForAnalysis(database.db, { from: new Date(start.getTime() - 86_400_000), to: start });
    expect(before).toEqual([]);
  });
});
