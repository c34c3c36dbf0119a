import type { Jurisdiction } from '../../../common/roles.js';
import { AppError } from '../../http/errors.js';
import { findCase, type CaseRow } from './case-store.js';
import { isOnCaseTeam, recentBreakGlass } from './case-team-store.js';
import { partnerAgency } from './conference-store.js';
import type { PreventionDeps } from './deps.js';
import type { Caller } from './scope.js';

/** A case inside the jurisdiction, or 404 — a case outside it does not exist for the caller. */
export async function caseFor(deps: PreventionDeps, jurisdiction: Jurisdiction, id: string): Promise<CaseRow> {
  const row = await findCase(deps.db, jurisdiction, id);
  if (!row) throw new AppError('prevention.case_not_found');
  return row;
}

/** How long one break-glass opens a case to its reader: long enough to act on a call-out. */
export const BREAK_GLASS_MINUTES = 60;
/** A reason shorter than this says nothing a reviewer could check. */
export const BREAK_GLASS_REASON_MIN_LENGTH = 20;

/** Why the caller may work the case: on its team, overseeing the jurisdiction, or after breaking the glass. */
export type CaseAccess = 'team' | 'oversight' | 'break-glass';

/**
 * The case, if the caller may work it. Outside the jurisdiction it does not exist (404). Inside
 * it, supervisors and prosecutors oversee every case; officers and partners work the cases of
 * their team; any other officer must first break the glass (403 saying so); a partner whose
 * agency has nothing on the case is refused (403): they may see only its masked summary.
 */
export async function accessCase(
  deps: PreventionDeps,
  caller: Caller,
  id: string,
): Promise<{ row: CaseRow; access: CaseAccess }> {
  const row = await caseFor(deps, caller.user.jurisdiction, id);
  const roles = caller.user.roles;
  if (roles.includes('supervisor') || roles.includes('prosecutor')) return { row, access: 'oversight' };
  const agency = roles.includes('partner') ? await partnerAgency(deps.db, caller.user.userId) : undefined;
  if (await isOnCaseTeam(deps.db, row.id, caller.user, agency)) return { row, access: 'team' };
  // Anyone else in the area may know the case exists (the masked summary), not whom it is about.
  if (!roles.includes('officer'))
    throw new AppError('prevention.case_team_only', { caseId: row.id, caseNumber: row.case_number });
  const since = new Date(deps.clock().getTime() - BREAK_GLASS_MINUTES * 60_000);
  if (await recentBreakGlass(deps.db, row.id, caller.user.userId, since)) return { row, access: 'break-glass' };
  throw new AppError('prevention.break_glass_required', { caseId: row.id, caseNumber: row.case_number });
}

/** Like accessCase, for what only the team and supervisors may do (the team, the break-glass log). */
export async function teamCase(deps: PreventionDeps, caller: Caller, id: string): Promise<CaseRow> {
  const { row, access } = await accessCase(deps, caller, id);
  if (access === 'break-glass') throw new AppError('prevention.case_team_only');
  return row;
}
