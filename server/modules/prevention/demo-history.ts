import crypto from 'node:crypto';
import { sql, type Insertable, type Kysely } from 'kysely';
import {
  REGISTER_KINDS,
  type RegisterAgency,
  type RegisterContactKind,
  type RegisterKind,
} from '../../../common/register-kinds.js';
import { DV_RISK_INSTRUMENT, instrumentVersion, scoreGrade, type RiskGrade } from '../../../common/risk-instruments.js';
import { seededRandom, type Random } from '../../../common/seeded-random.js';
import type { Tables } from '../../db/tables.js';
import { listDistricts, listRegions, samplePoints, type Region, type SampledPoint } from '../geo/index.js';
import type { CaseCloseOutcome } from './case-closing-schema.js';
import { insertCentre } from './crisis-centre-store.js';
import type { PreventionDeps } from './deps.js';
import { insertProvider } from './programme-store.js';
import type { Agency } from './schema.js';

/**
 * Two years of prevention work before the demo's first start, for every region, so the National
 * Report's register and agency figures of an ended year have something to count. Every record is
 * written as the retention job leaves it: cases closed and anonymised (people's names the sealed
 * empty string, no IIN, address, phone or free text, the home snapped to the kilometre grid),
 * register entries ended and emptied. Kinds, days, areas, grades and flags stay, as they do for
 * statistics. Nothing is open, pending, due or waiting, and nothing falls in the last
 * QUIET_DAYS, so no work list, reminder, agenda or caution flag picks any of it up.
 */

const SEED = 20_240_601;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const HISTORY_DAYS = 730;
const QUIET_DAYS = 30;
/**
 * Yearly rates per 100,000 people (a few hundred entries and cases for Almaty over two years),
 * and a floor, so a small region still has a repeat referral or a programme in a year.
 */
const ENTRIES_PER_100K = 8;
const CASES_PER_100K = 6;
const LEAST_PER_YEAR = 50;
/**
 * Homes sampled per record: a sampled point (with its beat lookup) is the slowest part, and an
 * ended entry keeps only its district and beat, a case only its kilometre square.
 */
const RECORDS_PER_HOME = 4;
/** Kazakhstan keeps one time (UTC+5): a local hour is the UTC hour plus five. */
const UTC_OFFSET_HOURS = 5;
/**
 * Who did the work: staff of the past whose accounts the demo does not have, so no demo user is
 * responsible for these records and readers show no name. A beat's inspector sees the beat's
 * closed cases and entries, as with any record retention has emptied.
 */
const FORMER_STAFF = '00000000-0000-4000-8000-00000000a11d';

type Db = Kysely<Tables>;
/** A row to insert as JSON: the table's columns, points as EWKT, jsonb as values; numbers are drawn at insert. */
type Row<T extends keyof Tables & string> = Partial<Record<keyof Insertable<Tables[T]> & string, unknown>>;

const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const chance = (random: Random, p: number) => random() < p;

function pick<T extends string>(random: Random, weights: Partial<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  let left = random() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of entries) if ((left -= weight) < 0) return value;
  return entries[entries.length - 1]![0];
}

/** Days are counted from the epoch; a day's local hour `h` is the instant below. */
const dayOf = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
const at = (day: number, localHour: number) => new Date(day * DAY + (localHour - UTC_OFFSET_HOURS) * HOUR);
/** The hourly expiry closes an entry within the hour after its region's midnight. */
const afterMidnight = (day: number, random: Random) =>
  new Date(day * DAY - UTC_OFFSET_HOURS * HOUR + between(random, 1, 59) * 60_000);

interface Span {
  firstDay: number;
  lastDay: number;
}

interface Plan {
  region: Region;
  random: Random;
  points: SampledPoint[];
  entries: number;
  cases: number;
  centreId: string;
  providerId: string;
  /** The sealed empty string retention leaves in sealed columns that may not be empty. */
  blank: string;
}

