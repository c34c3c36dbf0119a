import { AppError } from '../../http/errors.js';
import { accessCase, caseFor, teamCase } from './case-access.js';
import { appendTimeline } from './case-store.js';
import { insertBreakGlass, insertTeamMember, listBreakGlass } from './case-team-store.js';
import { readCase } from './cases.js';
import { auditStaff, type PreventionDeps } from './deps.js';
import { insertBreakGlassAlert } from './reminder-store.js';
import type { BreakGlassView, CaseFileView } from './schema.js';
import type { Caller } from './scope.js';
import { writeOpenCase } from './case-write.js';

/**
 * An officer outside the case team opens the case by "breaking the glass": the written reason is
 * kept (encrypted) for the team and supervisors to review, audited as its own action, alerts
 * the case's responsible officer and the area's supervisors (their reminder lists), and opens
 * the case to that officer for a limited time. A caller who may read it anyway just reads it.
 */
export async function breakGlass(deps: PreventionDeps, caller: Caller, caseId: string, reason: string): Promise<CaseFileView> {
  const attempt = await accessCase(deps, caller, caseId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'prevention.break_glass_required') return null;
    throw error;
  });
  if (attempt) return readCase(deps, caller, caseId);
  // Refused only for lack of a break-glass, so the case is inside the jurisdiction.
  const row = await caseFor(deps, caller.user.jurisdiction, caseId);
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const id = await insertBreakGlass(trx, {
      caseId: row.id,
      regionId: row.region_id,
      userId: caller.user.userId,
      username: caller.user.username,
      reasonEnc: deps.fieldCrypto.encrypt(reason.trim()),
      at: now,
    });
    await appendTimeline(trx, {
      caseId: row.id,
      regionId: row.region_id,
      at: now,
      kind: 'case.break-glass',
      actorId: caller.user.userId,
      details: { breakGlassId: id },
    });
    await insertBreakGlassAlert(trx, { breakGlassId: id, at: now, caseRow: row });
    await auditStaff(trx, caller, {
      action: 'prevention.case.break_glass',
      target: { type: 'dv_case', id: row.id },
      regionId: row.region_id,
      details: { breakGlassId: id, reason: reason.trim() },
      at: now,
    });
  });
  return readCase(deps, caller, row.id);
}

/** The case's break-glass reads, for its team and supervisors (audited). */
export async function breakGlassLog(deps: PreventionDeps, caller: Caller, caseId: string): Promise<BreakGlassView[]> {
  const row = await teamCase(deps, caller, caseId);
  const rows = await listBreakGlass(deps.db, row.id);
  await auditStaff(deps.db, caller, {
    action: 'prevention.break_glass.read',
    target: { type: 'dv_case', id: row.id },
    regionId: row.region_id,
    at: deps.clock(),
  });
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    username: r.username,
    reason: deps.fieldCrypto.decrypt(r.reason_enc),
    at: r.at.toISOString(),
  }));
}

/**
 * Adds a user to the case team. Membership does not widen anyone's jurisdiction or roles: a
 * member still needs both for every route.
 */
export async function addTeamMember(deps: PreventionDeps, caller: Caller, caseId: string, userId: string) {
  const row = await teamCase(deps, caller, caseId);
  const now = deps.clock();
  try {
    return await writeOpenCase(deps.db, row.id, async (trx) => {
      const added = await insertTeamMember(trx, {
        caseId: row.id,
        regionId: row.region_id,
        userId,
        by: caller.user.userId,
        at: now,
      });
      if (added) {
        await appendTimeline(trx, {
          caseId: row.id,
          regionId: row.region_id,
          at: now,
          kind: 'team.added',
          actorId: caller.user.userId,
          details: { userId },
        });
        await auditStaff(trx, caller, {
          action: 'prevention.team.add',
          target: { type: 'dv_case', id: row.id },
          regionId: row.region_id,
          details: { userId },
          at: now,
        });
      }
      return { caseId: row.id, userId, added };
    });
  } catch (error) {
    // The user is identity's; the foreign key is what says it exists.
    if ((error as { code?: string }).code === '23503') throw new AppError('user.not_found');
    throw error;
  }
}
