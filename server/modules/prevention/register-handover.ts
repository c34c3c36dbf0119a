import type { RegisterHandoverRequest, RegisterHandoverView, RegisterOfficerList } from '../../../common/schemas/registers.js';
import { AppError } from '../../http/errors.js';
import { officersCovering, staffNames } from '../identity/index.js';
import { auditStaff, type PreventionDeps } from './deps.js';
import { accessEntry } from './register-access.js';
import { entryHandovers, insertHandover, moveResponsibility, type HandoverRow } from './register-handover-store.js';
import type { EntryRow } from './register-store.js';
import type { Caller } from './scope.js';

const REASON_MIN = 10;
const REASON_MAX = 1000;

/**
 * An active entry the caller may hand over: the area's supervisor, or the responsible officer
 * handing over their own. The inspector of the beat and partners work the entry but do not
 * decide who answers for it.
 */
async function handoverEntry(deps: PreventionDeps, caller: Caller, id: string): Promise<EntryRow> {
  const { row, access } = await accessEntry(deps, caller, id);
  if (access !== 'supervisor' && access !== 'responsible') {
    throw new AppError('prevention.register_handover_forbidden', { entryNumber: row.entry_number });
  }
  if (row.status !== 'active') throw new AppError('prevention.register_closed');
  return row;
}

const placeOf = (row: EntryRow) => ({ regionId: row.region_id, districtId: row.district_id, beatId: row.beat_id });

/**
 * Officers who could take the entry — their own area holds its place — other than the one who has
 * it. The list says who works the place of a protected record, so its read is audited like the
 * entry's own.
 */
export async function handoverCandidates(deps: PreventionDeps, caller: Caller, id: string): Promise<RegisterOfficerList> {
  const row = await handoverEntry(deps, caller, id);
  const officers = await officersCovering(deps.db, placeOf(row));
  const items = officers.filter((o) => o.id !== row.responsible_officer_id);
  await auditStaff(deps.db, caller, {
    action: 'prevention.register.officers.read',
    target: { type: 'register_entry', id: row.id },
    regionId: row.region_id,
    details: { entryNumber: row.entry_number, officerIds: items.map((o) => o.id) },
    at: deps.clock(),
  });
  return { items };
}

/**
 * Hands the entry to another officer whose area holds its place, with a written reason that is
 * sealed and kept in the entry's history. Only the entry as it was read moves: if someone else
 * handed it over meanwhile, this one changes nothing and is refused.
 */
export async function handOverEntry(
  deps: PreventionDeps,
  caller: Caller,
  id: string,
  input: RegisterHandoverRequest,
): Promise<RegisterHandoverView> {
  const row = await handoverEntry(deps, caller, id);
  const reason = input.reason.trim();
  if (reason.length < REASON_MIN || reason.length > REASON_MAX) throw new AppError('prevention.register_handover_reason');
  if (input.officerId === row.responsible_officer_id) throw new AppError('prevention.register_handover_same_officer');
  const candidates = await officersCovering(deps.db, placeOf(row));
  if (!candidates.some((o) => o.id === input.officerId)) throw new AppError('prevention.register_handover_target');
  const now = deps.clock();
  const from = row.responsible_officer_id;
  const handoverId = await deps.db.transaction().execute(async (trx) => {
    const moved = await moveResponsibility(trx, { id: row.id, from, to: input.officerId, now });
    if (!moved) throw new AppError('prevention.register_handover_conflict');
    const inserted = await insertHandover(trx, {
      entryId: row.id,
      regionId: row.region_id,
      from,
      to: input.officerId,
      reasonEnc: deps.fieldCrypto.encrypt(reason),
      by: caller.user.userId,
      now,
    });
    await auditStaff(trx, caller, {
      action: 'prevention.register.handover',
      target: { type: 'register_entry', id: row.id },
      regionId: row.region_id,
      details: { entryNumber: row.entry_number, previousOfficerId: from, newOfficerId: input.officerId },
      at: now,
    });
    return inserted;
  });
  const [[view]] = await presentHandovers(deps, [
    {
      id: handoverId,
      previous_officer_id: from,
      new_officer_id: input.officerId,
      reason_enc: null,
      handed_by: caller.user.userId,
      handed_at: now,
    },
  ]);
  return { ...view!, reason };
}

/**
 * Who answers for the entry now and how it changed hands, with the officers' names; the reasons
 * are opened for the team reading the entry.
 */
export async function readResponsibility(
  deps: PreventionDeps,
  row: EntryRow,
): Promise<{ responsibleOfficerName: string | null; handovers: RegisterHandoverView[] }> {
  const rows = await entryHandovers(deps.db, row.id);
  const [handovers, names] = await presentHandovers(deps, rows, [row.responsible_officer_id]);
  const officer = row.responsible_officer_id;
  return { responsibleOfficerName: officer === null ? null : (names.get(officer) ?? null), handovers };
}

async function presentHandovers(
  deps: PreventionDeps,
  rows: HandoverRow[],
  alsoNamed: (string | null)[] = [],
): Promise<[RegisterHandoverView[], Map<string, string>]> {
  const ids = rows.flatMap((r) => [r.previous_officer_id, r.new_officer_id, r.handed_by]).concat(alsoNamed);
  const names = await staffNames(
    deps.db,
    [...new Set(ids)].filter((id): id is string => id !== null),
  );
  const name = (id: string | null) => (id === null ? null : (names.get(id) ?? null));
  const views = rows.map((r) => ({
    id: r.id,
    previousOfficerId: r.previous_officer_id,
    previousOfficerName: name(r.previous_officer_id),
    newOfficerId: r.new_officer_id,
    newOfficerName: name(r.new_officer_id),
    handedById: r.handed_by,
    handedByName: name(r.handed_by),
    reason: r.reason_enc === null ? null : deps.fieldCrypto.decrypt(r.reason_enc),
    handedAt: r.handed_at.toISOString(),
  }));
  return [views, names];
}