/** Rows to insert, in an order the foreign keys accept. */
interface Rows {
  entries: Row<'prevention_register_entries'>[];
  contacts: Row<'prevention_register_contacts'>[];
  reviews: Row<'prevention_register_reviews'>[];
  cases: Row<'dv_cases'>[];
  people: Row<'dv_case_people'>[];
  assessments: Row<'dv_risk_assessments'>[];
  timeline: Row<'dv_case_timeline'>[];
  closings: Row<'dv_case_closings'>[];
  conferences: Map<string, Row<'risk_conferences'> & { id: string }>;
  referrals: Row<'risk_referrals'>[];
  decisions: Row<'risk_conference_decisions'>[];
  actions: Row<'safety_plan_actions'>[];
  orders: Row<'protection_orders'>[];
  violations: Row<'protection_order_violations'>[];
  centreReferrals: Row<'crisis_centre_referrals'>[];
  enrolments: Row<'programme_enrolments'>[];
  sessions: Row<'programme_sessions'>[];
}

export interface HistoryReport {
  entries: number;
  cases: number;
  millis: number;
}

/**
 * Seeds the history once. The marker is an anonymised case: a demo has none until then (its own
 * cases are open, and retention reaches a case only a retention period after its close), and the
 * history is written in one transaction, so a start that sees one knows the whole history is there.
 */
