import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTER_KIND_NAMES } from '../../../common/register-kinds.js';
import type { Database } from '../../db/connection.js';
import { createFieldCrypto } from '../../secrets/field-crypto.js';
import { freshTestDatabase } from '../../test/database.js';
import { listRegions } from '../geo/index.js';
import { AGENCY_MEASURES, WORK_MEASURES, agencyWorkForAnalysis } from './agency-work-read.js';
import { seedDemoPreventionHistory, type HistoryReport } from './demo-history.js';
import { REGISTER_MEASURES, REPEAT_MEASURES, registerFiguresForAnalysis } from './register-figures-read.js';
import { insertDueReminders } from './reminder-store.js';
import { seedPrevention } from './seed.js';

const ALMATY = '750000000';
const NOW = new Date('2026-06-15T08:00:00Z');
const QUIET_FROM = new Date(NOW.getTime() - 30 * 86_400_000);
// The last ended year, from Kazakhstan's midnight (UTC+5) to the next.
const YEAR_2025 = { from: new Date('2024-12-31T19:00:00Z'), to: new Date('2025-12-31T19:00:00Z') };

const TABLES_WITH_TIMES = {
  prevention_register_entries: ['created_at', 'updated_at', 'closed_at', 'anonymised_at'],
  prevention_register_contacts: ['planned_at', 'done_at'],
  prevention_register_reviews: ['decided_at'],
  dv_cases: ['created_at', 'updated_at', 'closed_at', 'anonymised_at'],
  dv_case_people: ['added_at'],
  dv_risk_assessments: ['assessed_at'],
  dv_case_timeline: ['at'],
  dv_case_closings: ['at'],
  risk_conferences: ['scheduled_at', 'created_at', 'attendance_recorded_at'],
  risk_referrals: ['referred_at'],
  risk_conference_decisions: ['decided_at'],
  safety_plan_actions: ['created_at', 'completed_at'],
  protection_orders: ['issued_at', 'expires_at'],
  protection_order_violations: ['occurred_at', 'recorded_at'],
  crisis_centre_referrals: ['referred_at', 'decided_at'],
  programme_enrolments: ['enrolled_at', 'ended_at'],
  programme_sessions: ['recorded_at'],
} as const;

