import { sql, type SqlBool } from 'kysely';
import type { RegisterToday, RegisterTodayItem } from '../../../common/schemas/registers.js';
import { auditStaff, type PreventionDeps } from './deps.js';
import { callerToday, registerAgencyOf } from './register-access.js';
import { dueWork, onRegisterTeam } from './register-store.js';
import type { Caller } from './scope.js';

/**
 * The inspector's day: visits and contacts due today or overdue, and reviews that are due, of
 * the entries they work (their own, their beat's, their agency's; a supervisor's whole area),
 * with the home's point for the map. Reading it is reading those people: one audit entry names
 * every entry shown.
 */
export async function workList(deps: PreventionDeps, caller: Caller): Promise<RegisterToday> {
  const now = deps.clock();
  const today = await callerToday(deps, caller, now);
  const who = caller.user.roles.includes('supervisor')
    ? sql<SqlBool>`true`
    : onRegisterTeam(caller.user, await registerAgencyOf(deps, caller));
  const { visits, reviews } = await dueWork(deps.db, caller.user.jurisdiction, who, today);
  const open = (sealed: string | null) => (sealed === null ? '' : deps.fieldCrypto.decrypt(sealed));
  const place = (sealed: string | null) => (sealed === null ? null : (JSON.parse(open(sealed)) as { lon: number; lat: number }));
  const items: RegisterTodayItem[] = [
    ...visits.map((v) => ({
      type: 'visit' as const,
      entryId: v.id,
      entryNumber: v.entry_number,
      kind: v.kind,
      contactId: v.contact_id,
      contactKind: v.contact_kind,
      dueDate: v.due_date,
      isOverdue: v.due_date < today,
      name: open(v.name_enc),
      address: open(v.address_enc),
      point: place(v.location_enc),
    })),
    ...reviews.map((r) => ({
      type: 'review' as const,
      entryId: r.id,
      entryNumber: r.entry_number,
      kind: r.kind,
      contactId: null,
      contactKind: null,
      dueDate: r.due_date,
      isOverdue: r.due_date < today,
      name: open(r.name_enc),
      address: open(r.address_enc),
      point: place(r.location_enc),
    })),
  ].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.entryNumber.localeCompare(b.entryNumber));
  await auditStaff(deps.db, caller, {
    action: 'prevention.register.worklist.read',
    target: { type: 'register_worklist', id: caller.user.userId },
    regionId: caller.user.jurisdiction.regionId,
    details: { today, entries: [...new Set(items.map((i) => i.entryId))] },
    at: now,
  });
  return { today, items };
}
