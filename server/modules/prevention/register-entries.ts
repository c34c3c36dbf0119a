import { isValidIin } from '../../../common/iin.js';
import { REGISTER_KINDS } from '../../../common/register-kinds.js';
import type {
  RegisterEntryRequest,
  RegisterEntrySummary,
  RegisterEntryView,
  RegisterListQuery,
} from '../../../common/schemas/registers.js';
import { covers } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { resolvePoint } from '../geo/index.js';
import { auditStaff, type PreventionDeps } from './deps.js';
import { accessEntry, callerToday, registerAgencyOf } from './register-access.js';
import { readResponsibility } from './register-handover.js';
import { entryContacts, entryReviews, insertEntry, listEntries as storeListEntries } from './register-store.js';
import type { ContactRow, EntryRow, EntrySummaryRow } from './register-store.js';
import { latestEndDay } from '../../../common/register-terms.js';
import { checkTerm, type Day } from './register-terms.js';
import type { Caller } from './scope.js';

export function presentEntrySummary(row: EntrySummaryRow | EntryRow, today: Day): RegisterEntrySummary {
  return {
    id: row.id,
    entryNumber: row.entry_number,
    kind: row.kind,
    legalBasis: row.legal_basis,
    regionId: row.region_id,
    districtId: row.district_id,
    beatId: row.beat_id,
    status: row.status,
    startDate: row.start_date,
    reviewDate: row.review_date,
    endDate: row.end_date,
    isReviewDue: row.status === 'active' && (row.review_flagged_on !== null || row.review_date <= today),
    partnerAgency: row.partner_agency,
    closeReason: row.close_reason,
  };
}

export function presentContact(deps: PreventionDeps, row: ContactRow, today: Day) {
  return {
    id: row.id,
    entryId: row.entry_id,
    kind: row.kind,
    dueDate: row.due_date,
    isOverdue: row.done_at === null && row.due_date < today,
    outcome: row.outcome,
    note: row.outcome_note_enc === null ? null : deps.fieldCrypto.decrypt(row.outcome_note_enc),
    doneAt: row.done_at?.toISOString() ?? null,
  };
}

/**
 * Puts a person on a preventive register at their home, for the term the basis allows. The
 * entry lands in the home's district and beat, which must lie in the inspector's jurisdiction;
 * the inspector who makes it answers for it.
 */
export async function createEntry(deps: PreventionDeps, caller: Caller, input: RegisterEntryRequest): Promise<RegisterEntryView> {
  if (input.iin !== undefined && !isValidIin(input.iin)) throw new AppError('iin.invalid');
  checkTerm(
    input.kind,
    { start: input.startDate, end: input.endDate, review: input.reviewDate, from: input.startDate },
    input.iin,
  );
  const [lon = NaN, lat = NaN] = input.location.coordinates;
  const place = await resolvePoint(deps.db, { lon, lat });
  if (!place) throw new AppError('geo.outside_kazakhstan');
  if (!covers(caller.user.jurisdiction, place)) throw new AppError('jurisdiction.outside');
  const seal = (value: string) => deps.fieldCrypto.encrypt(value);
  const now = deps.clock();
  const id = await deps.db.transaction().execute(async (trx) => {
    const entryId = await insertEntry(
      trx,
      {
        kind: input.kind,
        law: REGISTER_KINDS[input.kind].law,
        regionId: place.regionId,
        districtId: place.districtId,
        beatId: place.beatId,
        nameEnc: seal(input.name.trim()),
        iinEnc: input.iin === undefined ? null : seal(input.iin),
        iinHash: input.iin === undefined ? null : deps.fieldCrypto.lookupHash(input.iin),
        addressEnc: seal(input.address.trim()),
        phoneEnc: input.phone === undefined ? null : seal(input.phone.replace(/[\s()-]/g, '')),
        locationEnc: seal(JSON.stringify({ lon, lat })),
        decisionEnc: seal(input.decision.trim()),
        startDate: input.startDate,
        reviewDate: input.reviewDate,
        endDate: input.endDate,
        officerId: caller.user.userId,
        partnerAgency: input.partnerAgency ?? null,
      },
      now,
    );
    await auditStaff(trx, caller, {
      action: 'prevention.register.create',
      target: { type: 'register_entry', id: entryId },
      regionId: place.regionId,
      details: { kind: input.kind, endDate: input.endDate, partnerAgency: input.partnerAgency ?? null },
      at: now,
    });
    return entryId;
  });
  return readEntry(deps, caller, id, 'created');
}

/**
 * The whole entry with who it is about, for a caller the access rules let in. Every read is in
 * the audit log with the reader, why they may read it and what they came for.
 */
export async function readEntry(deps: PreventionDeps, caller: Caller, id: string, purpose = 'view'): Promise<RegisterEntryView> {
  const { row, access } = await accessEntry(deps, caller, id);
  const now = deps.clock();
  const today = await callerToday(deps, caller, now);
  const [contacts, reviews, responsibility] = await Promise.all([
    entryContacts(deps.db, row.id),
    entryReviews(deps.db, row.id),
    readResponsibility(deps, row),
  ]);
  const open = (sealed: string | null) => (sealed === null ? null : deps.fieldCrypto.decrypt(sealed));
  const iin = open(row.iin_enc);
  await auditStaff(deps.db, caller, {
    action: 'prevention.register.read',
    target: { type: 'register_entry', id: row.id },
    regionId: row.region_id,
    details: { access, purpose, entryNumber: row.entry_number },
    at: now,
  });
  const point = open(row.location_enc);
  return {
    ...presentEntrySummary(row, today),
    access,
    latestEndDate: latestEndDay(row.kind, row.start_date, iin ?? undefined),
    responsibleOfficerId: row.responsible_officer_id,
    responsibleOfficerName: responsibility.responsibleOfficerName,
    decision: open(row.decision_enc),
    name: open(row.name_enc),
    iin,
    address: open(row.address_enc),
    phone: open(row.phone_enc),
    point: point === null ? null : (JSON.parse(point) as { lon: number; lat: number }),
    contacts: contacts.map((c) => presentContact(deps, c, today)),
    reviews: reviews.map((r) => ({
      id: r.id,
      decision: r.decision,
      previousEndDate: r.previous_end_date,
      endDate: r.end_date,
      reviewDate: r.review_date,
      reason: open(r.reason_enc),
      decidedAt: r.decided_at.toISOString(),
    })),
    handovers: responsibility.handovers,
  };
}

/**
 * Entries in the caller's jurisdiction: numbers, kinds, places and days — nobody's identity.
 * A partner sees only the entries assigned to their agency; `mine` narrows anyone to their own.
 */
export async function listEntries(deps: PreventionDeps, caller: Caller, query: RegisterListQuery) {
  const roles = caller.user.roles;
  const agency = await registerAgencyOf(deps, caller);
  const partnerOnly = roles.includes('partner') && !roles.some((r) => r === 'officer' || r === 'supervisor' || r === 'analyst');
  const page = await storeListEntries(deps.db, caller.user.jurisdiction, {
    ...query,
    teamOf: query.mine || partnerOnly ? { user: caller.user, agency } : undefined,
  });
  const today = await callerToday(deps, caller, deps.clock());
  return { items: page.items.map((row) => presentEntrySummary(row, today)), nextCursor: page.nextCursor };
}
