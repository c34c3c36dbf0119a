import { AppError } from '../../http/errors.js';
import { accessCase, caseFor, type CaseAccess } from './case-access.js';
import { caseDetails } from './case-store.js';
import { auditStaff, type PreventionDeps } from './deps.js';
import type { MaskedCaseView } from './schema.js';
import type { Caller } from './scope.js';

/** "Әлия Демова (Демо)" → "Ә. Д.": the first letters of the first two words, nothing more. */
export function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  return words
    .slice(0, 2)
    .map((w) => `${[...w][0]!.toLocaleUpperCase()}.`)
    .join(' ');
}

/** The caller's way into the full file, if any: computed by the same rules that guard it. */
async function currentAccess(deps: PreventionDeps, caller: Caller, id: string): Promise<CaseAccess | null> {
  try {
    return (await accessCase(deps, caller, id)).access;
  } catch (error) {
    if (
      error instanceof AppError &&
      (error.code === 'prevention.break_glass_required' || error.code === 'prevention.case_team_only')
    )
      return null;
    throw error;
  }
}

/**
 * A case as anyone in its area may see it: number, area, grade, and the people's roles with
 * initials. Built on the server so no name, address, phone or IIN ever leaves it for an
 * outsider. The names are decrypted to take their initials, so the read is audited.
 */
export async function maskedCase(deps: PreventionDeps, caller: Caller, id: string): Promise<MaskedCaseView> {
  const row = await caseFor(deps, caller.user.jurisdiction, id);
  const access = await currentAccess(deps, caller, row.id);
  const { people } = await caseDetails(deps.db, row.id);
  await auditStaff(deps.db, caller, {
    action: 'prevention.case.masked_read',
    target: { type: 'dv_case', id: row.id },
    regionId: row.region_id,
    details: { access },
    at: deps.clock(),
  });
  return {
    id: row.id,
    caseNumber: row.case_number,
    districtId: row.district_id,
    beatId: row.beat_id,
    status: row.status,
    riskGrade: row.risk_grade,
    people: people.map((p) => ({ role: p.role, initials: initialsOf(deps.fieldCrypto.decrypt(p.name_enc)) })),
    access,
    canBreakGlass: access === null && caller.user.roles.includes('officer'),
  };
}
