import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validReport } from '../incidents/report-fixtures.js';
import { incidentPointsForAnalysis } from '../incidents/index.js';
import { buildTestApp, createStaff, type TestApp } from '../../test/app.js';
import { createLiveHotspots, type HotspotQuestion } from './hotspot-live.js';
import { countByH3, h3Hotspots, type HotspotCell } from './hotspots.js';

// Whether a question was read in full or answered from a kept surface shows in the answer itself:
// `readAt` is when the period was last read, `incremental` whether a kept surface answered. (A
// spy on the read function would miss calls here: test files share one module registry per
// worker, so a module imported before the spy keeps the real function.)
const ALMATY = '750000000';
const ASTANA = '710000000';
const CATEGORY = 'other-theft';

let t: TestApp;
let almaty: string;
let astana: string;
let supervisor: string;
beforeAll(async () => {
  t = await buildTestApp({ env: { AMAN_RATE_LIMIT_PUBLIC: '1000' } });
  almaty = (await createStaff(t, ['analyst'], { level: 'region', regionId: ALMATY })).cookie;
  astana = (await createStaff(t, ['analyst'], { level: 'region', regionId: ASTANA })).cookie;
  supervisor = (await createStaff(t, ['supervisor'], { level: 'region', regionId: ALMATY })).cookie;
});
afterAll(async () => {
  await t.app.close();
});

/** A period up to now that no other test asks about: the last hour and the rest of the day. */
function periodUpToNow() {
  const now = Date.now();
  const to = new Date(now + 86_400_000 + Math.floor(Math.random() * 1_000_000));
  return { from: new Date(now - 3_600_000).toISOString(), to: to.toISOString() };
}

interface Answer {
  incidents: number;
  studyCells: number;
  computedAt: string;
  readAt: string;
  incremental: boolean;
  cells: HotspotCell[];
}

async function ask(cookie: string, period: { from: string; to: string }, regionId?: string) {
  const area = regionId ? `&regionId=${regionId}` : '';
  return t.app.inject({
    method: 'GET',
    url: `/api/v1/analytics/hotspots?categories=${CATEGORY}&from=${period.from}&to=${period.to}&resolution=9${area}`,
    headers: { cookie },
  });
}

