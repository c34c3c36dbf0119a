import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { freshTestDatabase } from '../../test/database.js';
import { ALMATY, ASTANA, caseIn, conferenceIn, LEGAL_BASIS, send } from '../../test/prevention-fixtures.js';
import { daysFromToday, entryIn } from '../../test/register-fixtures.js';
import { expireRegisters, registerFiguresForAnalysis, type RegisterFigure, type RepeatFigure } from './index.js';

const DAY = 86_400_000;

let database: Database;
let t: TestApp;
let start: Date;

/** The instant a day `days` from today begins in Almaty and Astana (UTC+5 since March 2024). */
const midnight = (days: number) => new Date(`${daysFromToday(days)}T00:00:00+05:00`);

/** An entry from `start` to `end` days from today, its review in between. */
const term = (start: number, review: number, end: number) => ({
  startDate: daysFromToday(start),
  reviewDate: daysFromToday(review),
  endDate: daysFromToday(end),
});

/** A police order on the case, issued yesterday, and a breach of it a second from now. */
async function breach(t: TestApp, made: { id: string; officer: Parameters<typeof send>[1] }) {
  const order = await send(t, made.officer, {
    method: 'POST',
    url: `/api/v1/prevention/cases/${made.id}/orders`,
    payload: {
      kind: 'police-protection',
      conditions: ['no-contact'],
      legalBasis: LEGAL_BASIS,
      issuedAt: new Date(Date.now() - DAY).toISOString(),
    },
  });
  return send(t, made.officer, {
    method: 'POST',
    url: `/api/v1/prevention/orders/${order.id as string}/violations`,
    payload: { occurredAt: new Date(Date.now() + 1000).toISOString(), legalBasis: LEGAL_BASIS },
  });
}

beforeAll(async () => {
  database = await freshTestDatabase();
  t = await buildTestApp({ database });
  start = new Date(Date.now() - 60_000);

  await entryIn(t, ALMATY, undefined, term(-100, -20, 100));
  await entryIn(t, ALMATY, undefined, term(-10, 30, 190));
  const reviewed = await entryIn(t, ALMATY, undefined, term(-5, 30, 100));
  await send(t, reviewed.officer, {
    method: 'POST',
    url: `/api/v1/prevention/register/entries/${reviewed.id}/review`,
    payload: { decision: 'close', reason: 'The basis no longer applies' },
  });
  await entryIn(t, ALMATY, undefined, term(-60, -30, -20));
  await entryIn(t, ALMATY, undefined, term(-50, -30, -1));
  await entryIn(t, ASTANA, undefined, { kind: 'family-in-difficulty', ...term(-10, 30, 190) });
  // The hourly job closes the two whose end day has passed, hours or days after their term ran out.
  await expireRegisters(database.db, new Date());

  // Heard at a conference, then a breach sends it back within 12 months: a repeat.
  const heard = await conferenceIn(t, ALMATY);
  const repeated = await breach(t, heard);
  expect(repeated.referral).toMatchObject({ isRepeat: true });
  // A breach on a case never referred sends it nowhere; a first referral is no repeat.
  await breach(t, await caseIn(t, ASTANA));
  await conferenceIn(t, ASTANA);
}, 120_000);
afterAll(async () => {
  await t.app.close();
  await database.close();
});

const registered = (rows: RegisterFigure[], measure: string, kind: string, regionId: string) =>
  rows.find((r) => r.measure === measure && r.kind === kind && r.regionId === regionId)?.count ?? 0;
const repeated = (rows: RepeatFigure[], measure: string, regionId: string) =>
  rows.find((r) => r.measure === measure && r.regionId === regionId)?.count ?? 0;

describe('registerFiguresForAnalysis', () => {
  it('counts entries opened by their start day, and those in force when the span ends', async () => {
    const { register } = await registerFiguresForAnalysis(database.db, { from: midnight(-30), to: midnight(1) });
    // Started 10 and 5 days ago; not the ones started 100, 60 and 50 days ago.
    expect(registered(register, 'entries-opened', 'released-prisoner', ALMATY)).toBe(2);
    // In force tomorrow: not the one closed on review today, nor the two whose end day has passed.
    expect(registered(register, 'entries-active', 'released-prisoner', ALMATY)).toBe(2);
    expect(registered(register, 'entries-opened', 'family-in-difficulty', ASTANA)).toBe(1);
    expect(registered(register, 'entries-active', 'family-in-difficulty', ASTANA)).toBe(1);
    for (const row of register) {
      expect(row.count).toBeGreaterThan(0);
      expect(Object.keys(row).sort()).toEqual(['count', 'kind', 'measure', 'regionId']);
    }
  });

  it('counts an entry closed after the span, or whose last day is the span’s last, as in force', async () => {
    const { register, repeat } = await registerFiguresForAnalysis(database.db, {
      from: midnight(-30),
      to: midnight(0),
      regionId: ALMATY,
    });
    expect(new Set(register.map((r) => r.regionId))).toEqual(new Set([ALMATY]));
    expect(registered(register, 'entries-opened', 'released-prisoner', ALMATY)).toBe(2);
    // Started 100, 10 and 5 days ago, and the one ending yesterday; not the one that ended 20 days ago.
    expect(registered(register, 'entries-active', 'released-prisoner', ALMATY)).toBe(4);
    expect(repeat).toEqual([]);
  });

  it('counts an entry ended since by its end day, closed or not', async () => {
    const { register } = await registerFiguresForAnalysis(database.db, { from: midnight(-70), to: midnight(-30) });
    expect(registered(register, 'entries-opened', 'released-prisoner', ALMATY)).toBe(2);
    expect(registered(register, 'entries-active', 'released-prisoner', ALMATY)).toBe(3);
    expect(registered(register, 'entries-active', 'family-in-difficulty', ASTANA)).toBe(0);
  });

  it('counts repeat referrals and breaches made in the span, per region', async () => {
    const to = new Date(Date.now() + 60_000);
    const { repeat } = await registerFiguresForAnalysis(database.db, { from: start, to });
    expect(repeated(repeat, 'repeat-referrals', ALMATY)).toBe(1);
    expect(repeated(repeat, 'repeat-referrals', ASTANA)).toBe(0);
    expect(repeated(repeat, 'order-breaches', ALMATY)).toBe(1);
    expect(repeated(repeat, 'order-breaches', ASTANA)).toBe(1);
    for (const row of repeat) expect(Object.keys(row).sort()).toEqual(['count', 'measure', 'regionId']);

    const astana = await registerFiguresForAnalysis(database.db, { from: start, to, regionId: ASTANA });
    expect(astana.repeat).toEqual([{ regionId: ASTANA, measure: 'order-breaches', count: 1 }]);
    const before = await registerFiguresForAnalysis(database.db, { from: new Date(start.getTime() - DAY), to: start });
    expect(before.repeat).toEqual([]);
  });
});
