import type { RegisterContactRequest, RegisterContactView, RegisterOutcomeRequest } from '../../../common/schemas/registers.js';
import { AppError } from '../../http/errors.js';
import { auditStaff, type PreventionDeps } from './deps.js';
import { activeEntry, callerToday } from './register-access.js';
import { presentContact } from './register-entries.js';
import { findContact, insertContact, recordContactOutcome } from './register-store.js';
import type { Caller } from './scope.js';

/** Plans a home visit, call, summons or partner meeting on an active entry, due within its term. */
export async function planContact(
  deps: PreventionDeps,
  caller: Caller,
  entryId: string,
  input: RegisterContactRequest,
): Promise<RegisterContactView> {
  const { row } = await activeEntry(deps, caller, entryId);
  if (input.dueDate < row.start_date || input.dueDate > row.end_date) {
    throw new AppError('prevention.register_dates_invalid', { dueDate: input.dueDate, endDate: row.end_date });
  }
  const now = deps.clock();
  const id = await deps.db.transaction().execute(async (trx) => {
    const contactId = await insertContact(trx, {
      entryId: row.id,
      regionId: row.region_id,
      kind: input.kind,
      dueDate: input.dueDate,
      by: caller.user.userId,
      now,
    });
    await trx.updateTable('prevention_register_entries').set({ updated_at: now }).where('id', '=', row.id).execute();
    await auditStaff(trx, caller, {
      action: 'prevention.register.contact.plan',
      target: { type: 'register_entry', id: row.id },
      regionId: row.region_id,
      details: { contactId, kind: input.kind, dueDate: input.dueDate },
      at: now,
    });
    return contactId;
  });
  const contact = await findContact(deps.db, id);
  return presentContact(deps, contact!, await callerToday(deps, caller, now));
}

/** Records how a planned contact went; its note may name people, so it is encrypted. Once only. */
export async function recordOutcome(
  deps: PreventionDeps,
  caller: Caller,
  contactId: string,
  input: RegisterOutcomeRequest,
): Promise<RegisterContactView> {
  const contact = await findContact(deps.db, contactId);
  // A contact is reached through its entry: outside the caller's jurisdiction it does not exist.
  if (!contact) throw new AppError('prevention.register_contact_not_found');
  const { row } = await activeEntry(deps, caller, contact.entry_id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'prevention.register_entry_not_found') {
      throw new AppError('prevention.register_contact_not_found');
    }
    throw error;
  });
  if (contact.done_at !== null) throw new AppError('prevention.register_contact_done');
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const recorded = await recordContactOutcome(trx, {
      id: contact.id,
      outcome: input.outcome,
      noteEnc: input.note === undefined ? null : deps.fieldCrypto.encrypt(input.note.trim()),
      by: caller.user.userId,
      now,
    });
    if (!recorded) throw new AppError('prevention.register_contact_done');
    await trx.updateTable('prevention_register_entries').set({ updated_at: now }).where('id', '=', row.id).execute();
    await auditStaff(trx, caller, {
      action: 'prevention.register.contact.outcome',
      target: { type: 'register_entry', id: row.id },
      regionId: row.region_id,
      details: { contactId: contact.id, outcome: input.outcome },
      at: now,
    });
  });
  const updated = await findContact(deps.db, contact.id);
  return presentContact(deps, updated!, await callerToday(deps, caller, now));
}