async function answer(cookie: string, period: { from: string; to: string }): Promise<Answer> {
  const response = await ask(cookie, period);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** Asks until the answer counts `incidents` (the live event arrives within moments), or fails. */
async function answerCounting(cookie: string, period: { from: string; to: string }, incidents: number) {
  for (let i = 0; i < 100; i++) {
    const next = await answer(cookie, period);
    if (next.incidents === incidents) return next;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the answer never counted ${incidents} incidents`);
}

async function fileReport(): Promise<string> {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: validReport() });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

/** Gi* computed afresh from every incident the question covers, as the answer lists it. */
async function recomputed(regionId: string, period: { from: string; to: string }) {
  const points = await incidentPointsForAnalysis(t.database.db, {
    regionId,
    from: new Date(period.from),
    to: new Date(period.to),
    categories: [CATEGORY],
  });
  const all = h3Hotspots(
    countByH3(
      points.map((p) => ({ lon: p.x, lat: p.y })),
      9,
    ),
    { k: 1, alpha: 0.05 },
  );
  return { incidents: points.length, studyCells: all.length, cells: byCell(all.filter((c) => c.count > 0 || c.kind !== 'none')) };
}

const byCell = (cells: HotspotCell[]) => [...cells].sort((a, b) => a.cell.localeCompare(b.cell));
const picture = (a: Answer) => ({ incidents: a.incidents, studyCells: a.studyCells, cells: byCell(a.cells) });

describe('hot spots as incidents arrive', () => {
  it('shows a new report in the next answer without reading the period again, as a full recomputation would', async () => {
    const period = periodUpToNow();
    await fileReport();
    const first = await answer(almaty, period);
    expect(first.incremental).toBe(false);
    expect(first.readAt).toBe(first.computedAt);

    await fileReport();
    const second = await answerCounting(almaty, period, first.incidents + 1);
    expect(second.incremental).toBe(true);
    expect(second.readAt, 'the period was read again').toBe(first.readAt);
    expect(second.computedAt >= first.computedAt).toBe(true);
    expect(picture(second)).toEqual(await recomputed(ALMATY, period));
  });

  it('does not count twice a report whose event is heard after the read that already counted it', async () => {
    // The first question starts the listener; the report's event then reaches a surface read after it committed.
    await answer(almaty, periodUpToNow());
    const period = periodUpToNow();
    await fileReport();
    const read = await answer(almaty, period);
    expect(read.incremental).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const later = await answer(almaty, period);
    expect(later.incremental).toBe(true);
    expect(picture(later)).toEqual(await recomputed(ALMATY, period));
  });

  it('drops a cancelled report: the next answer reads the period again', async () => {
    const period = periodUpToNow();
    const id = await fileReport();
    const before = await answer(almaty, period);
    const cancel = await t.app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${id}/status`,
      headers: { cookie: supervisor },
      payload: { status: 'cancelled', reason: 'a test report, filed twice' },
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const after = await answerCounting(almaty, period, before.incidents - 1);
    expect(after.incremental).toBe(false);
    expect(after.readAt > before.readAt, 'the period was read again').toBe(true);
    expect(picture(after)).toEqual(await recomputed(ALMATY, period));
  });

  it('never answers another region’s analyst from a surface of an area outside theirs', async () => {
    const period = periodUpToNow();
    await fileReport();
    const almatyAnswer = await answer(almaty, period);
    expect(almatyAnswer.incidents).toBeGreaterThan(0);

    const refused = await ask(astana, period, ALMATY);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('jurisdiction.outside');

    const own = await answer(astana, period);
    expect(own.incremental).toBe(false);
    expect(picture(own)).toEqual(await recomputed(ASTANA, period));
    // A report in Almaty reaches Almaty's surface and not Astana's.
    await fileReport();
    await answerCounting(almaty, period, almatyAnswer.incidents + 1);
    expect(picture(await answer(astana, period))).toEqual(await recomputed(ASTANA, period));
  });

  it('reads a period that has ended in full at every question, as before', async () => {
    const period = { from: new Date(Date.now() - 7_200_000).toISOString(), to: new Date(Date.now() - 3_600_000).toISOString() };
    const first = await answer(almaty, period);
    const second = await answer(almaty, period);
    expect([first.incremental, second.incremental]).toEqual([false, false]);
    // Each answer read the period when it was computed.
    expect([first.readAt, second.readAt]).toEqual([first.computedAt, second.computedAt]);
  });

  it('keeps a surface while its period runs, reads it again once the period has ended, and keeps at most its capacity', async () => {
    const live = createLiveHotspots(t.database, { capacity: 2 });
    const now = new Date();
    const question = (hours: number): HotspotQuestion => ({
      area: { regionId: ALMATY },
      from: new Date(now.getTime() - 3_600_000),
      to: new Date(now.getTime() + hours * 3_600_000),
      categories: [CATEGORY],
      resolution: 9,
      k: 1,
      alpha: 0.05,
    });
    const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
    try {
      expect(await live.answer(question(1), now, 1000)).toMatchObject({ incremental: false, readAt: now });
      expect(await live.answer(question(1), later(30), 1000)).toMatchObject({ incremental: true, readAt: now });
      // An hour on, the period has ended.
      expect(await live.answer(question(1), later(61), 1000)).toMatchObject({ incremental: false, readAt: later(61) });
      // Two other questions push out the least recently asked.
      await live.answer(question(2), now, 1000);
      await live.answer(question(3), now, 1000);
      expect((await live.answer(question(2), now, 1000)).incremental).toBe(true);
      expect((await live.answer(question(1), now, 1000)).incremental).toBe(false);
    } finally {
      await live.close();
    }
  });

  it('keeps no more study cells than its budget, dropping the least recently asked surface first', async () => {
    await fileReport();
    const live = createLiveHotspots(t.database, { cellBudget: 1 });
    const now = new Date();
    const question = (hours: number): HotspotQuestion => ({
      area: { regionId: ALMATY },
      from: new Date(now.getTime() - 3_600_000),
      to: new Date(now.getTime() + hours * 3_600_000),
      categories: [CATEGORY],
      resolution: 9,
      k: 1,
      alpha: 0.05,
    });
    try {
      // The report just filed gives each surface a cell and its ring: more than the budget.
      await live.answer(question(2), now, 1000);
      expect((await live.answer(question(2), now, 1000)).incremental, 'the one surface asked is kept').toBe(true);
      await live.answer(question(3), now, 1000);
      expect((await live.answer(question(2), now, 1000)).incremental).toBe(false);
    } finally {
      await live.close();
    }
  });
});
