import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type {
  RegisterAgency,
  RegisterContactKind,
  RegisterKind,
  RegisterLaw,
  RegisterOutcome,
} from '../../../common/register-kinds.js';
import type { Jurisdiction } from '../../../common/roles.js';
import type { Tables } from '../../db/tables.js';
import { newestFirstPage, olderThanCursor } from '../../http/paging.js';
import { inJurisdiction, isUuid, type Staff } from './scope.js';

type Db = Kysely<Tables>;

const day = (column: string) => sql<string>`${sql.ref(column)}::text`;

function entries(db: Db) {
  return db
    .selectFrom('prevention_register_entries')
    .select([
      'prevention_register_entries.id',
      'entry_number',
      'kind',
      'legal_basis',
      'region_id',
      'district_id',
      'beat_id',
      'status',
      'name_enc',
      'iin_enc',
      'address_enc',
      'phone_enc',
      'location_enc',
      'decision_enc',
      'responsible_officer_id',
      'partner_agency',
      'close_reason',
      'updated_at',
    ])
    .select([
      day('start_date').as('start_date'),
      day('review_date').as('review_date'),
      day('end_date').as('end_date'),
      day('review_flagged_on').as('review_flagged_on'),
    ]);
}

export type EntryRow = Awaited<ReturnType<ReturnType<typeof entries>['executeTakeFirstOrThrow']>>;

export interface SealedEntry {
  kind: RegisterKind;
  law: RegisterLaw;
  regionId: string;
  districtId: string;
  beatId: string;
  nameEnc: string;
  iinEnc: string | null;
  iinHash: string | null;
  addressEnc: string;
  phoneEnc: string | null;
  locationEnc: string;
  decisionEnc: string;
  startDate: string;
  reviewDate: string;
  endDate: string;
  officerId: string;
  partnerAgency: RegisterAgency | null;
}

