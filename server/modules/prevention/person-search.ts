import { isValidIin } from '../../../common/iin.js';
import { AppError } from '../../http/errors.js';
import { accessCase, type CaseAccess } from './case-access.js';
import { caseDetails } from './case-store.js';
import { auditStaff, type PreventionDeps } from './deps.js';
import { initialsOf } from './masked-case.js';
import type { PersonSearchMatch, PersonSearchRequest, PersonSearchResult } from './person-search-schema.js';
import { casesWithIinHash } from './person-search-store.js';
import type { Caller } from './scope.js';

/** The caller's way into a case, or null when only its masked view is theirs (as masked-case.ts decides). */
async function accessOrNull(deps: PreventionDeps, caller: Caller, caseId: string): Promise<CaseAccess | null> {
  try {
    return (await accessCase(deps, caller, caseId)).access;
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
 * Every case in the caller's jurisdiction that a person appears in, found by the keyed hash of
 * their IIN (the IIN itself is never stored in the clear or searched). Cases the caller may open
 * come with the people's names; the others only as their masked view. The search is audited
 * with its reason and what it found — never with the IIN.
 */
export async function searchPerson(
  deps: PreventionDeps,
  caller: Caller,
  input: PersonSearchRequest,
): Promise<PersonSearchResult> {
  const iin = input.iin.replace(/\s/g, '');
  if (!isValidIin(iin)) throw new AppError('iin.invalid');
  const found = await casesWithIinHash(deps.db, caller.user.jurisdiction, deps.fieldCrypto.lookupHash(iin));
  const items: PersonSearchMatch[] = [];
  for (const c of found) {
    const access = await accessOrNull(deps, caller, c.id);
    const { people } = await caseDetails(deps.db, c.id);
    items.push({
      caseId: c.id,
      caseNumber: c.case_number,
      districtId: c.district_id,
      beatId: c.beat_id,
      status: c.status,
      riskGrade: c.risk_grade,
      updatedAt: c.updated_at.toISOString(),
      role: c.role,
      access,
      people: people.map((p) => {
        const name = deps.fieldCrypto.decrypt(p.name_enc);
        return access === null
          ? { role: p.role, initials: initialsOf(name) }
          : { role: p.role, initials: initialsOf(name), name };
      }),
      canBreakGlass: access === null && caller.user.roles.includes('officer'),
    });
  }
  await auditStaff(deps.db, caller, {
    action: 'prevention.person.search',
    target: { type: 'dv_person_search', id: caller.user.userId },
    regionId: caller.user.jurisdiction.level === 'country' ? null : caller.user.jurisdiction.regionId,
    details: { reason: input.reason.trim(), found: items.map((i) => ({ caseId: i.caseId, role: i.role, access: i.access })) },
    at: deps.clock(),
  });
  return { items };
}