export async function seedDemoPreventionHistory(deps: PreventionDeps, now: Date): Promise<HistoryReport> {
  const started = Date.now();
  const done = await deps.db
    .selectFrom('dv_cases')
    .select('id')
    .where('anonymised_at', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  if (done) return { entries: 0, cases: 0, millis: Date.now() - started };
  const lastDay = Math.floor(now.getTime() / DAY) - QUIET_DAYS - 1;
  const span: Span = { firstDay: lastDay - HISTORY_DAYS, lastDay };
  const blank = deps.fieldCrypto.encrypt('');
  const rows = await deps.db.transaction().execute(async (trx) => {
    const plans = await planRegions(trx, now, blank);
    const rows = emptyRows();
    for (const plan of plans) {
      for (const point of plan.points.slice(0, plan.entries)) addEntry(rows, plan, point, span);
      for (const point of plan.points.slice(plan.entries, plan.entries + plan.cases)) addCase(rows, plan, point, span);
    }
    await insertRows(trx, rows);
    return rows;
  });
  return { entries: rows.entries.length, cases: rows.cases.length, millis: Date.now() - started };
}

/** Each region's homes (sampled in its districts by population), its crisis centre and programme provider. */
async function planRegions(db: Db, now: Date, blank: string): Promise<Plan[]> {
  const regions = (await listRegions(db)).filter((r) => r.population > 0);
  const districts = await listDistricts(db);
  const volumes = new Map(regions.map((r) => [r.id, volume(r)]));
  const populations = new Map<string, number>();
  for (const d of districts) populations.set(d.regionId, (populations.get(d.regionId) ?? 0) + d.population);
  const requests = districts.map((d) => {
    const v = volumes.get(d.regionId);
    const share = d.population / Math.max(1, populations.get(d.regionId) ?? 0);
    return { districtId: d.id, count: v ? Math.ceil((share * (v.entries + v.cases)) / RECORDS_PER_HOME) : 0 };
  });
  const sampled = await samplePoints(db, requests, SEED);
  const plans: Plan[] = [];
  for (const region of regions) {
    const random = seededRandom(SEED + Number(region.id.slice(0, 2)));
    const homes = sampled.filter((p) => p.regionId === region.id);
    // Shuffled, so a region's entries and cases both spread over all its districts.
    for (let i = homes.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [homes[i], homes[j]] = [homes[j]!, homes[i]!];
    }
    if (homes.length === 0) continue;
    const { entries, cases } = volumes.get(region.id)!;
    const points = Array.from({ length: entries + cases }, (_, i) => homes[i % homes.length]!);
    plans.push({ region, random, points, blank, entries, cases, ...(await regionServices(db, region, now)) });
  }
  return plans;
}

function volume(region: Region): { entries: number; cases: number } {
  const years = HISTORY_DAYS / 365;
  const perYear = (rate: number) => Math.max(LEAST_PER_YEAR, Math.round((region.population / 100_000) * rate));
  return { entries: Math.round(perYear(ENTRIES_PER_100K) * years), cases: Math.round(perYear(CASES_PER_100K) * years) };
}

/** The region's first centre and provider, or a demo one where it has none (the women were sent somewhere). */
async function regionServices(db: Db, region: Region, now: Date): Promise<{ centreId: string; providerId: string }> {
  const centre =
    (await db
      .selectFrom('crisis_centres')
      .select('id')
      .where('region_id', '=', region.id)
      .orderBy('created_at')
      .executeTakeFirst()) ??
    (await insertCentre(
      db,
      {
        regionId: region.id,
        name: `${region.names.kk}: дағдарыс орталығы (Демо)`,
        kind: 'crisis-centre',
        bedsTotal: 12,
        acceptsChildren: true,
      },
      now,
    ));
  const provider =
    (await db
      .selectFrom('programme_providers')
      .select('id')
      .where('region_id', '=', region.id)
      .orderBy('created_at')
      .executeTakeFirst()) ??
    (await insertProvider(
      db,
      { regionId: region.id, name: `${region.names.kk}: психологиялық түзету бағдарламасы (Демо)`, kind: 'psycho-correction' },
      FORMER_STAFF,
      now,
    ));
  return { centreId: centre.id, providerId: provider.id };
}

function emptyRows(): Rows {
  return {
    entries: [],
    contacts: [],
    reviews: [],
    cases: [],
    people: [],
    assessments: [],
    timeline: [],
    closings: [],
    conferences: new Map(),
    referrals: [],
    decisions: [],
    actions: [],
    orders: [],
    violations: [],
    centreReferrals: [],
    enrolments: [],
    sessions: [],
  };
}

const ENTRY_KINDS: Partial<Record<RegisterKind, number>> = {
  'released-prisoner': 25,
  'administrative-supervision': 10,
  'repeat-administrative-offender': 15,
  'alcohol-treatment': 20,
  juvenile: 18,
  'family-in-difficulty': 12,
};
const CONTACT_KINDS: Partial<Record<RegisterContactKind, number>> = {
  'home-visit': 55,
  call: 25,
  summons: 10,
  'partner-meeting': 10,
};
const OUTCOMES = { met: 70, 'not-at-home': 15, refused: 4, 'violation-found': 8, 'moved-away': 3 };
const POLICE_ORDER_BASIS =
  'Law of the Republic of Kazakhstan of 4 December 2009 No. 214-IV "On the prevention of domestic violence", art. 20';
const COURT_ORDER_BASIS = 'Code of Administrative Offences, art. 54';
const BREACH_BASIS = 'Code of Administrative Offences, art. 461';

/** A register entry that ran its term (or was closed on review) and was emptied when it ended. */
function addEntry(rows: Rows, plan: Plan, home: SampledPoint, span: Span): void {
  const { random, region } = plan;
  const kind = pick(random, ENTRY_KINDS);
  const start = between(random, span.firstDay, span.lastDay - 30);
  const term = REGISTER_KINDS[kind];
  const end = start + between(random, 150, Math.min(term.maxMonths * 30, 540));
  const review = Math.min(start + term.reviewMonths * 30, end);
  // Closed on review by choice, or because its term would still be running: such an entry keeps
  // the end day it was given, which may be after the history.
  const onReview = end > span.lastDay || chance(random, 0.2);
  const reviewedOn =
    review <= span.lastDay
      ? Math.min(review + between(random, 0, 10), span.lastDay, end)
      : between(random, start + 30, span.lastDay);
  const closedAt = onReview ? at(reviewedOn, 15) : afterMidnight(end + 1, random);
  const id = crypto.randomUUID();
  const partner: RegisterAgency | null =
    kind === 'juvenile' && chance(random, 0.3)
      ? 'education'
      : kind === 'family-in-difficulty' && chance(random, 0.4)
        ? 'social-protection'
        : null;
  const createdAt = at(start + between(random, 0, 3), 11);
  rows.entries.push({
    id,
    kind,
    legal_basis: term.law,
    region_id: region.id,
    district_id: home.districtId,
    beat_id: home.beatId,
    status: 'closed',
    start_date: dayOf(start),
    review_date: dayOf(review),
    end_date: dayOf(end),
    responsible_officer_id: FORMER_STAFF,
    partner_agency: partner,
    closed_at: closedAt,
    close_reason: onReview ? 'review' : 'expired',
    anonymised_at: closedAt,
    created_by: FORMER_STAFF,
    created_at: createdAt,
    updated_at: closedAt,
  });
  if (onReview)
    rows.reviews.push({
      entry_id: id,
      region_id: region.id,
      decision: 'close',
      previous_end_date: dayOf(end),
      end_date: dayOf(end),
      decided_by: FORMER_STAFF,
      decided_at: closedAt,
    });
  const lastContact = Math.floor((closedAt.getTime() - DAY) / DAY);
  for (let due = start + between(random, 5, 20); due < lastContact; due += between(random, 75, 130)) {
    const kindOfContact = pick(random, CONTACT_KINDS);
    rows.contacts.push({
      entry_id: id,
      region_id: region.id,
      kind: kindOfContact === 'partner-meeting' && !partner ? 'home-visit' : kindOfContact,
      due_date: dayOf(due),
      planned_by: FORMER_STAFF,
      planned_at: new Date(Math.max(createdAt.getTime(), at(due - between(random, 3, 14), 12).getTime())),
      outcome: pick(random, OUTCOMES),
      done_at: at(due, between(random, 10, 18)),
      recorded_by: FORMER_STAFF,
    });
  }
}

const GRADES: Record<RiskGrade, number> = { standard: 35, medium: 37, high: 28 };
const CLOSE_OUTCOMES: Partial<Record<CaseCloseOutcome, number>> = {
  'risk-reduced': 50,
  'no-further-contact': 20,
  'victim-moved': 15,
  'aggressor-convicted': 15,
};
const PARTNERS: Agency[] = ['prosecutor', 'health', 'education', 'social-protection', 'crisis-centre', 'ngo'];

interface CaseStub {
  id: string;
  regionId: string;
  districtId: string;
  beatId: string;
  opened: Date;
  closed: Date;
  grade: RiskGrade;
  /** Snapped to the kilometre grid, as retention leaves a case's place. */
  location: string;
  aggressorId: string;
}

/** A case closed and anonymised, with what was done in it: orders, breaches, referrals, actions, shelter, programme. */
function addCase(rows: Rows, plan: Plan, home: SampledPoint, span: Span): void {
  const { random } = plan;
  const openedDay = between(random, span.firstDay, span.lastDay - 60);
  const closedDay = Math.min(openedDay + between(random, 75, 300), span.lastDay);
  const [lon, lat] = [Math.round(home.lon * 100) / 100, Math.round(home.lat * 100) / 100];
  const stub: CaseStub = {
    id: crypto.randomUUID(),
    regionId: plan.region.id,
    districtId: home.districtId,
    beatId: home.beatId,
    opened: at(openedDay, between(random, 9, 20)),
    closed: at(closedDay, 16),
    grade: pick(random, GRADES),
    location: `SRID=4326;POINT(${lon} ${lat})`,
    aggressorId: crypto.randomUUID(),
  };
  openCase(rows, stub, plan);
  const police = chance(random, { standard: 0.15, medium: 0.4, high: 0.6 }[stub.grade])
    ? addOrder(rows, stub, random, 'police-protection')
    : null;
  const court = chance(random, 0.1) ? addOrder(rows, stub, random, 'court-special-requirements') : null;
  if (stub.grade === 'high') {
    const heard = addReferral(rows, stub, plan, stub.opened.getTime() + between(random, 1, 48) * HOUR, false);
    // Back after a breach once heard: a repeat, at a later conference.
    const breach = heard && police && chance(random, 0.6) ? addBreach(rows, stub, random, police, heard) : null;
    if (breach) addReferral(rows, stub, plan, breach.getTime() + between(random, 2, 72) * HOUR, true);
  } else if (police && chance(random, 0.12)) addBreach(rows, stub, random, police);
  if (chance(random, 0.22)) addCentreReferral(rows, stub, plan);
  if (chance(random, 0.14)) addEnrolment(rows, stub, plan, court);
  closeCase(rows, stub, plan);
}

function openCase(rows: Rows, c: CaseStub, plan: Plan): void {
  const { random, blank } = plan;
  const base = { case_id: c.id, region_id: c.regionId };
  rows.cases.push({
    id: c.id,
    region_id: c.regionId,
    district_id: c.districtId,
    beat_id: c.beatId,
    location: c.location,
    status: 'closed',
    risk_grade: c.grade,
    needs_reassessment: false,
    responsible_officer_id: FORMER_STAFF,
    created_by: FORMER_STAFF,
    created_at: c.opened,
    updated_at: c.closed,
    closed_at: c.closed,
    anonymised_at: c.closed,
  });
  rows.people.push({ ...base, id: crypto.randomUUID(), role: 'victim', name_enc: blank, added_at: c.opened });
  rows.people.push({ ...base, id: c.aggressorId, role: 'aggressor', name_enc: blank, added_at: c.opened });
  const { high, medium } = DV_RISK_INSTRUMENT.thresholds;
  const yes =
    c.grade === 'high'
      ? between(random, high, high + 6)
      : c.grade === 'medium'
        ? between(random, medium, high - 1)
        : between(random, 1, medium - 1);
  rows.assessments.push({
    ...base,
    instrument_version: instrumentVersion(DV_RISK_INSTRUMENT),
    yes_count: yes,
    score_grade: scoreGrade(DV_RISK_INSTRUMENT, yes),
    final_grade: c.grade,
    reason: 'initial',
    assessed_by: FORMER_STAFF,
    assessed_at: new Date(c.opened.getTime() + HOUR),
  });
  rows.timeline.push({ ...base, at: c.opened, kind: 'case.opened', actor_id: FORMER_STAFF, details: {} });
}

function closeCase(rows: Rows, c: CaseStub, { random, blank }: Plan): void {
  const base = { case_id: c.id, region_id: c.regionId };
  rows.closings.push({
    ...base,
    step: 'close',
    outcome: pick(random, CLOSE_OUTCOMES),
    reason_enc: blank,
    by_user: FORMER_STAFF,
    at: c.closed,
  });
  rows.timeline.push({ ...base, at: c.closed, kind: 'case.closed', actor_id: FORMER_STAFF, details: {} });
  rows.timeline.push({
    ...base,
    at: c.closed,
    kind: 'case.anonymised',
    actor_id: null,
    details: { demoHistory: true },
  });
}

type OrderStub = { id: string; issued: Date; expires: Date };

/** An order that ran out before the case closed (a 30-day police order, or a court's 3 to 6 months). */
function addOrder(
  rows: Rows,
  c: CaseStub,
  random: Random,
  kind: 'police-protection' | 'court-special-requirements',
): OrderStub | null {
  const issued = new Date(c.opened.getTime() + between(random, 2, kind === 'police-protection' ? 48 : 400) * HOUR);
  const expires = new Date(issued.getTime() + (kind === 'police-protection' ? 30 : between(random, 3, 6) * 30) * DAY);
  if (expires >= c.closed) return null;
  const id = crypto.randomUUID();
  rows.orders.push({
    id,
    case_id: c.id,
    region_id: c.regionId,
    district_id: c.districtId,
    beat_id: c.beatId,
    kind,
    conditions: kind === 'police-protection' ? ['no-contact'] : ['no-contact', 'psycho-correction'],
    legal_basis: kind === 'police-protection' ? POLICE_ORDER_BASIS : COURT_ORDER_BASIS,
    location: c.location,
    issued_at: issued,
    expires_at: expires,
    issued_by: FORMER_STAFF,
  });
  return { id, issued, expires };
}

/** A breach recorded while the order ran; when it happened is a little before it was written down. */
function addBreach(rows: Rows, c: CaseStub, random: Random, order: OrderStub, after = order.issued): Date | null {
  const from = Math.max(order.issued.getTime(), after.getTime());
  const recorded = new Date(from + between(random, 2, 12) * DAY + between(random, 0, 10) * HOUR);
  if (recorded >= order.expires) return null;
  rows.violations.push({
    order_id: order.id,
    case_id: c.id,
    region_id: c.regionId,
    occurred_at: new Date(recorded.getTime() - between(random, 1, 20) * HOUR),
    legal_basis: BREACH_BASIS,
    recorded_by: FORMER_STAFF,
    recorded_at: recorded,
  });
  return recorded;
}

/**
 * A referral heard at the district's next conference (they meet fortnightly, on the days a case
 * waits), with its decision and the safety-plan actions it gave: most done on time, some late,
 * some done only the next month. None is left open: an open action of a closed case would keep
 * raising overdue reminders.
 */
function addReferral(rows: Rows, c: CaseStub, { random, blank }: Plan, referredAt: number, repeat: boolean): Date | null {
  const slot = Math.floor(referredAt / (14 * DAY)) + 1;
  const scheduled = new Date(slot * 14 * DAY + (10 - UTC_OFFSET_HOURS) * HOUR);
  if (scheduled.getTime() + 3 * DAY >= c.closed.getTime()) return null;
  const conference = conferenceFor(rows, c, random, slot, scheduled);
  const base = { case_id: c.id, region_id: c.regionId, district_id: c.districtId };
  rows.referrals.push({
    ...base,
    beat_id: c.beatId,
    criteria: repeat ? ['high-score', 'repeat'] : ['high-score'],
    is_repeat: repeat,
    referred_at: new Date(referredAt),
    conference_id: conference.id,
  });
  const decidedAt = new Date(scheduled.getTime() + HOUR);
  rows.decisions.push({
    ...base,
    conference_id: conference.id,
    decision_enc: blank,
    decided_by: FORMER_STAFF,
    decided_at: decidedAt,
  });
  const invited = conference.agencies as Agency[];
  for (const agency of invited.filter(() => chance(random, 0.45)).slice(0, 3)) {
    const due = new Date(decidedAt.getTime() + between(random, 7, 30) * DAY);
    const late = pick(random, { onTime: 75, late: 17, muchLater: 8 });
    const done =
      late === 'onTime'
        ? due.getTime() - between(random, 1, 6 * 24) * HOUR
        : due.getTime() + between(random, late === 'late' ? 1 : 30, late === 'late' ? 14 : 60) * DAY;
    const completed = new Date(Math.min(done, c.closed.getTime() - HOUR));
    rows.actions.push({
      ...base,
      beat_id: c.beatId,
      conference_id: conference.id,
      agency,
      description_enc: blank,
      due_at: due,
      completed_at: completed,
      completed_by: FORMER_STAFF,
      created_by: FORMER_STAFF,
      created_at: decidedAt,
    });
  }
  return scheduled;
}

function conferenceFor(rows: Rows, c: CaseStub, random: Random, slot: number, scheduled: Date) {
  const key = `${c.districtId}:${slot}`;
  const existing = rows.conferences.get(key);
  if (existing) return existing;
  const invited: Agency[] = ['police', ...PARTNERS.filter(() => chance(random, 0.65))];
  const conference = {
    id: crypto.randomUUID(),
    region_id: c.regionId,
    district_id: c.districtId,
    scheduled_at: scheduled,
    agencies: invited,
    attended: invited.filter((a) => a === 'police' || chance(random, 0.8)),
    attendance_recorded_by: FORMER_STAFF,
    attendance_recorded_at: new Date(scheduled.getTime() + 2 * HOUR),
    created_by: FORMER_STAFF,
    created_at: new Date(scheduled.getTime() - 7 * DAY),
  };
  rows.conferences.set(key, conference);
  return conference;
}

/** A shelter place asked for and decided on within two days; the refusal's reason went with retention. */
function addCentreReferral(rows: Rows, c: CaseStub, plan: Plan): void {
  const { random } = plan;
  const referred = new Date(c.opened.getTime() + between(random, 1, 10 * 24) * HOUR);
  rows.centreReferrals.push({
    centre_id: plan.centreId,
    case_id: c.id,
    region_id: c.regionId,
    beds: between(random, 1, 3),
    status: chance(random, 0.8) ? 'accepted' : 'refused',
    referred_by: FORMER_STAFF,
    referred_at: referred,
    decided_by: FORMER_STAFF,
    decided_at: new Date(referred.getTime() + between(random, 1, 48) * HOUR),
  });
}

/** The aggressor's programme, weekly sessions ending before the case closed: most completed, some dropped out. */
function addEnrolment(rows: Rows, c: CaseStub, plan: Plan, court: OrderStub | null): void {
  const { random } = plan;
  const after = Math.floor((court ?? { issued: c.opened }).issued.getTime() / DAY) + 1;
  const enrolledDay = Math.max(after, Math.floor(c.opened.getTime() / DAY) + between(random, 7, 21));
  const fits = Math.floor((Math.floor(c.closed.getTime() / DAY) - enrolledDay - 2) / 7);
  const planned = Math.min(between(random, 8, 12), fits);
  if (planned < 4) return;
  const dropsOut = chance(random, 0.25);
  const id = crypto.randomUUID();
  let held = 0;
  let misses = 0;
  for (; held < planned && misses <= 2; held++) {
    const attended = dropsOut ? chance(random, 0.5) : chance(random, 0.92) || misses >= 2;
    if (!attended) misses++;
    const day = enrolledDay + 7 * (held + 1);
    rows.sessions.push({
      enrolment_id: id,
      case_id: c.id,
      region_id: c.regionId,
      held_on: dayOf(day),
      attended,
      recorded_by: FORMER_STAFF,
      recorded_at: at(day, 18),
    });
  }
  const completed = misses <= 2 && held === planned;
  rows.enrolments.push({
    id,
    case_id: c.id,
    person_id: c.aggressorId,
    provider_id: plan.providerId,
    region_id: c.regionId,
    district_id: c.districtId,
    beat_id: c.beatId,
    basis: court ? 'court-order' : c.grade === 'high' ? 'conference-referral' : 'voluntary',
    order_id: court?.id ?? null,
    sessions_planned: planned,
    misses_allowed: 2,
    status: completed ? 'completed' : 'dropped-out',
    ended_at: at(enrolledDay + 7 * held, 19),
    enrolled_by: FORMER_STAFF,
    enrolled_at: at(enrolledDay, 12),
  });
}

async function insertRows(db: Db, rows: Rows): Promise<void> {
  // Numbered in the order they were opened, as the sequences would have numbered them.
  const byTime = <T extends { created_at?: unknown }>(list: T[]) =>
    [...list].sort((a, b) => (a.created_at as Date).getTime() - (b.created_at as Date).getTime());
  const numbered = (prefix: string, sequence: string) =>
    sql`${prefix} || to_char(created_at at time zone 'UTC', 'YYYY') || '-' || lpad(nextval(${sequence})::text, 6, '0')`;
  await insertJson(db, 'prevention_register_entries', byTime(rows.entries), {
    entry_number: numbered('PR-', 'prevention_register_number_seq'),
  });
  await insertJson(db, 'prevention_register_contacts', rows.contacts);
  await insertJson(db, 'prevention_register_reviews', rows.reviews);
  await insertJson(db, 'dv_cases', byTime(rows.cases), { case_number: numbered('DV-', 'dv_case_number_seq') });
  await insertJson(db, 'dv_case_people', rows.people);
  // The victim's answers, "yes" to the first `yes_count` questions, picked from one list per count:
  // written out per case they would be most of the history's bytes.
  const answers = DV_RISK_INSTRUMENT.questions.map((_, yes) =>
    DV_RISK_INSTRUMENT.questions.map((q, i) => ({ question: q.id, answer: i < yes ? 'yes' : 'no', source: 'victim' })),
  );
  await insertJson(db, 'dv_risk_assessments', rows.assessments, {
    answers: sql`${JSON.stringify(answers)}::jsonb -> yes_count`,
  });
  await insertJson(db, 'dv_case_timeline', rows.timeline);
  await insertJson(db, 'dv_case_closings', rows.closings);
  await insertJson(db, 'risk_conferences', [...rows.conferences.values()]);
  await insertJson(db, 'risk_referrals', rows.referrals);
  await insertJson(db, 'risk_conference_decisions', rows.decisions);
  await insertJson(db, 'safety_plan_actions', rows.actions);
  await insertJson(db, 'protection_orders', rows.orders);
  await insertJson(db, 'protection_order_violations', rows.violations);
  await insertJson(db, 'crisis_centre_referrals', rows.centreReferrals);
  await insertJson(db, 'programme_enrolments', rows.enrolments);
  await insertJson(db, 'programme_sessions', rows.sessions);
}

/**
 * A table's rows in one statement, passed as one JSON document: thousands of rows as bound
 * parameters are several times slower on the embedded database. `computed` columns are SQL over the row.
 */
async function insertJson<T extends keyof Tables & string>(
  db: Db,
  table: T,
  rows: Row<T>[],
  computed: Record<string, ReturnType<typeof sql>> = {},
): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const names = [...columns, ...Object.keys(computed)].map((c) => sql.ref(c));
  const values = [...columns.map((c) => sql.ref(c)), ...Object.values(computed)];
  await sql`insert into ${sql.table(table)} (${sql.join(names)})
    select ${sql.join(values)} from jsonb_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::jsonb)`.execute(
    db,
  );
}