export async function insertEntry(db: Db, entry: SealedEntry, now: Date): Promise<string> {
  const row = await db
    .insertInto('prevention_register_entries')
    .values({
      // Numbered per year so an entry can be named aloud without naming anyone.
      entry_number: sql<string>`'PR-' || ${now.getUTCFullYear()} || '-' || lpad(nextval('prevention_register_number_seq')::text, 6, '0')`,
      kind: entry.kind,
      legal_basis: entry.law,
      region_id: entry.regionId,
      district_id: entry.districtId,
      beat_id: entry.beatId,
      name_enc: entry.nameEnc,
      iin_enc: entry.iinEnc,
      iin_hash: entry.iinHash,
      address_enc: entry.addressEnc,
      phone_enc: entry.phoneEnc,
      location_enc: entry.locationEnc,
      decision_enc: entry.decisionEnc,
      start_date: entry.startDate,
      review_date: entry.reviewDate,
      end_date: entry.endDate,
      responsible_officer_id: entry.officerId,
      partner_agency: entry.partnerAgency,
      created_by: entry.officerId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An entry inside the jurisdiction, or undefined (also for a malformed id). */
export async function findEntry(db: Db, jurisdiction: Jurisdiction, id: string) {
  if (!isUuid(id)) return undefined;
  return entries(db)
    .where('prevention_register_entries.id', '=', id)
    .where(inJurisdiction(jurisdiction, 'prevention_register_entries'))
    .executeTakeFirst();
}

/**
 * The entries inside the jurisdiction about a person with this IIN lookup hash, last changed
 * first. An ended entry is anonymised (its hash emptied), so only entries that still hold the
 * person are found.
 */
export async function entriesWithIinHash(db: Db, jurisdiction: Jurisdiction, hash: string) {
  return entries(db)
    .where('prevention_register_entries.iin_hash', '=', hash)
    .where(inJurisdiction(jurisdiction, 'prevention_register_entries'))
    .orderBy('prevention_register_entries.updated_at', 'desc')
    .orderBy('prevention_register_entries.id')
    .limit(200)
    .execute();
}

/**
 * "The user works this entry": it is theirs, it lies in the beat they are the inspector of, or
 * it is assigned to their partner agency.
 */
export function onRegisterTeam(user: Staff, agency: RegisterAgency | undefined): Expression<SqlBool> {
  const officer = user.roles.includes('officer');
  const beat =
    officer && user.jurisdiction.level === 'beat' && user.jurisdiction.beatId
      ? sql<SqlBool>`e.beat_id = ${user.jurisdiction.beatId}`
      : sql<SqlBool>`false`;
  const mine = officer ? sql<SqlBool>`e.responsible_officer_id = ${user.userId}` : sql<SqlBool>`false`;
  const partner = agency && user.roles.includes('partner') ? sql<SqlBool>`e.partner_agency = ${agency}` : sql<SqlBool>`false`;
  return sql<SqlBool>`(${mine} or ${beat} or ${partner})`;
}

/** Entries in the jurisdiction (only the user's team's with `teamOf`), most recently changed first. */
export async function listEntries(
  db: Db,
  jurisdiction: Jurisdiction,
  filter: {
    cursor?: string;
    limit: number;
    status?: 'active' | 'closed';
    kind?: RegisterKind;
    teamOf?: { user: Staff; agency: RegisterAgency | undefined };
  },
) {
  const older = olderThanCursor(filter.cursor, 'e.updated_at', 'e.id');
  let q = db
    .selectFrom('prevention_register_entries as e')
    .select([
      'e.id',
      'e.entry_number',
      'e.kind',
      'e.legal_basis',
      'e.region_id',
      'e.district_id',
      'e.beat_id',
      'e.status',
      'e.partner_agency',
      'e.close_reason',
      'e.updated_at',
      day('e.start_date').as('start_date'),
      day('e.review_date').as('review_date'),
      day('e.end_date').as('end_date'),
      day('e.review_flagged_on').as('review_flagged_on'),
    ])
    .where(inJurisdiction(jurisdiction, 'e'))
    .orderBy('e.updated_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(filter.limit + 1);
  if (filter.status) q = q.where('e.status', '=', filter.status);
  if (filter.kind) q = q.where('e.kind', '=', filter.kind);
  if (filter.teamOf) q = q.where(onRegisterTeam(filter.teamOf.user, filter.teamOf.agency));
  if (older) q = q.where(older);
  return newestFirstPage(await q.execute(), filter.limit, (row) => ({ at: row.updated_at, id: row.id }));
}

export type EntrySummaryRow = Awaited<ReturnType<typeof listEntries>>['items'][number];

function contacts(db: Db) {
  return db
    .selectFrom('prevention_register_contacts')
    .select(['id', 'entry_id', 'kind', 'outcome', 'outcome_note_enc', 'done_at'])
    .select(day('due_date').as('due_date'));
}

export type ContactRow = Awaited<ReturnType<ReturnType<typeof contacts>['executeTakeFirstOrThrow']>>;

export async function entryContacts(db: Db, entryId: string) {
  return contacts(db).where('entry_id', '=', entryId).orderBy('due_date').orderBy('id').execute();
}

export async function entryReviews(db: Db, entryId: string) {
  return db
    .selectFrom('prevention_register_reviews')
    .select(['id', 'decision', 'reason_enc', 'decided_at'])
    .select([
      day('previous_end_date').as('previous_end_date'),
      day('end_date').as('end_date'),
      day('review_date').as('review_date'),
    ])
    .where('entry_id', '=', entryId)
    .orderBy('decided_at')
    .orderBy('id')
    .execute();
}

export async function insertContact(
  db: Db,
  input: { entryId: string; regionId: string; kind: RegisterContactKind; dueDate: string; by: string; now: Date },
): Promise<string> {
  const row = await db
    .insertInto('prevention_register_contacts')
    .values({
      entry_id: input.entryId,
      region_id: input.regionId,
      kind: input.kind,
      due_date: input.dueDate,
      planned_by: input.by,
      planned_at: input.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A planned contact and the id of its entry, if the id is well formed. */
export async function findContact(db: Db, id: string) {
  if (!isUuid(id)) return undefined;
  return contacts(db).where('id', '=', id).executeTakeFirst();
}

/** Records the outcome of a contact still open; false when it already had one. */
export async function recordContactOutcome(
  db: Db,
  input: { id: string; outcome: RegisterOutcome; noteEnc: string | null; by: string; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('prevention_register_contacts')
    .set({ outcome: input.outcome, outcome_note_enc: input.noteEnc, done_at: input.now, recorded_by: input.by })
    .where('id', '=', input.id)
    .where('done_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertReview(
  db: Db,
  input: {
    entryId: string;
    regionId: string;
    decision: 'extend' | 'close';
    previousEndDate: string;
    endDate: string;
    reviewDate: string | null;
    reasonEnc: string;
    by: string;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('prevention_register_reviews')
    .values({
      entry_id: input.entryId,
      region_id: input.regionId,
      decision: input.decision,
      previous_end_date: input.previousEndDate,
      end_date: input.endDate,
      review_date: input.reviewDate,
      reason_enc: input.reasonEnc,
      decided_by: input.by,
      decided_at: input.now,
    })
    .execute();
}

/** A new term after a review: the review flag goes with the review it asked for. */
export async function extendEntry(db: Db, input: { id: string; endDate: string; reviewDate: string; now: Date }) {
  await db
    .updateTable('prevention_register_entries')
    .set({ end_date: input.endDate, review_date: input.reviewDate, review_flagged_on: null, updated_at: input.now })
    .where('id', '=', input.id)
    .where('status', '=', 'active')
    .execute();
}

/**
 * Closes active entries (those given, or those of the regions whose end day is before their today) and
 * anonymises them in the same statement: who it was about, where they live, the decision, the
 * visit notes, review and handover reasons are dropped; the kind, days, district and beat stay for
 * statistics. Returns the entries closed, with their regions for the audit log.
 */
export async function closeAndAnonymise(
  db: Db,
  input: { ids?: string[]; endedBefore?: string; regionIds?: string[]; reason: 'expired' | 'review'; now: Date },
): Promise<{ id: string; region_id: string; entry_number: string }[]> {
  let q = db
    .updateTable('prevention_register_entries')
    .set({
      status: 'closed',
      closed_at: input.now,
      close_reason: input.reason,
      anonymised_at: input.now,
      name_enc: null,
      iin_enc: null,
      iin_hash: null,
      address_enc: null,
      phone_enc: null,
      location_enc: null,
      decision_enc: null,
      review_flagged_on: null,
      updated_at: input.now,
    })
    .where('status', '=', 'active');
  if (input.ids) q = q.where('id', 'in', input.ids);
  if (input.endedBefore) q = q.where('end_date', '<', input.endedBefore);
  if (input.regionIds) q = q.where('region_id', 'in', input.regionIds);
  const closed = await q.returning(['id', 'region_id', 'entry_number']).execute();
  if (closed.length > 0) {
    const ids = closed.map((c) => c.id);
    await db.updateTable('prevention_register_contacts').set({ outcome_note_enc: null }).where('entry_id', 'in', ids).execute();
    await db.updateTable('prevention_register_reviews').set({ reason_enc: null }).where('entry_id', 'in', ids).execute();
    await db.updateTable('prevention_register_handovers').set({ reason_enc: null }).where('entry_id', 'in', ids).execute();
  }
  return closed;
}

/** Marks active entries whose review day has come (today in `regionIds`' zone); returns how many were newly flagged. */
export async function flagDueReviews(db: Db, input: { today: string; regionIds: string[] }): Promise<number> {
  if (input.regionIds.length === 0) return 0;
  const result = await db
    .updateTable('prevention_register_entries')
    .set({ review_flagged_on: input.today })
    .where('status', '=', 'active')
    .where('review_flagged_on', 'is', null)
    .where('review_date', '<=', input.today)
    .where('region_id', 'in', input.regionIds)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * The caller's open work up to `today`: contacts due by then and not done, and entries whose
 * review is due, of active entries the condition selects.
 */
export async function dueWork(db: Db, jurisdiction: Jurisdiction, who: Expression<SqlBool>, today: string) {
  const base = db
    .selectFrom('prevention_register_entries as e')
    .where(inJurisdiction(jurisdiction, 'e'))
    .where('e.status', '=', 'active')
    .where(who);
  const [visits, reviews] = await Promise.all([
    base
      .innerJoin('prevention_register_contacts as c', 'c.entry_id', 'e.id')
      .where('c.done_at', 'is', null)
      .where('c.due_date', '<=', today)
      .select([
        'e.id',
        'e.entry_number',
        'e.kind',
        'e.name_enc',
        'e.address_enc',
        'e.location_enc',
        'c.id as contact_id',
        'c.kind as contact_kind',
      ])
      .select(day('c.due_date').as('due_date'))
      .orderBy('c.due_date')
      .orderBy('c.id')
      .limit(500)
      .execute(),
    base
      .where('e.review_date', '<=', today)
      .select(['e.id', 'e.entry_number', 'e.kind', 'e.name_enc', 'e.address_enc', 'e.location_enc'])
      .select(day('e.review_date').as('due_date'))
      .orderBy('e.review_date')
      .orderBy('e.id')
      .limit(500)
      .execute(),
  ]);
  return { visits, reviews };
}