describe('demo prevention history', () => {
  let database: Database;
  const fieldCrypto = createFieldCrypto(crypto.randomBytes(32));
  let report: HistoryReport;

  beforeAll(async () => {
    database = await freshTestDatabase();
    await seedPrevention(database.db, NOW);
    report = await seedDemoPreventionHistory({ db: database.db, fieldCrypto, clock: () => NOW, retentionDays: 1825 }, NOW);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('seeds a few hundred entries and cases for Almaty, scaled by population', async () => {
    const db = database.db;
    const almaty = await db
      .selectFrom('prevention_register_entries')
      .select(db.fn.countAll<number>().as('n'))
      .where('region_id', '=', ALMATY)
      .executeTakeFirstOrThrow();
    const cases = await db
      .selectFrom('dv_cases')
      .select(db.fn.countAll<number>().as('n'))
      .where('region_id', '=', ALMATY)
      .executeTakeFirstOrThrow();
    expect(Number(almaty.n)).toBeGreaterThan(200);
    expect(Number(almaty.n)).toBeLessThan(600);
    expect(Number(cases.n)).toBeGreaterThan(100);
    expect(Number(cases.n)).toBeLessThan(600);
    expect(report.entries).toBeGreaterThan(Number(almaty.n));
  });

  it('gives every register and repeat figure of the last ended year in Almaty, and each region some of each', async () => {
    const almaty = await registerFiguresForAnalysis(database.db, { ...YEAR_2025, regionId: ALMATY });
    for (const measure of REGISTER_MEASURES)
      for (const kind of REGISTER_KIND_NAMES)
        expect(
          almaty.register.find((f) => f.kind === kind && f.measure === measure)?.count ?? 0,
          `${measure} ${kind}`,
        ).toBeGreaterThan(0);
    const all = await registerFiguresForAnalysis(database.db, YEAR_2025);
    for (const region of (await listRegions(database.db)).filter((r) => r.population > 0)) {
      for (const measure of REGISTER_MEASURES)
        expect(
          all.register.some((f) => f.regionId === region.id && f.measure === measure && f.count > 0),
          `${measure} ${region.id}`,
        ).toBe(true);
      for (const measure of REPEAT_MEASURES)
        expect(
          all.repeat.find((f) => f.regionId === region.id && f.measure === measure)?.count ?? 0,
          `${measure} ${region.id}`,
        ).toBeGreaterThan(0);
    }
  });

  it('gives every figure of what each body did in the last ended year, with some actions late and some not done in the year', async () => {
    const almaty = await agencyWorkForAnalysis(database.db, { ...YEAR_2025, regionId: ALMATY });
    const total = (measure: string) => almaty.filter((r) => r.measure === measure).reduce((sum, r) => sum + r.count, 0);
    for (const measure of [...AGENCY_MEASURES, ...WORK_MEASURES]) expect(total(measure), measure).toBeGreaterThan(0);
    for (const agency of ['police', 'health', 'social-protection', 'crisis-centre'])
      expect(almaty.find((r) => r.measure === 'actions-assigned' && r.agency === agency)?.count ?? 0, agency).toBeGreaterThan(0);
    expect(total('actions-completed')).toBeLessThan(total('actions-assigned'));
    expect(total('actions-on-time')).toBeLessThan(total('actions-completed'));
    expect(total('conferences-attended')).toBeLessThan(total('conferences-invited'));
    expect(total('centre-referrals-accepted')).toBeLessThan(total('centre-referrals'));

    const all = await agencyWorkForAnalysis(database.db, YEAR_2025);
    for (const region of (await listRegions(database.db)).filter((r) => r.population > 0))
      for (const measure of WORK_MEASURES)
        expect(
          all.some((r) => r.regionId === region.id && r.measure === measure && r.count > 0),
          `${measure} ${region.id}`,
        ).toBe(true);
  });

  it('holds nobody: every personal and free-text column is empty as retention leaves it', async () => {
    const db = database.db;
    const entries = await db.selectFrom('prevention_register_entries').selectAll().execute();
    for (const e of entries) {
      expect([e.name_enc, e.iin_enc, e.iin_hash, e.address_enc, e.phone_enc, e.location_enc, e.decision_enc]).toEqual(
        Array(7).fill(null),
      );
      expect(e).toMatchObject({ status: 'closed', review_flagged_on: null });
      expect(e.anonymised_at).toEqual(e.closed_at);
    }
    const sealedEmpty = (values: (string | null)[]) => values.every((v) => v !== null && fieldCrypto.decrypt(v) === '');
    const people = await db.selectFrom('dv_case_people').selectAll().execute();
    expect(people.every((p) => p.iin_enc === null && p.iin_hash === null && p.address_enc === null && p.phone_enc === null)).toBe(
      true,
    );
    expect(sealedEmpty(people.map((p) => p.name_enc))).toBe(true);
    const cases = await db.selectFrom('dv_cases').select(['status', 'anonymised_at']).execute();
    expect(cases.every((c) => c.status === 'closed' && c.anonymised_at !== null)).toBe(true);
    expect(
      sealedEmpty((await db.selectFrom('safety_plan_actions').select('description_enc').execute()).map((r) => r.description_enc)),
    ).toBe(true);
    expect(
      sealedEmpty((await db.selectFrom('risk_conference_decisions').select('decision_enc').execute()).map((r) => r.decision_enc)),
    ).toBe(true);
    expect(sealedEmpty((await db.selectFrom('dv_case_closings').select('reason_enc').execute()).map((r) => r.reason_enc))).toBe(
      true,
    );
    const nullOnly = async (table: string, column: string) =>
      (await sql<{ n: number }>`select count(*)::int n from ${sql.table(table)} where ${sql.ref(column)} is not null`.execute(db))
        .rows[0]!.n;
    for (const [table, column] of [
      ['prevention_register_contacts', 'outcome_note_enc'],
      ['prevention_register_reviews', 'reason_enc'],
      ['dv_risk_assessments', 'rationale_enc'],
      ['dv_case_closings', 'outcome_note_enc'],
      ['protection_order_violations', 'description_enc'],
      ['crisis_centre_referrals', 'refusal_reason'],
      ['crisis_centre_referrals', 'refusal_reason_enc'],
      ['programme_sessions', 'missed_reason_enc'],
    ])
      expect(await nullOnly(table!, column!), `${table}.${column}`).toBe(0);
  });

  it('dates nothing in the 30 days before the start, and leaves no work open, due or waiting', async () => {
    for (const [table, columns] of Object.entries(TABLES_WITH_TIMES))
      for (const column of columns) {
        const latest = await sql<{ latest: Date | null }>`select max(${sql.ref(column)}) latest from ${sql.table(table)}`.execute(
          database.db,
        );
        expect(latest.rows[0]!.latest!.getTime(), `${table}.${column}`).toBeLessThan(QUIET_FROM.getTime());
      }
    const db = database.db;
    expect(await db.selectFrom('safety_plan_actions').select('id').where('completed_at', 'is', null).execute()).toEqual([]);
    expect(await db.selectFrom('risk_referrals').select('id').where('conference_id', 'is', null).execute()).toEqual([]);
    expect(await db.selectFrom('risk_conferences').select('id').where('attended', 'is', null).execute()).toEqual([]);
    expect(await db.selectFrom('crisis_centre_referrals').select('id').where('status', '=', 'pending').execute()).toEqual([]);
    expect(await db.selectFrom('programme_enrolments').select('id').where('status', '=', 'enrolled').execute()).toEqual([]);
    expect(await db.selectFrom('prevention_register_contacts').select('id').where('done_at', 'is', null).execute()).toEqual([]);
    // The reminder job finds no order ending and no action overdue.
    expect(await insertDueReminders(db, { now: NOW, day: '2026-06-15', until: new Date(NOW.getTime() + 3 * 86_400_000) })).toBe(
      0,
    );
  });

  it('adds nothing when started again', async () => {
    const count = async () =>
      Promise.all(
        (
          ['prevention_register_entries', 'dv_cases', 'safety_plan_actions', 'crisis_centres', 'programme_providers'] as const
        ).map(async (t) =>
          Number((await database.db.selectFrom(t).select(database.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
        ),
      );
    const before = await count();
    const later = new Date(NOW.getTime() + 7 * 86_400_000);
    const again = await seedDemoPreventionHistory(
      { db: database.db, fieldCrypto, clock: () => later, retentionDays: 1825 },
      later,
    );
    expect(again).toMatchObject({ entries: 0, cases: 0 });
    expect(await count()).toEqual(before);
  });
});
